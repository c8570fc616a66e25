package org.engagement.examples.quickstart;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.roi.RewardComponent;
import org.engagement.roi.RoiAnalysis;
import org.engagement.roi.RoiData;
import org.engagement.roi.RoiLine;
import org.engagement.roi.RoiReport;
import org.engagement.roi.RoiSettings;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.roi.io.SurveyCsvReader;
import org.engagement.roi.selfreport.AnswerMapping;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.engagement.simulator.SampleWorld;

/**
 * Quick start: relationship ROI on the bundled sample world. Costs and survey answers come from CSV; the
 * ROI pipeline blends the Markov model with what customers said, finds retention evidence in the
 * interactions, and the default calculator reports each channel's rewards against its cost.
 *
 * <p>Run it with {@code java -cp engagement-examples/target/engagement.jar
 * org.engagement.examples.quickstart.ComputeRoi}.
 */
public final class ComputeRoi {
  private static final Currency EUR = Currency.getInstance("EUR");

  private ComputeRoi() {}

  /** Runs the example on the bundled sample world and prints to {@code out}. */
  public static void run(PrintStream out) {
    try {
      report(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void report(PrintStream out) throws IOException {
    List<Interaction> interactions = new ArrayList<>();
    InteractionImporter.defaults().run(new CsvInteractionAdapter(), SampleWorld.open("interactions.csv"),
        interactions::add);

    // Investment and survey answers, every bad row reported.
    CostCsvReader costs = CostCsvReader.inCurrency(EUR);
    Investment investment = costs.investment(costs.read(reader("costs.csv"), "costs.csv"));
    List<SurveyAnswer> answers = SurveyCsvReader.read(reader("survey.csv"), "survey.csv").values();

    // The choices: "how did you hear about us?" at the default survey weight (0.5, as the report uses), its
    // answers mapped to channels, a kept customer worth 700 EUR.
    AnswerMapping mapping = AnswerMapping.builder()
        .map("partner-referral", "partner", "friend")
        .map("trade-show", "trade show", "conference")
        .map("press", "press", "magazine")
        .map("blog", "blog post", "blog")
        .map("linkedin", "linkedin")
        .map("newsletter", "newsletter", "email")
        .map("google-ads", "googled", "search ad")
        .build();
    RoiSettings settings = RoiSettings.defaults().withMapping(mapping).withValuePerCustomer(700);

    RoiReport report = RoiAnalysis.of(settings).calculate(RoiData.of(interactions, investment).withSurvey(answers))
        .report();
    out.printf(Locale.ROOT, "%-17s %10s %10s %10s %10s %8s%n", "channel", "cost", "attributed", "survey",
        "retained", "ROI");
    for (RoiLine line : report.channels()) {
      out.printf(Locale.ROOT, "%-17s %10.0f %10.0f %10.0f %10.0f %8s%n", line.key(), line.cost().amount(),
          line.reward(RewardComponent.ATTRIBUTED_REVENUE).orElse(0),
          line.reward(RewardComponent.SELF_REPORTED_INFLUENCE).orElse(0),
          line.reward(RewardComponent.RETAINED_VALUE).orElse(0),
          line.roi().isPresent() ? String.format(Locale.ROOT, "%.0f%%", line.roi().getAsDouble() * 100) : "-");
    }
  }

  private static Reader reader(String file) {
    return new InputStreamReader(SampleWorld.open(file), StandardCharsets.UTF_8);
  }

  /**
   * Runs the example on the bundled sample world.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }
}
