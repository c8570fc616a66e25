package org.engagement.clv.model;

import org.engagement.clv.internal.fit.LogLikelihood;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD and MBG/NBD log-likelihoods over compressed histories, both of the form
 * {@code L = A(x) (alpha + T)^-(r + x) + B(x) (alpha + t_x)^-(r + x)} with
 * {@code A(x) = Gamma(r + x) alpha^r / Gamma(r) * Beta(a, b + x + s) / Beta(a, b)} and
 * {@code B(x) = Gamma(r + x) alpha^r / Gamma(r) * Beta(a + 1, b + x + s - 1) / Beta(a, b)}, where the
 * shift {@code s} is 0 for BG/NBD (and {@code B(0) = 0}: no drop-out before the first repeat purchase) and
 * 1 for MBG/NBD (drop-out possible right after the first purchase). The two terms are added in log space
 * (log-sum-exp), so no power under- or overflows. {@code ln(alpha + t)} is taken once per distinct time, the same
 * value as per row. Not thread-safe: it reuses its scratch arrays.
 */
final class BgNbdLikelihood implements LogLikelihood {
  private final CompressedHistories data;
  private final boolean modified;
  private final double[] logA;
  private final double[] logB;
  private final double[] logTimes;

  BgNbdLikelihood(CompressedHistories data, boolean modified) {
    this.data = data;
    this.modified = modified;
    this.logA = new double[data.distinctFrequencies.length];
    this.logB = new double[data.distinctFrequencies.length];
    this.logTimes = new double[data.distinctTimes.length];
  }

  @Override
  public double at(double[] p) {
    double r = p[0];
    double alpha = p[1];
    double a = p[2];
    double b = p[3];
    int shift = modified ? 1 : 0;
    double common0 = r * Math.log(alpha) - Gamma.logGamma(r) - Beta.logBeta(a, b);
    for (int k = 0; k < logA.length; k++) {
      int x = data.distinctFrequencies[k];
      double common = common0 + Gamma.logGamma(r + x);
      logA[k] = common + Beta.logBeta(a, b + x + shift);
      logB[k] = x + shift > 0 ? common + Beta.logBeta(a + 1, b + x + shift - 1) : Double.NEGATIVE_INFINITY;
    }
    double[] times = data.distinctTimes;
    for (int j = 0; j < times.length; j++) {
      logTimes[j] = Math.log(alpha + times[j]);
    }
    double sum = 0;
    int[] index = data.frequencyIndex;
    for (int i = 0; i < index.length; i++) {
      int k = index[i];
      double power = r + data.distinctFrequencies[k];
      double first = logA[k] - power * logTimes[data.ageIndex[i]];
      double second = logB[k] - power * logTimes[data.recencyIndex[i]];
      sum += data.weight[i] * logSumExp(first, second);
    }
    return sum;
  }

  static double logSumExp(double u, double v) {
    if (v == Double.NEGATIVE_INFINITY) {
      return u;
    }
    double max = Math.max(u, v);
    return max + Math.log1p(Math.exp(-Math.abs(u - v)));
  }
}
