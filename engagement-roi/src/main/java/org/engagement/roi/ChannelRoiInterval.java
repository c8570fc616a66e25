package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * One channel's attributed revenue and ROI with their seeded bootstrap percentile intervals ({@link RoiIntervals},
 * {@link RoiAnalysis#intervals}). The point values are those of the channel's {@link RoiLine}; the intervals
 * come from resamples of the customers and need not be centred on them.
 *
 * <p>The ROI interval is the ROI at each end of the revenue interval with the other rewards held, so
 * {@code roiLow = (margin · (total reward + revenueLow − revenue) − investment) / investment}: it shows how far
 * the attribution's sampling noise alone moves the ROI, not the uncertainty of the retention, lift or survey
 * components. When {@code fromExperiment} holds, the channel was tested by an experiment the attribution was
 * calibrated with, and its revenue interval is the experiment's interval in money (at the channel's value per
 * credited conversion, taken to the intervals' level by
 * {@link org.engagement.attribution.calibration.LiftResult#atLevel}) rather than a bootstrap
 * percentile: the resamples draw the experiment's result from that
 * interval, so their percentiles would only approximate it.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param channel the channel
 * @param investment what was spent on it in the window: positive, in the report's currency
 * @param revenue its attributed revenue ({@link RewardComponent#ATTRIBUTED_REVENUE} of its line)
 * @param revenueLow the lower end of the attributed revenue's interval
 * @param revenueHigh the upper end of the attributed revenue's interval, at least {@code revenueLow}
 * @param roi its ROI ({@link RoiLine#roi()})
 * @param roiLow the ROI at {@code revenueLow}, the other rewards held
 * @param roiHigh the ROI at {@code revenueHigh}, the other rewards held
 * @param fromExperiment whether the revenue interval is the channel's experiment's rather than the bootstrap's
 * @since 0.1.0
 */
public record ChannelRoiInterval(String channel, double investment, double revenue, double revenueLow,
    double revenueHigh, double roi, double roiLow, double roiHigh, boolean fromExperiment) {
  /**
   * Validates.
   *
   * @throws InvalidFieldException if a figure is not finite, the investment is not positive, or an interval's
   *     low end is above its high end
   */
  public ChannelRoiInterval {
    requireNonNull(channel, "channel");
    RoiIntervalFigures.check(channel, "channel", investment, revenue, revenueLow, revenueHigh, roi, roiLow, roiHigh);
  }

  /** Whether the ROI interval holds {@code value}, ends included. */
  public boolean coversRoi(double value) {
    return value >= roiLow && value <= roiHigh;
  }

  /** The width of the attributed revenue's interval. */
  public double revenueWidth() {
    return revenueHigh - revenueLow;
  }
}
