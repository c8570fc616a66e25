package org.engagement.examples.quickstart;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.heuristic.HeuristicModel;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.markov.MarkovModel;

/**
 * Quick start: multi-touch attribution. Build journeys from the bundled sample (touches in the 90 days
 * before each purchase), then compare last touch with the data-driven Markov model: the channels that
 * open relationships but rarely close them get their share back.
 *
 * <p>Run it with {@code java -cp engagement-examples/target/engagement.jar
 * org.engagement.examples.quickstart.AttributeConversions}.
 */
public final class AttributeConversions {
  private AttributeConversions() {}

  /** Runs the example on the bundled sample and prints to {@code out}. */
  public static void run(PrintStream out) {
    JourneySet journeys = JourneyRules.defaults().journeys(BundledSample.load().interactions()).toJourneySet();
    List<AttributionModel> models = List.of(HeuristicModel.lastTouch(), MarkovModel.firstOrder());
    List<AttributionResult> results = models.stream().map(model -> model.attribute(journeys)).toList();

    out.printf(Locale.ROOT, "%-18s", "channel");
    results.forEach(result -> out.printf(Locale.ROOT, " %12s", result.model()));
    out.println();
    for (String channel : journeys.channels().names()) {
      out.printf(Locale.ROOT, "%-18s", channel);
      results.forEach(result -> out.printf(Locale.ROOT, " %12.2f", result.conversions(channel)));
      out.println();
    }
  }

  /**
   * Runs the example on the bundled sample.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }
}
