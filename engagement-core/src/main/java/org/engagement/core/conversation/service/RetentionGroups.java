package org.engagement.core.conversation.service;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Retention of customers whose service requests were resolved (the treated group) against those with a
 * request that was not (the control group), ready for a lift test on two proportions.
 *
 * <p>Rule, for a given {@code asOf} and {@code window}: a case is <em>judged</em> if it opened at or before
 * {@code asOf − window}, so that every customer had a full window to come back. A customer with judged
 * cases is in the resolved group if all of them were resolved at or before {@code asOf}, and in the
 * unresolved group otherwise. Such a customer is <em>retained</em> if they have an inbound interaction
 * (of any kind, on any channel) at or after their latest judged opening plus {@code window}. Feed
 * interactions up to {@code asOf} only for a strict cut-off. The groups are observational, not
 * randomised: a difference in retention is an association, and the lift test should say so.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the end of observation
 * @param window how long after a case a customer must still be active to count as retained: positive
 * @param resolved customers whose judged requests were all resolved
 * @param unresolved customers with a judged request that was not resolved
 * @since 0.1.0
 */
public record RetentionGroups(Instant asOf, Duration window, RetentionCount resolved, RetentionCount unresolved) {
  /**
   * Validates.
   *
   * @throws InvalidFieldException if the window is not positive
   */
  public RetentionGroups {
    requireNonNull(asOf, "asOf");
    requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new InvalidFieldException("window", window, "must be positive");
    }
    requireNonNull(resolved, "resolved");
    requireNonNull(unresolved, "unresolved");
  }

  /** {@code resolved.rate() − unresolved.rate()}: the raw difference in retention. */
  public double difference() {
    return resolved.rate() - unresolved.rate();
  }
}
