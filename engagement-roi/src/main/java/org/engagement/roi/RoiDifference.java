package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * How far one segment's ROI lies from another's, with the seeded bootstrap percentile interval of the difference
 * ({@link SegmentRoiInterval#versus()}): the answer to "does this tier really return more, or less, than that one?"
 * that two intervals side by side do not give. Both ROIs are taken on the same resamples of the customers, so the
 * interval is of the paired difference: two overlapping intervals may still hold a difference that excludes 0.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param versus the segment compared with
 * @param difference the point difference, this segment's ROI minus {@code versus}'s (0.05 is 5 points)
 * @param low the lower end of the difference's interval
 * @param high the upper end of the difference's interval, at least {@code low}
 * @since 0.1.0
 */
public record RoiDifference(String versus, double difference, double low, double high) {
  /**
   * Validates.
   *
   * @throws InvalidFieldException if a figure is not finite or {@code low} is above {@code high}
   */
  public RoiDifference {
    requireNonNull(versus, "versus");
    for (double figure : new double[] {difference, low, high}) {
      if (!Double.isFinite(figure)) {
        throw new InvalidFieldException("difference from " + versus, figure, "must be finite");
      }
    }
    if (low > high) {
      throw new InvalidFieldException("difference from " + versus, "[" + low + ", " + high + "]",
          "must have its low end at most its high end");
    }
  }

  /**
   * Whether the interval leaves out 0: at the bootstrap's level, the sampling noise over customers alone does not
   * explain the difference (which says nothing of the attribution's causal error, common to both segments).
   */
  public boolean excludesZero() {
    return low > 0 || high < 0;
  }
}
