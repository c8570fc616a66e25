package org.engagement.examples.quickstart;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.engagement.core.domain.Interaction;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.engagement.EngagementScores;

/**
 * Quick start: decayed engagement scores. Score every interaction of the bundled sample with the default
 * weights and a 30-day half-life, then list the five most engaged customers at the end of the data.
 *
 * <p>Run it with {@code java -cp engagement-examples/target/engagement.jar
 * org.engagement.examples.quickstart.ScoreEngagement}.
 */
public final class ScoreEngagement {
  private ScoreEngagement() {}

  /** Runs the example on the bundled sample and prints to {@code out}. */
  public static void run(PrintStream out) {
    var interactions = BundledSample.load().interactions();
    EngagementScorer scorer = EngagementScorer.defaults().withHalfLife(Duration.ofDays(30));

    // One O(1) update per interaction, in any order; scores decay lazily until they are read.
    EngagementScores scores = EngagementScores.of(scorer).addAll(interactions);

    Instant asOf = interactions.stream().map(Interaction::timestamp).max(Comparator.naturalOrder()).orElseThrow();
    out.println("Engagement of " + scores.customerCount() + " customers at " + asOf + " (half-life 30 days):");
    scores.scoresAt(asOf).entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(5)
        .forEach(entry -> out.printf(Locale.ROOT, "  %-10s %8.2f%n", entry.getKey(), entry.getValue()));
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
