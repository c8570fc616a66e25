package org.engagement.attribution.calibration;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.distribution.continuous.NormalDistribution;

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
 * <p>The interval's {@code level} says how sure the experiment is: a bootstrap of calibrated credits draws the
 * experiment's result anew on every resample ({@link #drawn}), so that the intervals of the channels whose
 * credits rest on it carry its uncertainty as well as the journeys'. Without a stated level an interval is read
 * as {@value #DEFAULT_LEVEL}, the level of the SDK's own lift estimates and of most reported experiments.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param channel the channel tested, as the journeys name it; not blank
 * @param incrementalConversions the experiment's estimate; finite
 * @param low the interval's lower end; finite, at most the estimate
 * @param high the interval's upper end; finite, at least the estimate
 * @param level the interval's nominal coverage, greater than 0 and less than 1
 * @since 0.1.0
 */
public record LiftResult(String channel, double incrementalConversions, double low, double high, double level) {
  /** The level of an interval that states none. */
  public static final double DEFAULT_LEVEL = 0.95;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

  /**
   * Checks the fields.
   *
   * @throws InvalidFieldException if the channel is blank, a number is not finite, the estimate is not inside
   *     its interval, or the level is not greater than 0 and less than 1 (or rounds to none, below about 1e-16)
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
    requireLevel(level);
  }

  /**
   * Requires a level in (0, 1) whose normal quantile is positive: below about 1e-16 {@code (1 + level) / 2} rounds
   * to one half, and an interval at that level would have no spread to draw from.
   */
  private static void requireLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new InvalidFieldException("level", level, "must be greater than 0 and less than 1");
    }
    if (!(quantile(level) > 0)) {
      throw new InvalidFieldException("level", level,
          "must not be so small (below about 1e-16) that it rounds to none");
    }
  }

  /**
   * A result whose interval is at the {@linkplain #DEFAULT_LEVEL default level}.
   *
   * @throws InvalidFieldException as the canonical constructor
   */
  public LiftResult(String channel, double incrementalConversions, double low, double high) {
    this(channel, incrementalConversions, low, high, DEFAULT_LEVEL);
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

  /**
   * This experiment as it might have come out: the estimate moved to {@code estimate + sd · z}, where {@code sd}
   * is the distance from the estimate to the interval's end on {@code z}'s side divided by the normal quantile of
   * the level (a split normal: an asymmetric interval keeps its asymmetry), and the interval moved with it.
   * Given standard normal draws {@code z}, the drawn estimates fall inside this interval as often as its level
   * says. An interval of no width gives this result on every draw.
   *
   * @param z a standard normal draw
   * @throws InvalidFieldException if {@code z} is not finite
   */
  public LiftResult drawn(double z) {
    if (!Double.isFinite(z)) {
      throw new InvalidFieldException("z", z, "must be a finite number");
    }
    double side = z < 0 ? incrementalConversions - low : high - incrementalConversions;
    double shift = side / quantile(level) * z;
    return new LiftResult(channel, incrementalConversions + shift, low + shift, high + shift, level);
  }

  /**
   * This experiment with its interval at another level, under the split normal that {@link #drawn} assumes: each
   * side's distance from the estimate times {@code z(other) / z(level)}, {@code z} the two-sided standard normal
   * quantile. A table of intervals at one level can then show a tested channel's interval at the level of the
   * others rather than at the experiment's own.
   *
   * @param other the level wanted, greater than 0 and less than 1
   * @throws InvalidFieldException if {@code other} is not greater than 0 and less than 1, or so small that it
   *     rounds to none (below about 1e-16)
   */
  public LiftResult atLevel(double other) {
    requireLevel(other);
    double ratio = quantile(other) / quantile(level);
    return new LiftResult(channel, incrementalConversions, incrementalConversions - (incrementalConversions - low)
        * ratio, incrementalConversions + (high - incrementalConversions) * ratio, other);
  }

  /** The standard normal quantile that a two-sided interval at {@code level} reaches on each side. */
  private static double quantile(double level) {
    return STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
  }
}
