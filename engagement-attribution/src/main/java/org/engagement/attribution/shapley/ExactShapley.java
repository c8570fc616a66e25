package org.engagement.attribution.shapley;

import org.engagement.attribution.journey.JourneySet;

/**
 * The exact Shapley values of the conversion-rate game: every coalition of the {@code n} channels is a
 * bitmask, {@code v} is tabled for all {@code 2^n} of them (with the subsets worth by a subset-sum, or zeta,
 * transform), and each channel's value is the weighted sum of its marginal contributions. {@code O(n 2^n)}
 * time and {@code O(2^n)} memory. Stateless.
 */
final class ExactShapley {
  private ExactShapley() {}

  /** The Shapley values of the game of {@code journeys} under {@code worth}, one per channel id. */
  static double[] values(JourneySet journeys, int n, CoalitionWorth worth) {
    double[] phi = new double[n];
    if (n == 0) {
      return phi;
    }
    // v[mask] first accumulates the conversions of the journeys whose distinct channel set is mask, and
    // exposed[mask] their conversions plus non-conversions; then v[mask] becomes the conversion rate.
    double[] v = new double[1 << n];
    double[] exposed = new double[1 << n];
    for (int p = 0; p < journeys.pathCount(); p++) {
      int mask = 0;
      for (int i = journeys.start(p); i < journeys.end(p); i++) {
        mask |= 1 << journeys.channelAt(i);
      }
      v[mask] += journeys.conversions(p);
      exposed[mask] += journeys.conversions(p) + journeys.nulls(p);
    }
    if (worth == CoalitionWorth.SUBSETS) {
      sumOverSubsets(v, n);
      sumOverSubsets(exposed, n);
    }
    for (int mask = 0; mask < v.length; mask++) {
      v[mask] = exposed[mask] > 0 ? v[mask] / exposed[mask] : 0;
    }
    // weight[s] = s! (n - s - 1)! / n!, by the recurrence weight[s] = weight[s - 1] * s / (n - s).
    double[] weight = new double[n];
    weight[0] = 1.0 / n;
    for (int s = 1; s < n; s++) {
      weight[s] = weight[s - 1] * s / (n - s);
    }
    for (int mask = 0; mask < v.length; mask++) {
      double w = weight[Integer.bitCount(mask) == n ? n - 1 : Integer.bitCount(mask)];
      double base = v[mask];
      for (int c = 0; c < n; c++) {
        int bit = 1 << c;
        if ((mask & bit) == 0) {
          phi[c] += w * (v[mask | bit] - base);
        }
      }
    }
    return phi;
  }

  /** The zeta transform in place: {@code a[mask]} becomes the sum of {@code a} over the submasks of mask. */
  private static void sumOverSubsets(double[] a, int n) {
    for (int c = 0; c < n; c++) {
      int bit = 1 << c;
      for (int mask = 0; mask < a.length; mask++) {
        if ((mask & bit) != 0) {
          a[mask] += a[mask ^ bit];
        }
      }
    }
  }
}
