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
 * @param halfLife the carry-over half-life in periods (geometric decay {@code 0.5^(1 / halfLife)}); 0 for none
 * @param halfSaturation the adstocked spend that gives half the maximum effect, relative to the mean spend
 * @param shape the Hill shape {@code S}: 1 is concave throughout, above 1 an S-curve
 * @param roi the return of a constant mean spend per unit spent, which fixes the maximum effect
 * @param dark the probability that a period has no spend at all (flighting), in [0, 1)
 * @param demandFollowing how strongly spend follows the unobserved demand (0: not at all); a positive value
 *     biases a model that cannot see the demand
 * @since 0.1.0
 */
public record MixChannel(String name, double meanSpend, double halfLife, double halfSaturation, double shape,
    double roi, double dark, double demandFollowing) {

  /** Validates the parameters. */
  public MixChannel {
    requireNonNull(name, "name");
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
    return new MixChannel(name, meanSpend, halfLife, halfSaturation, shape, roi, dark, strength);
  }
}
