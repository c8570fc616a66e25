package org.engagement.attribution;

import org.engagement.attribution.journey.JourneySet;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A Poisson bootstrap resample of a journey set's path counts, as {@code BootstrapIntervals} draws them for a set of
 * paths: what a model's {@link AttributionModel#forResamplesOf resample form} is run on.
 */
public final class PoissonResample {
  private PoissonResample() {}

  /** Each path's conversions and non-conversions redrawn as Poisson counts with the observed means. */
  public static JourneySet of(JourneySet journeys, long seed) {
    RandomDataGenerator random = new RandomDataGenerator(seed);
    int paths = journeys.pathCount();
    double[] conversions = new double[paths];
    double[] values = new double[paths];
    double[] nulls = new double[paths];
    for (int p = 0; p < paths; p++) {
      double c = journeys.conversions(p);
      if (c > 0) {
        conversions[p] = random.nextPoisson(c);
        values[p] = journeys.value(p) * conversions[p] / c;
      }
      if (journeys.nulls(p) > 0) {
        nulls[p] = random.nextPoisson(journeys.nulls(p));
      }
    }
    return journeys.withCounts(conversions, values, nulls);
  }
}
