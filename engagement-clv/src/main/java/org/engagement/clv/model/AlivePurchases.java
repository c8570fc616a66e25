package org.engagement.clv.model;

import org.engagement.clv.internal.special.Hypergeometric;

/**
 * The expected purchases within a horizon of a BG/NBD-family customer who is alive now, summed as a
 * series of positive terms so that it is finite and accurate for every valid input, including {@code a =
 * 1}.
 *
 * <p><b>Why not the closed form.</b> Fader, Hardie and Lee (2005, eq. 10) write the expectation as {@code
 * (a + B - 1) / (a - 1) [1 - (1 - z)^A 2F1(A, B; a + B - 1; z)]} with {@code A = r + x}, {@code B = b + x}
 * and {@code z = t / (alpha + T + t)}. Evaluated as written it fails in three ways: {@code (1 - z)^A}
 * underflows and {@code 2F1} overflows once {@code A ln((alpha + T + t) / (alpha + T))} passes about 709
 * (a product {@code 0 * inf}, {@code NaN}); near {@code a = 1} the bracket is a difference of two nearly
 * equal numbers divided by {@code a - 1}, which loses every digit (results off by 450 % within {@code
 * 1e-12} of 1, even negative); at {@code a = 1} it is {@code 0 / 0}.
 *
 * <p><b>The series.</b> Conditional on the purchase rate {@code lambda} and drop-out probability {@code
 * p}, a customer alive now makes the {@code k}-th future purchase when the Poisson process reaches {@code
 * k} events within {@code t} and the customer survived the {@code k - 1} purchases before it. Mixing over
 * the posteriors {@code lambda ~ Gamma(A, alpha + T)} and {@code p ~ Beta(a, B)} gives
 *
 * <pre>
 *   E = sum_{n >= 1} NB(n; A, z) C_n,   C_n = sum_{k=0}^{n-1} q_k,   q_k = (B)_k / (a + B)_k,
 * </pre>
 *
 * where {@code NB(n; A, z) = Gamma(A + n) / (Gamma(A) n!) (1 - z)^A z^n} is the negative-binomial chance of
 * {@code n} events and {@code q_k = E[(1 - p)^k]} the chance of surviving {@code k} purchases. Summing
 * {@code sum_n NB(n) C_n} term by term against the hypergeometric series reproduces eq. 10 for every
 * {@code a != 1}; at {@code a = 1}, {@code q_k = B / (B + k)} and the series is the limit of eq. 10,
 * {@code E = B sum_{n >= 1} NB(n; A, z) (psi(B + n) - psi(B))} (the digamma difference being {@code
 * sum_{k<n} 1 / (B + k)}), so the removable singularity needs no special case. Every term is positive:
 * there is no cancellation anywhere. The negative-binomial weights are carried with a separate logarithmic
 * scale (rescaled when they grow past {@code 1e280}), so {@code (1 - z)^A} never underflows.
 *
 * <p><b>Cost, and when the closed form is used.</b> The weights decay like {@code z^n} past the mode, so
 * the sum stops after about {@code A z / (1 - z) + 40 / (1 - z)} terms, when a bound on the whole remaining
 * tail is below {@code 1e-16} of the sum; each term costs about three times a term of the hypergeometric
 * series. So where eq. 10 is safe, it is evaluated as written: {@code |a - 1| >= }{@value
 * #CLOSED_FORM_MIN_DISTANCE} (the cancellation then costs at most about two digits) and {@code (A + 1)
 * ln((alpha + T + t) / (alpha + T)) <= }{@value #CLOSED_FORM_MAX_LOG} (neither factor leaves the double
 * range), with the result accepted only if it is finite and not negative. On the CDNOW histories the two
 * agree to {@code 7e-13} relative; everything else (many purchases, long horizons, {@code a} near 1) takes
 * the series.
 *
 * <p>Stateless and thread-safe.
 *
 * <p><b>Precision.</b> Each term's weight is the last one's times a ratio, so a sum of {@code n} terms carries up
 * to about {@code n} ulps of relative error: far below 1e-12 for the horizons of everyday use (a few thousand
 * terms), about 1e-9 when {@code t / (alpha + T)} is in the thousands and {@code A} in the hundreds (millions of
 * terms), and at most about {@code MAX_TERMS} ulps (5.6e-9).
 */
