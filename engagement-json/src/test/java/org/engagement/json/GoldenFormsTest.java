package org.engagement.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.value.tier.SegmentRollup;
import org.engagement.json.saved.ClvFitData;
import org.engagement.json.saved.SavedAttributionModel;
import org.engagement.json.saved.SavedClvModel;
import org.engagement.roi.RewardComponent;
import org.engagement.roi.lift.Interval;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.ChannelAllocation;
import org.engagement.roi.mix.ChannelEffect;
import org.engagement.roi.RoiLine;
import org.engagement.roi.RoiReport;
import org.junit.jupiter.api.Test;

/**
 * The shape of each form, pinned by a file a reviewer reads ({@code src/test/resources/golden/}): the value
 * written is that tree, and the file read gives the value. On a mismatch the actual form is left in {@code
 * target/golden-actual/} for a diff.
 */
class GoldenFormsTest {
  private static final ObjectMapper MAPPER = EngagementJson.mapper();
  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void attributionResult() throws IOException {
    AttributionResult result = AttributionResult.of("linear", ChannelIndex.of(List.of("search", "email")),
        new double[] {1.5, 1.5}, new double[] {60.25, 0.1}, 3, 60.35, true)
        .withNotes(List.of("2 interactions after the as-of were left out"));
    Same.attribution(EngagementJson.read(golden("attribution-result.json", result), AttributionResult.class),
        result);
  }

  @Test
  void savedClvModel() throws IOException {
    FitResult fit = FitResult.of(List.of("r", "alpha", "a", "b"), new double[] {0.2426, 4.4136, 0.7929, 2.4259},
        -9582.4292, FitStatus.CONVERGED, 412, 1130, new double[][] {
            {1.6e-4, 2.7e-3, 0, 0}, {2.7e-3, 0.0615, 0, 0}, {0, 0, 0.0342, 0.1225}, {0, 0, 0.1225, 0.5041}});
    SavedClvModel saved = SavedClvModel.of(SavedClvModel.Kind.BGNBD, PeriodUnit.WEEK, fit,
        new ClvFitData(2357, 1411, 5399, OptionalDouble.of(32.72), OptionalDouble.empty()));
    SavedClvModel back = EngagementJson.read(golden("saved-clv-model.json", saved), SavedClvModel.class);
    Same.fit(back.fit(), fit);
    assertThat(back.purchaseModel()).isEqualTo(saved.purchaseModel());
    assertThat(back.data()).isEqualTo(saved.data());
  }

  @Test
  void degenerateFit() throws IOException {
    FitResult fit = FitResult.of(List.of("p", "q", "gamma"), new double[] {6.25, 3.74, 15.44}, -9663.2,
        FitStatus.CONVERGED, 80, 260, null).degenerate("q ran to 1e8: one spend level shared by all");
    Same.fit(EngagementJson.read(golden("degenerate-fit.json", fit), FitResult.class), fit);
  }

  @Test
  void savedAttributionModel() throws IOException {
    SavedAttributionModel saved = SavedAttributionModel.of(AttributionModels.defaults().create("markov",
        ModelParameters.of(Map.of("order", "2"))));
    SavedAttributionModel back = EngagementJson.read(golden("saved-attribution-model.json", saved),
        SavedAttributionModel.class);
    assertThat(back.create(AttributionModels.defaults()).parameters()).isEqualTo(saved.parameters());
  }

  @Test
  void importReport() throws IOException {
    ImportReport report = new ImportReport("csv", 5, 3, 1, 1, List.of(
        new Rejection(new SourcePosition(2, 3), Rejection.Kind.INVALID, "timestamp", "2024-01-01",
            "has no zone offset"),
        new Rejection(new SourcePosition(5, 6), Rejection.Kind.DUPLICATE, "source_id", "a-7",
            "repeats record 1")), 0, null);
    assertThat(EngagementJson.read(golden("import-report.json", report), ImportReport.class)).isEqualTo(report);
  }

  @Test
  void roiReport() throws IOException {
    Map<RewardComponent, Double> rewards = new EnumMap<>(RewardComponent.class);
    rewards.put(RewardComponent.ATTRIBUTED_REVENUE, 1500.0);
    rewards.put(RewardComponent.RETAINED_VALUE, 250.0);
    RoiLine email = new RoiLine("email", Money.parse("500.00", "EUR"), rewards, 12.5, 40, 6, 0.5,
        OptionalInt.of(4));
    RoiLine total = new RoiLine("total", Money.parse("500.00", "EUR"), rewards, 12.5, 40, 6, 0.5,
        OptionalInt.of(4));
    RoiLine owner = new RoiLine("ana", Money.parse("0.00", "EUR"), Map.of(), 0, 0, 6, 0.5, OptionalInt.empty());
    RoiReport report = new RoiReport("relationship", EUR, YearMonth.of(2024, 1), YearMonth.of(2024, 6),
        List.of(email), List.of(owner), total);
    assertThat(EngagementJson.read(golden("roi-report.json", report), RoiReport.class)).isEqualTo(report);
  }

  @Test
  void segmentSizes() throws IOException {
    SegmentRollup segment = new SegmentRollup("retain", 120, 48210.5, 0.62, 0.08);
    assertThat(EngagementJson.read(golden("segment.json", segment), SegmentRollup.class)).isEqualTo(segment);
  }

  @Test
  void mixResults() throws IOException {
    ChannelEffect effect = new ChannelEffect("tv", 120_000, 310_000.5, 0.41, 2.583, new Interval(1.9, 3.2, 0.9),
        0.84, new Interval(0.5, 1.1, 0.9), 3.5);
    assertThat(EngagementJson.read(golden("channel-effect.json", effect), ChannelEffect.class)).isEqualTo(effect);
    BudgetPlan plan = new BudgetPlan(10_000, List.of(new ChannelAllocation("search", 4_000, 5_500, 9_100, 11_250.25),
        new ChannelAllocation("tv", 6_000, 4_500, 15_000, 14_020)), 1_170.25, new Interval(420, 1_900, 0.9));
    assertThat(EngagementJson.read(golden("budget-plan.json", plan), BudgetPlan.class)).isEqualTo(plan);
  }

  /** Checks that {@code value} is written as the golden file {@code name}, and returns the file's text. */
  static String golden(String name, Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EngagementJson.write(value, out);
    String actual = out.toString(UTF_8);
    String expected = "{}";
    try (InputStream in = GoldenFormsTest.class.getResourceAsStream("/golden/" + name)) {
      if (in != null) {
        expected = new String(in.readAllBytes(), UTF_8);
      }
    }
    JsonNode expectedTree = MAPPER.readTree(expected);
    if (!MAPPER.readTree(actual).equals(expectedTree)) {
      Path dir = Path.of("target", "golden-actual");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name), actual, UTF_8);
    }
    assertThat(MAPPER.readTree(actual)).as("the form of %s (actual in target/golden-actual/)", name)
        .isEqualTo(expectedTree);
    return expected;
  }
}
