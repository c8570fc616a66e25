package org.engagement.roi.mix;

import java.util.Map;
import java.util.TreeMap;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The question put to the budget optimiser: a total spend per period and bounds on each channel's spend per
 * period. By default each channel may move between half and twice its current mean spend, the range the data
 * can speak for; a bound given for a channel replaces that. With a minimum ROI the total becomes a ceiling:
 * the optimiser returns the split with the largest expected outcome among those whose expected outcome per
 * unit spent reaches the target (a marketer's "spend up to N per week as long as each unit returns at least
 * X").
 *
 * <p>By default a request is cautious, because a mix model's curves can be biased in ways its intervals do not
 * show (a slow channel absorbed by the trend): a channel whose ROI the fit cannot pin down ({@link
 * ChannelIdentification#movable()}) keeps its current spend unless it has explicit bounds; each channel's
 * change is valued at a lower quantile over the bootstrap's curves rather than at their mean; and a plan whose
 * gain is not positive in at least {@value #CONFIDENCE} of the bootstrap's draws is scaled back towards the
 * current split until it is, or to the current split. {@link #withoutCaution()} asks for the plan with the
 * largest expected outcome instead. {@link #releasingHeld()} lets a cautious plan move a channel it would hold
 * in the one direction that channel's marginal return's interval supports (see {@link MixModel#recommend}); not the
 * default, because on the simulated worlds it gains far more where the budget is far from its optimum but loses
 * more on some seeds where it is near (see the README). Immutable and thread-safe.
 *
 * @param perPeriod the total spend per period, positive (the most that may be spent with a minimum ROI)
 * @param lowFactor the default least spend as a multiple of the channel's current mean spend
 * @param highFactor the default most spend as a multiple of the channel's current mean spend
 * @param bounds explicit bounds per channel: {@code [least, most]} spend per period
 * @param minimumRoi the least expected media outcome per unit spent of the recommended split, 0 for none
 * @param cautious whether channels the fit cannot pin down are held and moves must gain in most draws
 * @param releaseHeld whether a cautious plan moves a held channel in the direction its marginal return's interval
 *     supports, as far as it supports it
 * @since 0.1.0
 */
public record BudgetRequest(double perPeriod, double lowFactor, double highFactor, Map<String, Bounds> bounds,
    double minimumRoi, boolean cautious, boolean releaseHeld) {
  /** The share of bootstrap draws in which a cautious plan's gain must be positive. */
  public static final double CONFIDENCE = 0.9;

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
    if (!(minimumRoi >= 0 && minimumRoi < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("minimumRoi", minimumRoi, "must be a finite number, not negative");
    }
  }

  /**
   * A request holding the channels the fit cannot pin down when cautious (the form before held channels could be
   * released).
   *
   * @param perPeriod the total spend per period, positive (the most that may be spent with a minimum ROI)
   * @param lowFactor the default least spend as a multiple of the channel's current mean spend
   * @param highFactor the default most spend as a multiple of the channel's current mean spend
   * @param bounds explicit bounds per channel
   * @param minimumRoi the least expected media outcome per unit spent, 0 for none
   * @param cautious whether channels the fit cannot pin down are held and moves must gain in most draws
   */
  public BudgetRequest(double perPeriod, double lowFactor, double highFactor, Map<String, Bounds> bounds,
      double minimumRoi, boolean cautious) {
    this(perPeriod, lowFactor, highFactor, bounds, minimumRoi, cautious, false);
  }

  /**
   * A cautious request (the form before caution could be turned off).
   *
   * @param perPeriod the total spend per period, positive (the most that may be spent with a minimum ROI)
   * @param lowFactor the default least spend as a multiple of the channel's current mean spend
   * @param highFactor the default most spend as a multiple of the channel's current mean spend
   * @param bounds explicit bounds per channel
   * @param minimumRoi the least expected media outcome per unit spent, 0 for none
   */
  public BudgetRequest(double perPeriod, double lowFactor, double highFactor, Map<String, Bounds> bounds,
      double minimumRoi) {
    this(perPeriod, lowFactor, highFactor, bounds, minimumRoi, true);
  }

  /**
   * A request spending the whole total, without a minimum ROI (the form before target ROIs existed).
   *
   * @param perPeriod the total spend per period, positive
   * @param lowFactor the default least spend as a multiple of the channel's current mean spend
   * @param highFactor the default most spend as a multiple of the channel's current mean spend
   * @param bounds explicit bounds per channel
   */
  public BudgetRequest(double perPeriod, double lowFactor, double highFactor, Map<String, Bounds> bounds) {
    this(perPeriod, lowFactor, highFactor, bounds, 0);
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
    return new BudgetRequest(perPeriod, lowFactor, highFactor, more, minimumRoi, cautious, releaseHeld);
  }

  /**
   * This request with a minimum ROI: spend at most {@link #perPeriod()}, as much as keeps the expected outcome
   * per unit spent at or above {@code roi}.
   *
   * @param roi the least expected media outcome per unit spent, positive
   * @return the request
   */
  public BudgetRequest withMinimumRoi(double roi) {
    if (!(roi > 0 && roi < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("minimumRoi", roi, "must be a positive finite number");
    }
    return new BudgetRequest(perPeriod, lowFactor, highFactor, bounds, roi, cautious, releaseHeld);
  }

  /**
   * This request without caution: the split with the largest expected outcome over the estimate's and the
   * bootstrap's curves, every channel free within its bounds, whatever the fit can pin down. For an analyst
   * who has checked the curves, or to see what caution holds back.
   *
   * @return the request
   */
  public BudgetRequest withoutCaution() {
    return new BudgetRequest(perPeriod, lowFactor, highFactor, bounds, minimumRoi, false, releaseHeld);
  }

  /**
   * This request letting a cautious plan move each channel it would hold in the direction that channel's marginal
   * return's interval supports, as far as it supports it ({@link MixModel#recommend}): a channel spent deep into
   * saturation may then fall although its level is uncertain. For a budget believed far from its optimum; on the
   * simulated worlds it loses more than the default on some seeds where the budget is near it.
   *
   * @return the request
   */
  public BudgetRequest releasingHeld() {
    return new BudgetRequest(perPeriod, lowFactor, highFactor, bounds, minimumRoi, cautious, true);
  }
}
