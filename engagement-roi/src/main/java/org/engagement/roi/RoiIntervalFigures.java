package org.engagement.roi;

import org.engagement.core.domain.InvalidFieldException;

/**
 * The checks every ROI interval's figures pass, whether a channel's ({@link ChannelRoiInterval}) or a segment's
 * ({@link SegmentRoiInterval}): finite figures, a positive investment (without one there is no ROI) and each
 * interval's low end at most its high end. Stateless.
 */
final class RoiIntervalFigures {
  private RoiIntervalFigures() {}

  /**
   * Checks the figures of {@code name}'s interval.
   *
   * @param name how messages name the interval's owner: the channel, or {@code "segment " + name}
   * @param kind what the owner is, for the investment's message: {@code "channel"} or {@code "segment"}
   * @throws InvalidFieldException if a figure is not finite, the investment is not positive, or an interval's low
   *     end is above its high end
   */
  static void check(String name, String kind, double investment, double revenue, double revenueLow,
      double revenueHigh, double roi, double roiLow, double roiHigh) {
    for (double figure : new double[] {investment, revenue, revenueLow, revenueHigh, roi, roiLow, roiHigh}) {
      if (!Double.isFinite(figure)) {
        throw new InvalidFieldException("interval of " + name, figure, "must be finite");
      }
    }
    if (!(investment > 0)) {
      throw new InvalidFieldException("investment of " + name, investment, "must be positive: a " + kind
          + " without investment has no ROI");
    }
    if (revenueLow > revenueHigh || roiLow > roiHigh) {
      throw new InvalidFieldException("interval of " + name, "[" + revenueLow + ", " + revenueHigh + "], ROI ["
          + roiLow + ", " + roiHigh + "]", "must have each low end at most its high end");
    }
  }
}
