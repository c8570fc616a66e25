package org.engagement.examples.quickstart;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.engagement.attribution.Attribution;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.clv.LifetimeValueAnalysis;
import org.engagement.clv.LifetimeValueOutcome;
import org.engagement.clv.RepeatBuyingMetrics;
import org.engagement.core.Engagement;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.segment.Segment;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.roi.RoiAnalysis;
import org.engagement.roi.RoiData;
import org.engagement.roi.RoiReport;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.simulator.SampleWorld;

/**
 * One pass through every product from its entry point, on the bundled sample world: import, profiles and a
 * segment ({@link Engagement}), attribution ({@link Attribution}), lifetime value ({@link
 * LifetimeValueAnalysis}) and relationship ROI ({@link RoiAnalysis}). The README's quick start is this
 * program.
 *
 * <p>Run it with {@code java -cp engagement-examples/target/examples.jar
 * org.engagement.examples.quickstart.FirstSteps}.
 */
public final class FirstSteps {
  private static final Currency EUR = Currency.getInstance("EUR");

  private FirstSteps() {}

  /** Runs the tour on the bundled sample world and prints to {@code out}. */
  public static void run(PrintStream out) {
    try {
      tour(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void tour(PrintStream out) throws IOException {
    // Import: every record accepted, rejected with its reason, or counted as a duplicate.
    List<Interaction> interactions = new ArrayList<>();
    ImportReport report = Engagement.importer()
        .run(Engagement.csv(), SampleWorld.open("interactions.csv"), interactions::add);
    out.println("import: " + report.summary());
    Instant asOf = interactions.stream().map(Interaction::timestamp).max(Instant::compareTo).orElseThrow();

    // Profiles and a segment.
    List<CustomerProfile> profiles =
        Engagement.profiles().withMetrics(RepeatBuyingMetrics.inDays()).profiles(interactions, asOf);
    Segment bigSpenders = Segment.metricAtLeast(MetricNames.VALUE, 500).named("spent 500 EUR or more");
    out.println("segment '" + bigSpenders.name() + "': " + profiles.stream().filter(bigSpenders).count()
        + " of " + profiles.size() + " customers");

    // Attribution by model name.
    JourneySet journeys = Attribution.journeys().withAsOf(asOf).journeys(interactions).toJourneySet();
    AttributionResult credit = Attribution.model("shao-li").attribute(journeys);
    out.printf(Locale.ROOT, "shao-li credit of %.0f conversions: press %.1f, trade-show %.1f%n",
        credit.totalConversions(), credit.conversions("press"), credit.conversions("trade-show"));

    // Lifetime value, or the reason there is none.
    LifetimeValueOutcome clv =
        LifetimeValueAnalysis.defaults().fit(interactions, ConversionRule.purchases(), EUR, asOf);
    out.println("lifetime value: " + clv.fitted().map(fit -> fit.predictions().size() + " buyers predicted")
        .orElseGet(() -> clv.reason().orElseThrow()));

    // Relationship ROI from the costs.
    CostCsvReader costs = CostCsvReader.inCurrency(EUR);
    Investment investment = costs.investment(costs.read(
        new InputStreamReader(SampleWorld.open("costs.csv"), StandardCharsets.UTF_8), "costs.csv"));
    RoiReport roi = RoiAnalysis.defaults().calculate(RoiData.of(interactions, investment).withAsOf(asOf)).report();
    out.printf(Locale.ROOT, "ROI over %d channels: cost %s, ROI %s%n", roi.channels().size(),
        roi.total().cost(), roi.total().roi().isPresent()
            ? String.format(Locale.ROOT, "%.1f%%", roi.total().roi().getAsDouble() * 100) : "-");
  }

  /**
   * Runs the tour on the bundled sample world.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }
}
