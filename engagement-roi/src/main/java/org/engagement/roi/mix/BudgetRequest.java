package org.engagement.roi.mix;

import java.util.Map;
import java.util.TreeMap;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The question put to the budget optimiser: a total spend per period and bounds on each channel's spend per
 * period. By default each channel may move between half and twice its current mean spend, the range the data
 * can speak for; a bound given for a channel replaces that. Immutable and thread-safe.
 *
 * @param perPeriod the total spend per period, positive
 * @param lowFactor the default least spend as a multiple of the channel's current mean spend
 * @param highFactor the default most spend as a multiple of the channel's current mean spend
 * @param bounds explicit bounds per channel: {@code [least, most]} spend per period
 * @since 0.1.0
 */
public record BudgetRequest(double perPeriod, double lowFactor, double highFactor, Map<String, Bounds> bounds) {

  /**
   * Explicit bounds of one channel's spend per period.
   *
   * @param least the least spend, not negative
   * @param most the most spend, not below {@code least}
   * @since 0.1.0
   */
  public record Bounds(double least, double most) {
    /** Validates the bounds. */
    public Bounds {
      if (!(least >= 0 && most >= least && most < Double.POSITIVE_INFINITY)) {
        throw new InvalidFieldException("bounds", "[" + least + ", " + most + "]",
            "must be finite with 0 <= least <= most");
      }
    }
  }

  /** Validates the request and copies the bounds. */
  public BudgetRequest {
    if (!(perPeriod > 0 && perPeriod < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("budget", perPeriod, "must be a positive finite number");
    }
    if (!(lowFactor >= 0 && highFactor >= lowFactor && highFactor < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("factors", "[" + lowFactor + ", " + highFactor + "]",
          "must be finite with 0 <= low <= high");
    }
    bounds = Map.copyOf(bounds);
  }

  /**
   * A total per period with the default bounds (half to twice the current spend).
   *
   * @param perPeriod the total spend per period
   * @return the request
   */
  public static BudgetRequest of(double perPeriod) {
    return new BudgetRequest(perPeriod, 0.5, 2, Map.of());
  }

  /** This request with explicit bounds for a channel. */
  public BudgetRequest withBounds(String channel, double least, double most) {
    TreeMap<String, Bounds> more = new TreeMap<>(bounds);
    more.put(channel, new Bounds(least, most));
    return new BudgetRequest(perPeriod, lowFactor, highFactor, more);
  }
}
