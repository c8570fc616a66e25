package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import org.engagement.core.domain.Money;

/**
 * What one channel cost in one month, and which team paid: one row of {@code costs.csv}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param month the calendar month
 * @param channel the channel's id
 * @param owner the team that owns the channel's budget
 * @param amount the cost, not negative
 * @since 0.1.0
 */
public record MonthlyCost(YearMonth month, String channel, String owner, Money amount) {
  /** Checks for nulls. */
  public MonthlyCost {
    requireNonNull(month, "month");
    requireNonNull(channel, "channel");
    requireNonNull(owner, "owner");
    requireNonNull(amount, "amount");
  }
}
