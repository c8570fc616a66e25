package org.engagement.roi.mix.internal;

/**
 * Carry-over (adstock) transforms, normalised so that a constant spend carries over to the same constant:
 * geometric, {@code a_t = λ a_(t-1) + (1 - λ) x_t}, and delayed (Jin et al. 2017, eq. 1), weights
 * {@code w(l) = α^((l - θ)^2)} for lags {@code 0 .. L-1}, divided by their sum. Spend before the first period is
 * taken as zero. Stateless and thread-safe.
 */
public final class Carryover {
  private Carryover() {}

  /** Geometric carry-over of {@code spend} with decay {@code decay} into {@code out}. */
  public static void geometric(double[] spend, double decay, double[] out) {
    double carried = 0;
    double fresh = 1 - decay;
    for (int t = 0; t < spend.length; t++) {
      carried = decay * carried + fresh * spend[t];
      out[t] = carried;
    }
  }

  /** The normalised weights of the delayed carry-over over {@code maxLag} lags. */
  public static double[] delayedWeights(double decay, double delay, int maxLag) {
    double[] weights = new double[maxLag];
    double sum = 0;
    for (int l = 0; l < maxLag; l++) {
      double d = l - delay;
      weights[l] = Math.pow(decay, d * d);
      sum += weights[l];
    }
    for (int l = 0; l < maxLag; l++) {
      weights[l] /= sum;
    }
    return weights;
  }

  /** The convolution of {@code spend} with normalised lag weights into {@code out}. */
  public static void weighted(double[] spend, double[] weights, double[] out) {
    for (int t = 0; t < spend.length; t++) {
      double sum = 0;
      int lags = Math.min(weights.length, t + 1);
      for (int l = 0; l < lags; l++) {
        sum += weights[l] * spend[t - l];
      }
      out[t] = sum;
    }
  }

  /** The half-life of geometric decay in periods: {@code ln 0.5 / ln λ}, 0 without carry-over. */
  public static double geometricHalfLife(double decay) {
    return decay <= 0 ? 0 : Math.log(0.5) / Math.log(decay);
  }

  /**
   * The periods until half of a unit of spend's effect has been delivered, the spend's own period counting as
   * the first, interpolated linearly; for geometric weights this is close to {@link #geometricHalfLife}.
   */
  public static double medianLag(double[] weights) {
    double cumulative = 0;
    for (int l = 0; l < weights.length; l++) {
      double next = cumulative + weights[l];
      if (next >= 0.5) {
        return l + (0.5 - cumulative) / weights[l];
      }
      cumulative = next;
    }
    return weights.length;
  }

  /** The Hill saturation {@code z^S / (z^S + K^S)} of a relative spend {@code z}, 0 for {@code z <= 0}. */
  public static double hill(double z, double halfSaturation, double shape) {
    if (z <= 0) {
      return 0;
    }
    double r = Math.pow(z / halfSaturation, shape);
    return r / (1 + r);
  }
}
