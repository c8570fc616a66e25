package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.engagement.core.domain.InvalidFieldException;

/**
 * An experiment's result for one channel: the outcome its spend added over a run of periods (a geo test, a
 * holdout, a switch-off), with a 90 % interval. A mix model calibrated by it keeps the channel's modelled
 * contribution over those periods inside the interval. Immutable and thread-safe.
 *
 * @param channel the channel tested
 * @param from the first period of the test (a period's start date)
 * @param to the last period of the test, not before {@code from}
 * @param incremental the incremental outcome measured over the test
 * @param low the interval's lower bound, not above {@code incremental}
 * @param high the interval's upper bound, not below {@code incremental}
 * @since 0.1.0
 */
public record LiftTest(String channel, LocalDate from, LocalDate to, double incremental, double low,
    double high) {

  /** Validates the test. */
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
  }
}
