package org.engagement.clv.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.engagement.core.domain.InvalidFieldException;

/**
 * One purchase: who bought, on which calendar day, and for how much.
 *
 * <p>The date is a {@link LocalDate} because the repeat-buying models count purchases by distinct day
 * (CDNOW records carry only a date); {@link #at(String, Instant, double)} takes the UTC day of an instant.
 * The amount is a plain {@code double} in the data's currency unit (dollars for CDNOW); the spend models
 * work on real numbers, and one data set has one currency. It must be finite and not negative (zero is
 * allowed: CDNOW has zero-value records).
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param customerId the customer, not blank
 * @param date the day of the purchase
 * @param amount the amount spent, finite and {@code >= 0}
 * @since 0.1.0
 */
public record Transaction(String customerId, LocalDate date, double amount) {

  /** Validates the fields. */
  public Transaction {
    if (customerId.isBlank()) {
      throw new InvalidFieldException("customerId", customerId, "must not be blank");
    }
    if (!Double.isFinite(amount) || amount < 0) {
      throw new InvalidFieldException("amount", amount, "must be finite and not negative");
    }
  }

  /** A transaction on the UTC calendar day of {@code instant}. */
  public static Transaction at(String customerId, Instant instant, double amount) {
    return new Transaction(customerId, LocalDate.ofInstant(instant, ZoneOffset.UTC), amount);
  }
}
