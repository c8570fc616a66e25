package org.engagement.roi.lift;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/** Critical values and two-sided tail probabilities of the normal and t distributions. */
final class Tails {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

  private Tails() {}

  /** The {@code 1 - (1 - level) / 2} quantile of the standard normal. */
  static double zCritical(double level) {
    return zQuantile(1 - (1 - level) / 2);
  }

  static double zQuantile(double probability) {
    return STANDARD_NORMAL.inverseCumulativeProbability(probability);
  }

  /** {@code 2 P(Z >= |z|)}, taken from the lower tail so that small p-values keep their precision. */
  static double normalTwoSided(double z) {
    return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
  }

  static double tCritical(double level, double degreesOfFreedom) {
    return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  static double tTwoSided(double t, double degreesOfFreedom) {
    if (Double.isInfinite(t)) {
      return 0;
    }
    return Math.min(1, 2 * new TDistribution(degreesOfFreedom).cumulativeProbability(-Math.abs(t)));
  }

  /** {@code numerator / denominator}, reading {@code 0 / 0} as 0 (no difference, no spread: no evidence). */
  static double ratioOrZero(double numerator, double denominator) {
    return numerator == 0 ? 0 : numerator / denominator;
  }
}