final class AlivePurchases {
  /** The most terms summed before giving up (about {@code 1 - z = 1e-6}). */
  static final int MAX_TERMS = 50_000_000;

  /** The closest {@code a} may be to 1 for the closed form. */
  static final double CLOSED_FORM_MIN_DISTANCE = 0.05;
  /** The largest {@code (A + 1) ln(1 / (1 - z))} for the closed form. */
  static final double CLOSED_FORM_MAX_LOG = 600;

  private static final double RESCALE_ABOVE = 1e280;
  private static final double LOG_RESCALE = Math.log(RESCALE_ABOVE);
  private static final double TAIL_TOLERANCE = 1e-16;

  private AlivePurchases() {}

  /**
   * The expected purchases within {@code t} of a customer alive at {@code age} after {@code frequency}
   * repeat purchases: the series above with {@code A = shape}, {@code B = survival}, {@code z = t / (scale +
   * t)}.
   *
   * @param shape {@code r + x}, positive
   * @param scale {@code alpha + T}, positive
   * @param a the drop-out beta's first shape, positive
   * @param survival {@code b + x} (BG/NBD) or {@code b + x + 1} (MBG/NBD), positive
   * @param t the horizon, non-negative and finite
   * @throws ArithmeticException if the series needs more than {@link #MAX_TERMS} terms
   */
  static double expected(double shape, double scale, double a, double survival, double t) {
    if (t == 0) {
      return 0;
    }
    double z = t / (scale + t);
    double logOdds = Math.log1p(t / scale);
    double c = a + survival - 1;
    if (Math.abs(a - 1) >= CLOSED_FORM_MIN_DISTANCE && (shape + 1) * logOdds <= CLOSED_FORM_MAX_LOG && c != 0) {
      double closed = c / (a - 1) * (1 - Math.exp(-shape * logOdds) * Hypergeometric.gauss2F1(shape, survival, c, z));
      if (closed >= 0 && closed < Double.POSITIVE_INFINITY) {
        return closed;
      }
    }
    return series(shape, a, survival, z, -shape * logOdds);
  }

  private static double series(double shape, double a, double survival, double z, double logFirstWeight) {
    double logWeight = logFirstWeight;
    double weight = 1;
    double sum = 0;
    double survivedCount = 0;
    double survive = 1;
    for (int n = 0; n < MAX_TERMS; n++) {
      survivedCount += survive;
      survive *= (survival + n) / (a + survival + n);
      weight *= (shape + n) * z / (n + 1);
      sum += weight * survivedCount;
      if (weight > RESCALE_ABOVE) {
        weight /= RESCALE_ABOVE;
        sum /= RESCALE_ABOVE;
        logWeight += LOG_RESCALE;
      }
      double ratio = Math.max((shape + n + 1) * z / (n + 2), z);
      if (weight == 0 || (ratio < 1 && tail(weight, survivedCount, ratio) <= TAIL_TOLERANCE * sum)) {
        return sum == 0 ? 0 : Math.exp(Math.log(sum) + logWeight);
      }
    }
    throw new ArithmeticException("the expected purchases did not settle within " + MAX_TERMS
        + " terms (horizon too long against alpha + T: t / (alpha + T + t) = " + z + ")");
  }

  /**
   * A bound on the terms after one of weight {@code w} and cumulative survival {@code c}: later weights are
   * at most {@code w ratio^j} and later sums at most {@code c + j}.
   */
  private static double tail(double w, double c, double ratio) {
    double geometric = ratio / (1 - ratio);
    return w * (c * geometric + geometric / (1 - ratio));
  }
}
