package org.engagement.attribution.calibration;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * What an experiment measured for one channel: the incremental conversions it caused over a period (the
 * conversions of the exposed group minus those the holdout group says would have happened anyway, scaled to
 * the people exposed), with an interval, for example a 95 % confidence interval of a randomised holdout or of
 * the ROI module's lift test.
 *
 * <p>This is a causal number for its channel and period; calibrating credits with it only makes sense when the
 * journeys cover the same period and population. Incremental conversions may be negative (a channel that
 * hurts).
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param channel the channel tested, as the journeys name it; not blank
 * @param incrementalConversions the experiment's estimate; finite
 * @param low the interval's lower end; finite, at most the estimate
 * @param high the interval's upper end; finite, at least the estimate
 * @since 0.1.0
 */
public record LiftResult(String channel, double incrementalConversions, double low, double high) {
  /**
   * Checks the fields.
   *
   * @throws InvalidFieldException if the channel is blank, a number is not finite, or the estimate is not
   *     inside its interval
   */
  public LiftResult {
    requireNonNull(channel, "channel");
    if (channel.isBlank()) {
      throw new InvalidFieldException("channel", channel, "must not be blank");
    }
    finite("incremental_conversions", incrementalConversions);
    finite("low", low);
    finite("high", high);
    if (low > incrementalConversions) {
      throw new InvalidFieldException("low", low, "must be at most incremental_conversions (" + incrementalConversions
          + ")");
    }
    if (high < incrementalConversions) {
      throw new InvalidFieldException("high", high, "must be at least incremental_conversions ("
          + incrementalConversions + ")");
    }
  }

  private static void finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidFieldException(field, value, "must be a finite number");
    }
  }

  /** Whether {@code conversions} lies in the interval, ends included. */
  public boolean contains(double conversions) {
    return conversions >= low && conversions <= high;
  }

  /** {@code conversions} moved to the nearest point of the interval. */
  public double nearest(double conversions) {
    return Math.min(high, Math.max(low, conversions));
  }
}
