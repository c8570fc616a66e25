package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.engagement.core.domain.InvalidFieldException;

/**
 * One segment's total ROI (a value tier's, in the report) with its seeded bootstrap percentile interval, and its
 * difference from the segment it is best compared with ({@link RoiIntervals#segments()},
 * {@link RoiBootstrap#withSegments}). The point values are those of the total line of the segment's own report
 * ({@link RoiAnalysis#perSegment}); the intervals come from the same resamples of the customers as the channels'.
 *
 * <p>What moves: on each resample of everyone, the segment's members drawn (with their multiplicity) form the
 * segment's resample, the segment's model credits it, and the purchase value credited, relative to the point's,
 * scales the two rewards that are that value split by the survey weight: the attributed revenue and the
 * self-reported influence. What is held: the investment (the costs aimed at the segment and its share of the
 * others), the retention and engagement-lift rewards, and the survey's split. So the interval shows how much the
 * segment's credited purchase value, and with it its ROI, owes to which customers happened to be observed, not
 * whether the attribution is causally right.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param segment the segment
 * @param investment what the segment was given in the window: positive, in the report's currency
 * @param revenue the attributed revenue of the segment's total line
 * @param revenueLow the lower end of the attributed revenue's interval
 * @param revenueHigh the upper end of the attributed revenue's interval, at least {@code revenueLow}
 * @param roi the ROI of the segment's total line
 * @param roiLow the lower end of the ROI's interval
 * @param roiHigh the upper end of the ROI's interval, at least {@code roiLow}
 * @param versus the difference from the segment with the highest ROI (for that segment, from the runner-up), on the
 *     same resamples; empty when no other segment has an interval
 * @since 0.1.0
 */
public record SegmentRoiInterval(String segment, double investment, double revenue, double revenueLow,
    double revenueHigh, double roi, double roiLow, double roiHigh, Optional<RoiDifference> versus) {
  /**
   * Validates.
   *
   * @throws InvalidFieldException if a figure is not finite, the investment is not positive, or an interval's
   *     low end is above its high end
   */
  public SegmentRoiInterval {
    requireNonNull(segment, "segment");
    requireNonNull(versus, "versus");
    RoiIntervalFigures.check("segment " + segment, "segment", investment, revenue, revenueLow, revenueHigh, roi,
        roiLow, roiHigh);
  }

  /** Whether the ROI interval holds {@code value}, ends included. */
  public boolean coversRoi(double value) {
    return value >= roiLow && value <= roiHigh;
  }

  /** The width of the ROI's interval. */
  public double roiWidth() {
    return roiHigh - roiLow;
  }
}
