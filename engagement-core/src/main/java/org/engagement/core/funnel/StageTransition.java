package org.engagement.core.funnel;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The move from one funnel stage to the next: how many reached each and how long it took.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the earlier stage's name
 * @param to the next stage's name
 * @param fromCount customers who reached {@code from}
 * @param toCount customers who reached {@code to}: at most {@code fromCount}, since a later stage
 *     implies the earlier one
 * @param timed customers whose time between the two stages was measured: those who reached both stages
 *     by interactions of the stages' own types
 * @param medianTime the median of {@code reachedAt(to) − reachedAt(from)} over the {@code timed}
 *     customers (with an even count, the mean of the two middle values, rounded down to the nanosecond),
 *     or {@code null} when {@code timed} is 0
 * @since 0.1.0
 */
public record StageTransition(
    String from, String to, int fromCount, int toCount, int timed, @Nullable Duration medianTime) {

  /**
   * Validates.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public StageTransition {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (toCount < 0 || toCount > fromCount) {
      throw new InvalidFieldException("toCount", toCount, "must be in [0, fromCount " + fromCount + "]");
    }
    if (timed < 0 || timed > toCount) {
      throw new InvalidFieldException("timed", timed, "must be in [0, toCount " + toCount + "]");
    }
    if ((medianTime == null) != (timed == 0)) {
      throw new InvalidFieldException("medianTime", medianTime, "must be present exactly when timed > 0");
    }
  }

  /** {@code toCount / fromCount}, in [0, 1]; 0 when nobody reached {@code from}. */
  public double conversionRate() {
    return fromCount == 0 ? 0.0 : (double) toCount / fromCount;
  }
}
