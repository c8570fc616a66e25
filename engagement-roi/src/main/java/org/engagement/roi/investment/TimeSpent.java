package org.engagement.roi.investment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;

/**
 * Hours someone spent on a channel in one month, costed at an hourly rate: relationships take time
 * (answering comments, meeting people at events), and time is an investment even when no invoice says
 * so. Immutable and thread-safe.
 *
 * @param month the calendar month
 * @param channel the channel name; not blank
 * @param owner who spent the time; not blank
 * @param hours the hours spent; finite and not negative
 * @param hourlyRate the cost of one hour; not negative
 * @since 0.1.0
 */
public record TimeSpent(YearMonth month, String channel, String owner, double hours, Money hourlyRate) {

  /** Validates the fields. */
  public TimeSpent {
    requireNonNull(month, "month");
    requireNonNull(hourlyRate, "hourlyRate");
    Cost.requireText("channel", channel);
    Cost.requireText("owner", owner);
    if (!Double.isFinite(hours) || hours < 0) {
      throw new InvalidFieldException("hours", hours, "must be finite and not negative");
    }
    if (hourlyRate.isNegative()) {
      throw new InvalidFieldException("hourlyRate", hourlyRate, "must not be negative");
    }
  }

  /**
   * The time as a cost: hours times the rate, rounded half-even to the currency's minor unit, owned by
   * the person who spent it.
   */
  public Cost toCost() {
    BigDecimal amount =
        hourlyRate.amount().multiply(BigDecimal.valueOf(hours))
            .setScale(hourlyRate.amount().scale(), RoundingMode.HALF_EVEN);
    return new Cost(month, channel, owner, null, Money.of(amount, hourlyRate.currency()));
  }
}
