package org.engagement.clv.model;

import org.engagement.clv.internal.fit.GradientLogLikelihood;
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
 *
 * <p>The gradient ({@link #at(double[], double[])}) differentiates each term: with {@code psi} the digamma function,
 * {@code d ln A / d r = ln alpha - psi(r) + psi(r + x)}, {@code d / d alpha = r / alpha}, {@code d / d a = psi(a + b)
 * - psi(a + b + x + s)} and {@code d / d b = psi(a + b) - psi(b) + psi(b + x + s) - psi(a + b + x + s)} (for {@code
 * ln B}: {@code psi(a + 1) - psi(a)} more by {@code a}, {@code psi(b + x + s - 1)} instead of {@code psi(b + x + s)}
 * by {@code b}); the time factor {@code -(r + x) ln(alpha + t)} adds {@code -ln(alpha + t)} by {@code r} and {@code
 * -(r + x) / (alpha + t)} by {@code alpha}; a row's log-sum-exp weights the two terms' gradients by their shares.
 */
final class BgNbdLikelihood implements GradientLogLikelihood {
  private final CompressedHistories data;
  private final boolean modified;
  private final double[] logA;
  private final double[] logB;
  private final double[] logTimes;
  private final double[] inverseTimes;
  /** Per distinct frequency: d ln A / d a, d ln A / d b, d ln B / d a, d ln B / d b. */
  private final double[][] termGradients;
  private final double totalWeight;

  BgNbdLikelihood(CompressedHistories data, boolean modified) {
    this.data = data;
    this.modified = modified;
    this.logA = new double[data.distinctFrequencies.length];
    this.logB = new double[data.distinctFrequencies.length];
    this.logTimes = new double[data.distinctTimes.length];
    this.inverseTimes = new double[data.distinctTimes.length];
    this.termGradients = new double[4][data.distinctFrequencies.length];
    double total = 0;
    for (double w : data.weight) {
      total += w;
    }
    this.totalWeight = total;
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

  @Override
  public double at(double[] p, double[] gradient) {
    double value = at(p);
    double r = p[0];
    double alpha = p[1];
    double a = p[2];
    double b = p[3];
    int shift = modified ? 1 : 0;
    double psiAb = Gamma.digamma(a + b);
    double commonA = psiAb - Gamma.digamma(a);
    double commonB = psiAb - Gamma.digamma(b);
    double psiA1 = Gamma.digamma(a + 1);
    double psiA = Gamma.digamma(a);
    for (int k = 0; k < logA.length; k++) {
      int x = data.distinctFrequencies[k];
      double psiTotal = Gamma.digamma(a + b + x + shift);
      termGradients[0][k] = commonA + psiA - psiTotal;
      termGradients[1][k] = commonB + Gamma.digamma(b + x + shift) - psiTotal;
      termGradients[2][k] = commonA + psiA1 - psiTotal;
      termGradients[3][k] = x + shift > 0 ? commonB + Gamma.digamma(b + x + shift - 1) - psiTotal : 0;
    }
    double[] times = data.distinctTimes;
    for (int j = 0; j < times.length; j++) {
      inverseTimes[j] = 1 / (alpha + times[j]);
    }
    double gr = 0;
    double galpha = 0;
    double ga = 0;
    double gb = 0;
    double[] perFrequencyR = new double[logA.length];
    double psiR = Gamma.digamma(r);
    for (int k = 0; k < logA.length; k++) {
      perFrequencyR[k] = Math.log(alpha) - psiR + Gamma.digamma(r + data.distinctFrequencies[k]);
    }
    int[] index = data.frequencyIndex;
    for (int i = 0; i < index.length; i++) {
      int k = index[i];
      double power = r + data.distinctFrequencies[k];
      int age = data.ageIndex[i];
      int recency = data.recencyIndex[i];
      double first = logA[k] - power * logTimes[age];
      double second = logB[k] - power * logTimes[recency];
      double shareSecond = second == Double.NEGATIVE_INFINITY ? 0 : 1 / (1 + Math.exp(first - second));
      double shareFirst = 1 - shareSecond;
      double w = data.weight[i];
      gr += w * (perFrequencyR[k] - shareFirst * logTimes[age] - shareSecond * logTimes[recency]);
      galpha -= w * power * (shareFirst * inverseTimes[age] + shareSecond * inverseTimes[recency]);
      ga += w * (shareFirst * termGradients[0][k] + shareSecond * termGradients[2][k]);
      gb += w * (shareFirst * termGradients[1][k] + shareSecond * termGradients[3][k]);
    }
    gradient[0] = gr;
    gradient[1] = galpha + r / alpha * totalWeight;
    gradient[2] = ga;
    gradient[3] = gb;
    return value;
  }

  static double logSumExp(double u, double v) {
    if (v == Double.NEGATIVE_INFINITY) {
      return u;
    }
    double max = Math.max(u, v);
    return max + Math.log1p(Math.exp(-Math.abs(u - v)));
  }
}
