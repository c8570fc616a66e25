package org.engagement.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.ModelParameters;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.BgBbModel;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.DiscreteSummary;
import org.engagement.clv.model.DiscreteSummaryCsvReader;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryCsvReader;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.json.saved.ClvFitData;
import org.engagement.json.saved.SavedAttributionModel;
import org.engagement.json.saved.SavedClvModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Saved models: a CLV model fitted on the CDNOW sample (Fader and Hardie's 2,357 customers, in weeks, from
 * engagement-clv's test resources), or BG/BB on the donations of Fader, Hardie and Shang (2010, 11,104 donors of
 * the 1995 cohort, 6 opportunities), saved and loaded predicts exactly as the fitted one; every registry
 * attribution model's configuration saves and loads to the same parameters; unknown formats and versions are
 * refused by name.
 */
class SavedModelsTest {
  private static final Path CDNOW = Path.of("..", "engagement-clv", "src", "test", "resources", "cdnow");
  private static final Path DONATIONS = Path.of("..", "engagement-clv", "src", "test", "resources", "donations",
      "donations.csv");
  private static List<RepeatBuyingSummary> customers;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = Files.newInputStream(CDNOW.resolve("cdnow_customers_summary_with_transactions.csv"))) {
      SummaryCsvReader.Result result = SummaryCsvReader.read(in, "cdnow", SummaryCsvReader.Domain.REPEAT_BUYING);
      assertThat(result.report().isClean()).isTrue();
      customers = result.summaries();
    }
  }

  @Test
  void aLoadedBgNbdModelPredictsExactlyAsTheFittedOne() throws IOException {
    List<WeightedSummary> compressed = WeightedSummary.compress(customers);
    ModelFit<BgNbdModel> fit = BgNbdModel.fit(compressed, PeriodUnit.WEEK, FitOptions.defaults());
    SavedClvModel saved = SavedClvModel.of(SavedClvModel.Kind.BGNBD, PeriodUnit.WEEK, fit.result(),
        ClvFitData.ofPurchases(compressed));

    SavedClvModel loaded = EngagementJson.read(new ByteArrayInputStream(bytes(saved)), SavedClvModel.class);

    RepeatBuyingModel model = loaded.purchaseModel();
    assertThat(model).isEqualTo(fit.model());
    for (RepeatBuyingSummary c : customers.subList(0, 200)) {
      assertThat(model.conditionalExpectedPurchases(c.frequency(), c.recency(), c.age(), 39))
          .isEqualTo(fit.model().conditionalExpectedPurchases(c.frequency(), c.recency(), c.age(), 39));
      assertThat(model.probabilityAlive(c.frequency(), c.recency(), c.age()))
          .isEqualTo(fit.model().probabilityAlive(c.frequency(), c.recency(), c.age()));
    }
    Same.fit(loaded.fit(), fit.result());
    assertThat(loaded.data().customers()).isEqualTo(2357);
    assertThat(loaded.data().repeatBuyers()).isEqualTo(customers.stream().filter(c -> c.frequency() > 0).count());
    assertThat(loaded.fit().hasStandardErrors()).isTrue();
  }

  @Test
  void aLoadedGammaGammaModelValuesSpendExactlyAsTheFittedOne() throws IOException {
    List<SpendSummary> spends = SpendSummary.compress(customers);
    ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(spends, FitOptions.defaults());
    SavedClvModel saved = SavedClvModel.of(SavedClvModel.Kind.GAMMAGAMMA, null, fit.result(),
        ClvFitData.ofSpend(spends));

    SavedClvModel loaded = EngagementJson.read(new ByteArrayInputStream(bytes(saved)), SavedClvModel.class);

    assertThat(loaded.spendModel()).isEqualTo(fit.model());
    assertThat(loaded.unit()).isNull();
    assertThat(loaded.data().meanRepeatSpend()).isPresent();
    assertThatThrownBy(loaded::purchaseModel).isInstanceOf(IllegalStateException.class).hasMessageContaining("spend");
  }

  @Test
  void aLoadedBgBbModelPredictsExactlyAsTheFittedOne() throws IOException {
    List<DiscreteSummary> donations;
    try (InputStream in = Files.newInputStream(DONATIONS)) {
      DiscreteSummaryCsvReader.Result read = DiscreteSummaryCsvReader.read(in, "donations");
      assertThat(read.report().isClean()).isTrue();
      donations = read.summaries();
    }
    ModelFit<BgBbModel> fit = BgBbModel.fit(donations, FitOptions.defaults());
    SavedClvModel saved = SavedClvModel.of(SavedClvModel.Kind.BGBB, null, fit.result(),
        ClvFitData.ofDiscrete(donations));

    SavedClvModel loaded = EngagementJson.read(new ByteArrayInputStream(bytes(saved)), SavedClvModel.class);

    BgBbModel model = loaded.discreteModel();
    assertThat(model).isEqualTo(fit.model());
    for (DiscreteSummary d : donations) {
      assertThat(model.probabilityAlive(d)).isEqualTo(fit.model().probabilityAlive(d));
      assertThat(model.conditionalExpectedPurchases(d, 5)).isEqualTo(fit.model().conditionalExpectedPurchases(d, 5));
    }
    Same.fit(loaded.fit(), fit.result());
    assertThat(loaded.unit()).isNull();
    assertThat(loaded.data().customers()).as("FHS 2010: the 1995 cohort").isEqualTo(11_104);
    assertThat(loaded.data().meanAge()).hasValue(6.0);
    assertThatThrownBy(loaded::purchaseModel).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("use discreteModel()");
    assertThatThrownBy(() -> SavedClvModel.of(SavedClvModel.Kind.BGBB, PeriodUnit.WEEK, fit.result(),
        ClvFitData.ofDiscrete(donations))).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("must be absent for bgbb");
  }

  @Test
  void everyDefaultAttributionModelsConfigurationRoundTrips() throws IOException {
    AttributionModels registry = AttributionModels.defaults();
    List<String> saved = new ArrayList<>();
    for (String name : registry.names()) {
      AttributionModel model;
      try {
        model = registry.create(name);
      } catch (IllegalArgumentException e) {
        continue; // a model with required parameters (custom weights) has no default configuration
      }
      SavedAttributionModel back = EngagementJson.read(EngagementJson.write(SavedAttributionModel.of(model)),
          SavedAttributionModel.class);
      assertThat(back.model()).isEqualTo(name);
      assertThat(back.create(registry).parameters()).as(name).isEqualTo(model.parameters());
      saved.add(name);
    }
    assertThat(saved).contains("markov", "shapley", "time-decay", "linear", "first-touch").hasSizeGreaterThan(10);
  }

  @Test
  void typedParametersKeepTheirTypes() throws IOException {
    AttributionModel markov = AttributionModels.defaults().create("markov",
        ModelParameters.of(java.util.Map.of("order", 3L, "collapse", false, "tolerance", 1e-9)));
    String json = EngagementJson.write(SavedAttributionModel.of(markov));
    assertThat(json).contains("\"order\":3", "\"collapse\":false", "\"tolerance\":1.0E-9");
    assertThat(EngagementJson.read(json, SavedAttributionModel.class).create(AttributionModels.defaults())
        .parameters()).isEqualTo(markov.parameters());
  }

  @Test
  void anUnknownVersionIsRefusedNamingItAndTheSupportedOnes() throws IOException {
    ObjectNode json = (ObjectNode) EngagementJson.mapper().readTree(bytes(savedMarkov()));
    json.put("version", 2);
    assertThatThrownBy(() -> EngagementJson.read(json, SavedAttributionModel.class))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("version '2' is invalid: is not a version of engagement-attribution-model this library reads; "
            + "supported: [1]");
  }

  @Test
  void anUnknownFormatIsRefusedNamingIt() throws IOException {
    ObjectNode json = (ObjectNode) EngagementJson.mapper().readTree(bytes(savedMarkov()));
    assertThatThrownBy(() -> EngagementJson.read(json, SavedClvModel.class))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("format 'engagement-attribution-model' is invalid: must be engagement-clv-model");
    json.remove("version");
    assertThatThrownBy(() -> EngagementJson.read(json, SavedAttributionModel.class))
        .isInstanceOf(InvalidFieldException.class).hasMessage("version is missing: is required");
  }

  @Test
  void anUnknownClvModelIsRefusedListingTheKnownOnes() {
    String json = "{\"format\":\"engagement-clv-model\",\"version\":1,\"model\":\"pareto-ggg\",\"unit\":\"week\"}";
    assertThatThrownBy(() -> EngagementJson.read(json, SavedClvModel.class))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("model 'pareto-ggg' is invalid: must be one of [bgnbd, mbgnbd, paretonbd, gammagamma, bgbb]");
  }

  @Test
  void aBadValueNamesItsPath() {
    String json = "{\"model\":\"linear\",\"additive\":true,\"total_conversions\":1,\"total_value\":0,"
        + "\"channels\":[{\"channel\":\"a\",\"conversions\":1,\"value\":0},{\"channel\":\"b\",\"conversions\":0}]}";
    assertThatThrownBy(() -> EngagementJson.read(json, org.engagement.attribution.AttributionResult.class))
        .isInstanceOf(InvalidFieldException.class).hasMessage("channels[1].value is missing: is required");
  }

  @Test
  void throughAHostsMapperABadValueIsJacksonsExceptionWithTheCause() {
    String json = "{\"format\":\"engagement-clv-model\",\"version\":7}";
    assertThatThrownBy(() -> EngagementJson.mapper().readValue(json, SavedClvModel.class))
        .isInstanceOf(JsonMappingException.class).hasCauseInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("supported: [1]");
  }

  @Test
  void malformedJsonIsAnIoException() {
    assertThatThrownBy(() -> EngagementJson.read("{\"format\":", SavedClvModel.class))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> EngagementJson.read("{} {}", SavedClvModel.class)).isInstanceOf(IOException.class);
  }

  private static SavedAttributionModel savedMarkov() {
    return SavedAttributionModel.of(AttributionModels.defaults().create("markov"));
  }

  private static byte[] bytes(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EngagementJson.write(value, out);
    assertThat(out.toString(UTF_8)).endsWith("\n");
    return out.toByteArray();
  }
}
