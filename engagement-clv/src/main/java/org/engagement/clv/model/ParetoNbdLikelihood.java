package org.engagement.clv.model;

import org.engagement.clv.internal.fit.LogLikelihood;
import org.engagement.clv.internal.special.Hypergeometric;
import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD log-likelihood over compressed histories (Schmittlein, Morrison and Colombo 1987; the
 * form of Fader and Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions"):
 *
 * <pre>
 * L = Gamma(r + x) alpha^r beta^s / Gamma(r) * [(alpha + T)^-(r + x) (beta + T)^-s + s (J(t_x) - J(T))],
 * J(t) = integral from t to infinity of (alpha + u)^-(r + x) (beta + u)^-(s + 1) du,
 * </pre>
 *
 * the first term for a customer still alive at {@code T}, the second for one who died in {@code (t_x,
 * T]}. The note writes {@code J} with {@code 2F1(r + s + x, s + 1; r + s + x + 1; (alpha - beta) / (alpha
 * + t))} when {@code alpha >= beta} and the mirror image otherwise; Euler's transformation turns both
 * into {@code 2F1(1, b; c; z)} with {@code 0 <= z < 1} ({@link #logTail}), evaluated by {@link
 * Hypergeometric#gauss2F1UnitA}, which stays fast as {@code z -> 1} (very unequal {@code alpha} and
 * {@code beta}, which a search passes through). Everything is in logs: the difference of the two tails
 * by {@code log1p(-exp(.))}, the sum of the two terms by log-sum-exp. Not thread-safe: it reuses a
 * scratch array.
 */
final class ParetoNbdLikelihood implements LogLikelihood {
  private final CompressedHistories data;
  private final double[] logGammaRatio;

  ParetoNbdLikelihood(CompressedHistories data) {
    this.data = data;
    this.logGammaRatio = new double[data.distinctFrequencies.length];
  }

  @Override
  public double at(double[] p) {
    double r = p[0];
    double alpha = p[1];
    double s = p[2];
    double beta = p[3];
    double logGammaR = Gamma.logGamma(r);
    for (int k = 0; k < logGammaRatio.length; k++) {
      logGammaRatio[k] = Gamma.logGamma(r + data.distinctFrequencies[k]) - logGammaR;
    }
    double constant = r * Math.log(alpha) + s * Math.log(beta);
    double sum = 0;
    int[] index = data.frequencyIndex;
    for (int i = 0; i < index.length; i++) {
      int k = index[i];
      double ll = logGammaRatio[k] + constant
          + logBracket(r, alpha, s, beta, data.distinctFrequencies[k], data.recency[i], data.age[i]);
      sum += data.weight[i] * ll;
    }
    return sum;
  }

  /** {@code ln[(alpha + T)^-(r + x) (beta + T)^-s + s (J(t_x) - J(T))]}. */
  static double logBracket(double r, double alpha, double s, double beta, int x, double recency, double age) {
    double alive = logAliveTerm(r, alpha, s, beta, x, age);
    return BgNbdLikelihood.logSumExp(alive, logDiedTerm(r, alpha, s, beta, x, recency, age));
  }

  /** {@code ln[(alpha + T)^-(r + x) (beta + T)^-s]}: survived to {@code T}. */
  static double logAliveTerm(double r, double alpha, double s, double beta, int x, double age) {
    return -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
  }

  /** {@code ln[s (J(t_x) - J(T))]}: died between the last purchase and {@code T} ({@code -inf} if {@code t_x = T}). */
  static double logDiedTerm(double r, double alpha, double s, double beta, int x, double recency,
      double age) {
    if (recency == age) {
      return Double.NEGATIVE_INFINITY;
    }
    double fromLast = logTail(r, alpha, s, beta, x, recency);
    double fromAge = logTail(r, alpha, s, beta, x, age);
    double ratio = Math.exp(Math.min(0, fromAge - fromLast));
    return Math.log(s) + fromLast + Math.log1p(-ratio);
  }

  /**
   * {@code ln J(t)}. With {@code p = r + x}, {@code q = s + 1}: for {@code alpha >= beta}, {@code J(t) =
   * (alpha + t)^-p (beta + t)^-(q - 1) 2F1(1, p; p + q; z) / (p + q - 1)} with {@code z = (alpha - beta)
   * / (alpha + t)}; otherwise the same with {@code (alpha, p)} and {@code (beta, q)} swapped.
   */
  static double logTail(double r, double alpha, double s, double beta, int x, double t) {
    double p = r + x;
    double q = s + 1;
    double a = p + q - 1;
    if (alpha >= beta) {
      double z = (alpha - beta) / (alpha + t);
      return -p * Math.log(alpha + t) - s * Math.log(beta + t) - Math.log(a)
          + Math.log(Hypergeometric.gauss2F1UnitA(p, a + 1, z));
    }
    double z = (beta - alpha) / (beta + t);
    return -q * Math.log(beta + t) - (p - 1) * Math.log(alpha + t) - Math.log(a)
        + Math.log(Hypergeometric.gauss2F1UnitA(q, a + 1, z));
  }
}
