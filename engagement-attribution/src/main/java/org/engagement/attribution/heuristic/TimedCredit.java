package org.engagement.attribution.heuristic;

import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;

/**
 * The loop shared by the models that need each touch's time or type (time decay, W-shaped): for every
 * converting journey, a weigher gives each touch a non-negative weight, and the journey's conversion and
 * value are split in proportion. Stateless.
 */
final class TimedCredit {

  /** Weighs the touches of one journey. */
  @FunctionalInterface
  interface Weigher {
    /**
     * Fills {@code weights[0..length)} for the touches at {@code start .. start + length} of
     * {@code journeys}; the weights must not all be zero.
     */
    void weigh(Journeys journeys, int start, int length, double[] weights);
  }

  private TimedCredit() {}

  /**
   * Credits {@code journeys}' timed journeys with {@code weigher} under {@code model}'s name.
   *
   * @throws IllegalArgumentException if the set has paths only (no touch times or types)
   */
  static AttributionResult attribute(String model, JourneySet journeys, Weigher weigher) {
    Journeys timed = journeys.timed().orElseThrow(() -> new IllegalArgumentException(model
        + " needs touch times and types, but this journey set has paths only (read from a path file or built"
        + " by hand); build it from interactions with JourneyRules, or choose a path-based model"));
    int channelCount = journeys.channels().size();
    double[] conv = new double[channelCount];
    double[] value = new double[channelCount];
    // Channel ids of the timed journeys may differ from the set's (after a merge); map them by name. A channel
    // of the timed journeys that no journey touches (a bootstrap resample keeps every channel) is not in the set.
    int[] toSet = new int[timed.channels().size()];
    for (int c = 0; c < toSet.length; c++) {
      toSet[c] = journeys.channels().id(timed.channels().name(c)).orElse(-1);
    }
    Shares shares = new Shares(weigher);
    for (int j = 0; j < timed.size(); j++) {
      if (!timed.converted(j)) {
        continue;
      }
      double[] w = shares.of(timed, j);
      int start = timed.start(j);
      double v = timed.value(j);
      for (int i = 0; i < timed.end(j) - start; i++) {
        int channel = toSet[timed.channelAt(start + i)];
        conv[channel] += w[i];
        value[channel] += v * w[i];
      }
    }
    return AttributionResult.of(model, journeys, conv, value, true);
  }

  /** Credits each converting journey of {@code journeys} with {@code weigher}, journey by journey. */
  static JourneyCredits creditJourneys(String model, Journeys journeys, Weigher weigher) {
    JourneyCredits.Builder credits = JourneyCredits.builder(model, journeys, true);
    Shares shares = new Shares(weigher);
    for (int j = 0; j < journeys.size(); j++) {
      if (journeys.converted(j)) {
        double[] w = shares.of(journeys, j);
        int start = journeys.start(j);
        double v = journeys.value(j);
        for (int i = 0; i < journeys.end(j) - start; i++) {
          credits.credit(journeys.channelAt(start + i), w[i], v * w[i]);
        }
      }
      credits.endJourney(j);
    }
    return credits.build();
  }

  /** Each touch's share of a journey by a weigher, in one buffer reused from journey to journey. */
  private static final class Shares {
    private final Weigher weigher;
    private double[] weights = new double[16];

    Shares(Weigher weigher) {
      this.weigher = weigher;
    }

    /** The shares of journey {@code j}'s touches in {@code [0, length)} of the returned buffer; they add to 1. */
    double[] of(Journeys journeys, int j) {
      int start = journeys.start(j);
      int length = journeys.end(j) - start;
      if (weights.length < length) {
        weights = new double[Math.max(length, weights.length * 2)];
      }
      weigher.weigh(journeys, start, length, weights);
      double sum = 0;
      for (int i = 0; i < length; i++) {
        sum += weights[i];
      }
      for (int i = 0; i < length; i++) {
        weights[i] /= sum;
      }
      return weights;
    }
  }
}
