package org.engagement.roi.mix.internal;

import java.util.List;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * Which way a cautious plan may move a channel the fit cannot pin down: the direction its marginal return's
 * interval supports against the channels the plan moves anyway.
 *
 * <p>Why: a channel is held because the data cannot rule out half (or twice) its estimated ROI, an
 * uncertain level. But a level scales the whole curve, so it scales the marginal return too, and a channel spent
 * deep into saturation returns little at the margin for every level the data allow: holding it reads an unknown
 * level as an unknown direction, and keeps the money that should leave it. So each channel gets a marginal-return
 * interval that carries the level's uncertainty: the 90 % percentile interval of its steady marginal return at
 * the current spend over the estimate's and the bootstrap's curves, widened to the estimate's marginal return
 * times the ROI interval's bounds over the ROI ({@code m · [low, high] / roi}; the ROI interval holds the
 * profile's levels, which the refits from the estimate do not reach). A held channel may <em>fall</em> (never
 * above its current spend) when its interval's upper end is below the lower end of some reference channel's,
 * and <em>rise</em> (never below its current spend) when its lower end is above the upper end of some reference
 * channel's: money moves only to a channel that returns more at the pessimistic ends of both; and only as far as
 * that holds at the new spend ({@link #bounds}). The reference channels are those the plan may move anyway
 * (pinned down, lift-tested or bounded by the request). A held channel whose interval supports both directions
 * or neither, or whose ROI is estimated at 0 (no level to scale), stays held; without resamples nothing is
 * released (there is no interval). Stateless and thread-safe.
 */
public final class Release {
  /** Keeps a held channel at its current spend. */
  public static final int HOLD = 0;
  /** Lets a held channel fall from its current spend. */
  public static final int FALL = -1;
  /** Lets a held channel rise from its current spend. */
  public static final int RISE = 1;
  private static final double STEP = 0.01;
  private static final double TAIL = 5;
  private static final int PATH_STEPS = 50;

  private Release() {}

  /**
   * The direction each held channel may move.
   *
   * @param draws the estimate's curves followed by each resample's, one curve per channel in each
   * @param current each channel's current spend per period (a channel at 0 stays held)
   * @param roiScale each channel's ROI interval over its ROI, {@code [low / roi, high / roi]}; {@code null} for a
   *     channel whose ROI is 0
   * @param held which channels the plan holds
   * @return per channel {@link #FALL}, {@link #RISE} or {@link #HOLD} (always {@link #HOLD} for a channel not held)
   */
  public static int[] directions(List<List<ChannelCurve>> draws, double[] current,
      double[] @org.jspecify.annotations.Nullable [] roiScale, boolean[] held) {
    int channels = current.length;
    int[] out = new int[channels];
    if (draws.size() < 2) {
      return out;
    }
    double[] @org.jspecify.annotations.Nullable [] interval = intervals(draws, current, roiScale);
    for (int c = 0; c < channels; c++) {
      if (held[c] && interval[c] != null) {
        out[c] = direction(interval, held, c);
      }
    }
    return out;
  }

  private static int direction(double[] @org.jspecify.annotations.Nullable [] interval, boolean[] held, int c) {
    double[] own = java.util.Objects.requireNonNull(interval[c]);
    boolean fall = own[1] < reference(interval, held, FALL);
    boolean rise = own[0] > reference(interval, held, RISE);
    return fall == rise ? HOLD : fall ? FALL : RISE;
  }

  /**
   * The marginal return a released channel's move is compared with: the largest lower end of the reference
   * channels' intervals for a fall (a channel that returns more even at its pessimistic end), the smallest upper
   * end for a rise; infinite (no move) without reference channels.
   */
  private static double reference(double[] @org.jspecify.annotations.Nullable [] interval, boolean[] held,
      int direction) {
    double out = direction == FALL ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (int other = 0; other < interval.length; other++) {
      double[] theirs = interval[other];
      if (!held[other] && theirs != null) {
        out = direction == FALL ? Math.max(out, theirs[0]) : Math.min(out, theirs[1]);
      }
    }
    return out;
  }

  /**
   * The bounds within which each held channel may move: {@code null} for a channel kept where it is (or not
   * held); for a channel released ({@link #directions}) the range from its current spend towards its bound in
   * the supported direction, as far as the support lasts: a falling channel's marginal return rises as its spend
   * falls, so it falls only while its interval's upper end (at the lower spend) stays below the reference, and a
   * rising one rises only while its lower end stays above it, each checked on {@value #PATH_STEPS} steps.
   *
   * @param draws the estimate's curves followed by each resample's, one curve per channel in each
   * @param current each channel's current spend per period (a channel at 0 stays held)
   * @param roiScale each channel's ROI interval over its ROI; {@code null} for a channel whose ROI is 0
   * @param held which channels the plan holds
   * @param lower each channel's least spend per period
   * @param upper each channel's most spend per period
   * @return per channel {@code [least, most]} for a released channel, {@code null} otherwise
   */
  public static double[] @org.jspecify.annotations.Nullable [] bounds(List<List<ChannelCurve>> draws,
      double[] current, double[] @org.jspecify.annotations.Nullable [] roiScale, boolean[] held, double[] lower,
      double[] upper) {
    int channels = current.length;
    double[] @org.jspecify.annotations.Nullable [] out = new double[channels][];
    if (draws.size() < 2) {
      return out;
    }
    double[] @org.jspecify.annotations.Nullable [] interval = intervals(draws, current, roiScale);
    for (int c = 0; c < channels; c++) {
      double[] scale = roiScale[c];
      if (!held[c] || interval[c] == null || scale == null) {
        continue;
      }
      int direction = direction(interval, held, c);
      if (direction != HOLD) {
        double reference = reference(interval, held, direction);
        double end = direction == FALL ? Math.min(lower[c], current[c]) : Math.max(upper[c], current[c]);
        double reach = current[c];
        for (int k = 1; k <= PATH_STEPS; k++) {
          double spend = current[c] + (end - current[c]) * k / PATH_STEPS;
          double[] there = interval(draws, c, spend, scale);
          if (direction == FALL ? there[1] >= reference : there[0] <= reference) {
            break;
          }
          reach = spend;
        }
        if (reach != current[c]) {
          out[c] = direction == FALL ? new double[] {reach, current[c]} : new double[] {current[c], reach};
        }
      }
    }
    return out;
  }

  private static double[] @org.jspecify.annotations.Nullable [] intervals(List<List<ChannelCurve>> draws,
      double[] current, double[] @org.jspecify.annotations.Nullable [] roiScale) {
    double[] @org.jspecify.annotations.Nullable [] interval = new double[current.length][];
    for (int c = 0; c < current.length; c++) {
      double[] scale = roiScale[c];
      interval[c] = scale == null || !(current[c] > 0) ? null : interval(draws, c, current[c], scale);
    }
    return interval;
  }

  /** The channel's marginal-return interval at its current spend, carrying the level's uncertainty. */
  private static double[] interval(List<List<ChannelCurve>> draws, int c, double spend, double[] roiScale) {
    double[] marginal = new double[draws.size()];
    for (int d = 0; d < marginal.length; d++) {
      marginal[d] = marginal(draws.get(d).get(c), spend);
    }
    Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    percentile.setData(marginal);
    double estimate = marginal[0];
    return new double[] {Math.min(percentile.evaluate(TAIL), estimate * roiScale[0]),
        Math.max(percentile.evaluate(100 - TAIL), estimate * roiScale[1])};
  }

  /** The steady outcome of one more unit per period, per unit, at {@code spend}. */
  static double marginal(ChannelCurve curve, double spend) {
    double step = STEP * spend;
    return (curve.steady(spend + step) - curve.steady(spend)) / step;
  }
}
