package org.engagement.roi.lift;

import java.util.function.IntToDoubleFunction;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.hipparchus.special.Gamma;

/**
 * Exact binomial and Poisson tests and intervals, with R's conventions ({@code binom.test}, {@code
 * poisson.test}).
 *
 * <p>Two-sided p-values follow the minimum-likelihood rule: the probability of every outcome no more likely
 * than the observed one, with R's relative tolerance of {@code 1e-7} on "no more likely" so that outcomes
 * tied in exact arithmetic stay tied in floating point. The probability mass function is unimodal, so the
 * outcomes on the far side are a tail, found by bisection rather than by summing term by term.
 */
final class ExactCounts {
  private static final double RELATIVE_TIE = 1 + 1e-7;
  private static final double QUANTILE_ACCURACY = 1e-14;

  private ExactCounts() {}

  /** Two-sided p-value of {@code x} successes out of {@code n} with success probability {@code p}. */
  static double binomialTwoSided(int x, int n, double p) {
    BinomialDistribution lower = new BinomialDistribution(n, p);
    BinomialDistribution mirrored = new BinomialDistribution(n, 1 - p);
    IntToDoubleFunction upperTail = k -> k > n ? 0 : k <= 0 ? 1 : mirrored.cumulativeProbability(n - k);
    double mean = n * p;
    double bound = lower.probability(x) * RELATIVE_TIE;
    if (x == mean) {
      return 1;
    }
    if (x < mean) {
      int k = firstAtMost(lower::probability, (int) Math.ceil(mean), n + 1, bound);
      return Math.min(1, lower.cumulativeProbability(x) + upperTail.applyAsDouble(k));
    }
    int k = lastAtMost(lower::probability, -1, (int) Math.floor(mean), bound);
    double below = k < 0 ? 0 : lower.cumulativeProbability(k);
    return Math.min(1, below + upperTail.applyAsDouble(x));
  }

  /** Two-sided p-value of a Poisson count {@code x} whose mean is {@code mean} under the null. */
  static double poissonTwoSided(int x, double mean) {
    if (mean == 0) {
      return x == 0 ? 1 : 0;
    }
    if (x == mean) {
      return 1;
    }
    PoissonDistribution poisson = new PoissonDistribution(mean);
    double bound = poisson.probability(x) * RELATIVE_TIE;
    if (x < mean) {
      long limit = Math.max((long) Math.ceil(2 * mean - x), 1);
      while (limit < Integer.MAX_VALUE && poisson.probability((int) limit) > bound) {
        limit = Math.min(2 * limit, Integer.MAX_VALUE);
      }
      int k = firstAtMost(poisson::probability, (int) Math.ceil(mean), (int) limit, bound);
      return Math.min(1, poissonAtMost(x, mean) + poissonAtLeast(k, mean));
    }
    int k = lastAtMost(poisson::probability, -1, (int) Math.floor(mean), bound);
    double below = k < 0 ? 0 : poissonAtMost(k, mean);
    return Math.min(1, below + poissonAtLeast(x, mean));
  }

  /** {@code P(X <= k)} for a Poisson {@code X}. */
  static double poissonAtMost(int k, double mean) {
    return Gamma.regularizedGammaQ(k + 1.0, mean);
  }

  /** {@code P(X >= k)} for a Poisson {@code X}, computed directly so tiny tails keep their precision. */
  static double poissonAtLeast(int k, double mean) {
    return k <= 0 ? 1 : Gamma.regularizedGammaP(k, mean);
  }

  /** The Clopper-Pearson interval for a binomial proportion: {@code {lower, upper}}. */
  static double[] clopperPearson(int x, int n, double level) {
    double tail = (1 - level) / 2;
    double lower = x == 0 ? 0
        : new BetaDistribution(x, n - x + 1.0, QUANTILE_ACCURACY).inverseCumulativeProbability(tail);
    double upper = x == n ? 1
        : new BetaDistribution(x + 1.0, n - x, QUANTILE_ACCURACY).inverseCumulativeProbability(1 - tail);
    return new double[] {lower, upper};
  }

  /** The exact (Garwood) interval for a Poisson mean given the count {@code x}: {@code {lower, upper}}. */
  static double[] poissonMean(int x, double level) {
    double tail = (1 - level) / 2;
    double lower = x == 0 ? 0
        : new GammaDistribution(x, 1, QUANTILE_ACCURACY).inverseCumulativeProbability(tail);
    double upper = new GammaDistribution(x + 1.0, 1, QUANTILE_ACCURACY).inverseCumulativeProbability(1 - tail);
    return new double[] {lower, upper};
  }

  /**
   * The smallest {@code k} in {@code [from, to)} with {@code pmf(k) <= bound}, or {@code to} if none, where
   * {@code pmf} does not increase on that range.
   */
  private static int firstAtMost(IntToDoubleFunction pmf, int from, int to, double bound) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      if (pmf.applyAsDouble(mid) <= bound) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * The largest {@code k} in {@code (from, to]} with {@code pmf(k) <= bound}, or {@code from} if none, where
   * {@code pmf} does not decrease on that range.
   */
  private static int lastAtMost(IntToDoubleFunction pmf, int from, int to, double bound) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = hi - (hi - lo) / 2;
      if (pmf.applyAsDouble(mid) <= bound) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
