package org.engagement.core.engagement;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import org.engagement.core.domain.InvalidFieldException;

/**
 * One period of an {@link EngagementSeries}: the engagement score at the end of the period. Immutable
 * and thread-safe.
 *
 * @param periodStart the first day of the period
 * @param end the instant the period ends (the start of the next period in the timeline's zone); the
 *     score counts the interactions strictly before it
 * @param score the score at {@code end}: finite and not negative
 * @since 0.1.0
 */
public record EngagementPoint(LocalDate periodStart, Instant end, double score) {
  /**
   * Validates the point.
   *
   * @throws InvalidFieldException if {@code score} is not finite or is negative
   */
  public EngagementPoint {
    requireNonNull(periodStart, "periodStart");
    requireNonNull(end, "end");
    if (!Double.isFinite(score) || score < 0) {
      throw new InvalidFieldException("score", score, "must be a finite number not below 0");
    }
  }
}
