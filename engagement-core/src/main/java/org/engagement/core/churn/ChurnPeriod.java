package org.engagement.core.churn;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The churn of one month (see {@link InactivityChurn#monthly}): of the customers active at the start of
 * the month, how many had churned by its end. An immutable value; thread-safe.
 *
 * @param month the month
 * @param activeAtStart customers active at the end of the previous month, not negative
 * @param churned of those, the customers churned at the end of this month, at most {@code activeAtStart}
 * @param activeAtEnd customers active at the end of this month (including the newly acquired), not negative
 * @since 0.1.0
 */
public record ChurnPeriod(YearMonth month, int activeAtStart, int churned, int activeAtEnd) {

  /**
   * Validates the counts.
   *
   * @throws InvalidFieldException if a count is negative or more churned than were active
   */
  public ChurnPeriod {
    requireNonNull(month, "month");
    if (activeAtStart < 0 || activeAtEnd < 0) {
      throw new InvalidFieldException("active", activeAtStart + ", " + activeAtEnd, "must not be negative");
    }
    if (churned < 0 || churned > activeAtStart) {
      throw new InvalidFieldException("churned", churned, "must be between 0 and activeAtStart " + activeAtStart);
    }
  }

  /** The churn rate, churned / activeAtStart, in [0, 1]; 0 when nobody was active at the start. */
  public double rate() {
    return activeAtStart == 0 ? 0 : churned / (double) activeAtStart;
  }
}
