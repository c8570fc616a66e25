package org.engagement.roi.mix.internal;

/**
 * One channel's fitted response: carry-over, then Hill saturation of the carried-over spend relative to the
 * channel's mean spend, times the maximum effect. Immutable and thread-safe.
 *
 * @param decay the geometric decay, or the delayed carry-over's retention {@code α}
 * @param delay the delayed carry-over's peak lag {@code θ} (0 for geometric)
 * @param maxLag the delayed carry-over's lags, 0 for geometric carry-over (which runs over the whole series)
 * @param halfSaturation the carried-over spend giving half the maximum effect, relative to {@code spendScale}
 * @param shape the Hill shape
 * @param spendScale the channel's mean spend per period in the data
 * @param maxEffect the outcome per period at full saturation
 */
public record ChannelCurve(double decay, double delay, int maxLag, double halfSaturation, double shape,
    double spendScale, double maxEffect) {

  /** The carried-over spend per period. */
  public double[] carry(double[] spend) {
    double[] out = new double[spend.length];
    if (maxLag == 0) {
      Carryover.geometric(spend, decay, out);
    } else {
      Carryover.weighted(spend, Carryover.delayedWeights(decay, delay, maxLag), out);
    }
    return out;
  }

  /** The outcome the spend series causes in each period. */
  public double[] contributions(double[] spend) {
    double[] out = carry(spend);
    for (int t = 0; t < out.length; t++) {
      out[t] = maxEffect * Carryover.hill(out[t] / spendScale, halfSaturation, shape);
    }
    return out;
  }

  /** The outcome per period of a constant spend per period once the carry-over has built up. */
  public double steady(double spendPerPeriod) {
    return maxEffect * Carryover.hill(spendPerPeriod / spendScale, halfSaturation, shape);
  }

  /** The periods until half of a unit of spend's effect has been delivered. */
  public double halfLife() {
    return maxLag == 0
        ? Carryover.geometricHalfLife(decay)
        : Carryover.medianLag(Carryover.delayedWeights(decay, delay, maxLag));
  }
}
