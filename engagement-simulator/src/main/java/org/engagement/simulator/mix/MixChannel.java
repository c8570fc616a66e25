package org.engagement.simulator.mix;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * One channel of a marketing-mix world and its true response: how its spend is drawn and what it returns.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the channel's name
 * @param meanSpend the channel's mean spend per period before flighting, positive
 * @param halfLife the carry-over half-life in periods (geometric decay {@code 0.5^(1 / halfLife)}); 0 for none;
 *     for a delayed carry-over the distance from the peak at which the weight halves
 * @param halfSaturation the adstocked spend that gives half the maximum effect, relative to the mean spend
 * @param shape the Hill shape {@code S}: 1 is concave throughout, above 1 an S-curve
 * @param roi the return of a constant mean spend per unit spent, which fixes the maximum effect
 * @param dark the probability that a period has no spend at all (flighting), in [0, 1)
 * @param demandFollowing how strongly spend follows the unobserved demand (0: not at all); a positive value
 *     biases a model that cannot see the demand
 * @param delay the peak of a delayed carry-over in periods (Jin et al. 2017: weights {@code α^((l - θ)^2)}
 *     over {@link #DELAYED_LAGS} lags, normalised, with {@code α = 0.5^(1 / halfLife²)}, so the weight halves
 *     {@code halfLife} periods either side of the peak); negative for geometric carry-over
 * @since 0.1.0
 */
public record MixChannel(String name, double meanSpend, double halfLife, double halfSaturation, double shape,
    double roi, double dark, double demandFollowing, double delay) {

  /** The lags of a delayed carry-over: two years of weeks. */
  public static final int DELAYED_LAGS = 104;

  /**
   * A channel with geometric carry-over.
   *
   * @param name the channel's name
   * @param meanSpend the mean spend per period before flighting
   * @param halfLife the carry-over half-life in periods
   * @param halfSaturation the half-saturation relative to the mean spend
   * @param shape the Hill shape
   * @param roi the return of a constant mean spend per unit spent
   * @param dark the probability of a period without spend
   * @param demandFollowing how strongly spend follows the unobserved demand
   */
  public MixChannel(String name, double meanSpend, double halfLife, double halfSaturation, double shape,
      double roi, double dark, double demandFollowing) {
    this(name, meanSpend, halfLife, halfSaturation, shape, roi, dark, demandFollowing, -1);
  }

  /** Validates the parameters. */
  public MixChannel {
    requireNonNull(name, "name");
    if (!(delay < DELAYED_LAGS) || (delay >= 0 && !(halfLife > 0))) {
      throw new InvalidFieldException("delay", delay,
          "must be below " + DELAYED_LAGS + ", with a positive half-life when not negative");
    }
    positive("meanSpend", meanSpend);
    if (!(halfLife >= 0 && halfLife < 1000)) {
      throw new InvalidFieldException("halfLife", halfLife, "must be in [0, 1000)");
    }
    positive("halfSaturation", halfSaturation);
    positive("shape", shape);
    positive("roi", roi);
    if (!(dark >= 0 && dark < 1)) {
      throw new InvalidFieldException("dark", dark, "must be in [0, 1)");
    }
    if (!(demandFollowing >= 0 && demandFollowing <= 5)) {
      throw new InvalidFieldException("demandFollowing", demandFollowing, "must be in [0, 5]");
    }
  }

  private static void positive(String field, double value) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException(field, value, "must be a positive finite number");
    }
  }

  /** The geometric decay per period, {@code 0.5^(1 / halfLife)}, 0 without carry-over. */
  public double decay() {
    return halfLife == 0 ? 0 : Math.pow(0.5, 1 / halfLife);
  }

  /** The Hill curve at adstocked spend {@code z} relative to the mean spend, between 0 and 1. */
  public double hill(double relativeSpend) {
    if (relativeSpend <= 0) {
      return 0;
    }
    double r = Math.pow(relativeSpend / halfSaturation, shape);
    return r / (1 + r);
  }

  /** The maximum effect per period {@code β}: a constant mean spend returns {@code roi} per unit spent. */
  public double maxEffect() {
    return roi * meanSpend / hill(1);
  }

  /**
   * The true outcome per period of a constant spend per period, once the carry-over has built up.
   *
   * @param spendPerPeriod the spend per period, not negative
   * @return the outcome it causes per period
   */
  public double steadyResponse(double spendPerPeriod) {
    return maxEffect() * hill(spendPerPeriod / meanSpend);
  }

  /** This channel with another demand-following strength. */
  public MixChannel withDemandFollowing(double strength) {
    return new MixChannel(name, meanSpend, halfLife, halfSaturation, shape, roi, dark, strength, delay);
  }

  /**
   * This channel spent at another mean spend per period with the same true response: {@link #steadyResponse} is
   * unchanged at every spend (the half-saturation is rescaled to the new mean and the ROI is the curve's at the
   * new mean), so a world can lay the same curves' budget out differently.
   *
   * @param newMeanSpend the mean spend per period, positive
   * @return the channel
   */
  public MixChannel withMeanSpend(double newMeanSpend) {
    positive("meanSpend", newMeanSpend);
    double roiThere = steadyResponse(newMeanSpend) / newMeanSpend;
    return new MixChannel(name, newMeanSpend, halfLife, halfSaturation * meanSpend / newMeanSpend, shape,
        roiThere, dark, demandFollowing, delay);
  }

  /** This channel with another Hill shape (above 1 an S-curve). */
  public MixChannel withShape(double newShape) {
    return new MixChannel(name, meanSpend, halfLife, halfSaturation, newShape, roi, dark, demandFollowing, delay);
  }

  /**
   * This channel with a delayed carry-over peaking {@code peak} periods after the spend, its weight halving
   * {@link #halfLife()} periods either side.
   *
   * @param peak the delay of the peak in periods, in [0, {@link #DELAYED_LAGS})
   * @return the channel
   */
  public MixChannel withDelay(double peak) {
    if (!(peak >= 0)) {
      throw new InvalidFieldException("delay", peak, "must not be negative");
    }
    return new MixChannel(name, meanSpend, halfLife, halfSaturation, shape, roi, dark, demandFollowing, peak);
  }

  /** Whether the carry-over is delayed rather than geometric. */
  public boolean delayed() {
    return delay >= 0;
  }

  /**
   * The carried-over spend per period, normalised so that a constant spend carries over to itself; spend
   * before the first period is zero.
   *
   * @param spend the spend per period
   * @return the carried-over spend per period
   */
  public double[] carry(double[] spend) {
    double[] out = new double[spend.length];
    if (!delayed()) {
      double decay = decay();
      double carried = 0;
      for (int t = 0; t < spend.length; t++) {
        carried = decay * carried + (1 - decay) * spend[t];
        out[t] = carried;
      }
      return out;
    }
    double[] weights = delayedWeights();
    for (int t = 0; t < spend.length; t++) {
      for (int l = 0; l < weights.length && l <= t; l++) {
        out[t] += weights[l] * spend[t - l];
      }
    }
    return out;
  }

  private double[] delayedWeights() {
    double retention = Math.pow(0.5, 1 / (halfLife * halfLife));
    double[] weights = new double[DELAYED_LAGS];
    double sum = 0;
    for (int l = 0; l < weights.length; l++) {
      weights[l] = Math.pow(retention, (l - delay) * (l - delay));
      sum += weights[l];
    }
    for (int l = 0; l < weights.length; l++) {
      weights[l] /= sum;
    }
    return weights;
  }
}
