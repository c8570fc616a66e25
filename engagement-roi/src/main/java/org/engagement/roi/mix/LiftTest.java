package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.engagement.core.domain.InvalidFieldException;

/**
 * An experiment's result for one channel: the outcome its spend added over a run of periods (a geo test, a
 * holdout, a switch-off), with an interval at a stated level (90 % where none is stated, the level the model has
 * always read these intervals at). A mix model calibrated by it keeps the channel's modelled contribution over
 * those periods inside the interval, and weighs the test by the standard error the interval and its level imply
 * (the half-width over the normal quantile). Immutable and thread-safe.
 *
 * @param channel the channel tested
 * @param from the first period of the test (a period's start date)
 * @param to the last period of the test, not before {@code from}
 * @param incremental the incremental outcome measured over the test
 * @param low the interval's lower bound, not above {@code incremental}
 * @param high the interval's upper bound, not below {@code incremental}
 * @param level the interval's nominal coverage, at least 0.5 and less than 1
 * @since 0.1.0
 */
public record LiftTest(String channel, LocalDate from, LocalDate to, double incremental, double low,
    double high, double level) {
  /** The level of an interval that states none. */
  public static final double DEFAULT_LEVEL = 0.9;

  /**
   * Validates the test.
   *
   * @throws InvalidFieldException if {@code to} is before {@code from}, the estimate is not finite and inside its
   *     interval, or the level is not at least 0.5 and less than 1
   */
  public LiftTest {
    requireNonNull(channel, "channel");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new InvalidFieldException("to", to, "must not be before from " + from);
    }
    if (!(Double.isFinite(low) && Double.isFinite(high) && low <= incremental && incremental <= high)) {
      throw new InvalidFieldException("incremental", incremental,
          "must be finite and inside its interval [" + low + ", " + high + "]");
    }
    if (!(level >= 0.5 && level < 1)) {
      throw new InvalidFieldException("level", level, "must be at least 0.5 and less than 1");
    }
  }

  /**
   * A test whose interval is at the {@linkplain #DEFAULT_LEVEL default level}, 90 %.
   *
   * @throws InvalidFieldException as the canonical constructor
   */
  public LiftTest(String channel, LocalDate from, LocalDate to, double incremental, double low, double high) {
    this(channel, from, to, incremental, low, high, DEFAULT_LEVEL);
  }
}
