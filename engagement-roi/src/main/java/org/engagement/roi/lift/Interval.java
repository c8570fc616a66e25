package org.engagement.roi.lift;

import org.engagement.core.domain.InvalidFieldException;

/**
 * A confidence interval: the bounds and the confidence level they were computed at.
 *
 * <p>Bounds may be infinite (an exact rate ratio whose control count is 0 has no finite upper bound).
 * Immutable and thread-safe.
 *
 * @param lower the lower bound, not above {@code upper}
 * @param upper the upper bound
 * @param level the confidence level, in (0, 1)
 * @since 0.1.0
 */
public record Interval(double lower, double upper, double level) {

  /** Validates the bounds and the level. */
  public Interval {
    Require.level(level);
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new InvalidFieldException("interval", "[" + lower + ", " + upper + "]",
          "must have bounds that are numbers with lower <= upper");
    }
  }

  /** Whether {@code value} lies within the bounds (inclusive). */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }
}
