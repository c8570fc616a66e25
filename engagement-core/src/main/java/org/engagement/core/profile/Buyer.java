package org.engagement.core.profile;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.engagement.core.domain.InvalidFieldException;

/**
 * One customer's purchases: the total value in major units of the {@linkplain Purchases#currency()
 * value currency}, how many purchases, and the UTC date of the last one. These are exactly the inputs
 * value concentration (the value) and RFM (recency from the last purchase, frequency, monetary) need
 * per customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not blank
 * @param value the total purchase value, finite and not negative (0 when no purchase carries a value)
 * @param purchases the number of purchases, at least 1
 * @param lastPurchase the UTC date of the last purchase
 * @since 0.1.0
 */
public record Buyer(String customerId, double value, long purchases, LocalDate lastPurchase) {
  /**
   * Validates.
   *
   * @throws InvalidFieldException if the id is blank, the value negative or not finite, or there is no
   *     purchase
   */
  public Buyer {
    requireNonNull(customerId, "customerId");
    requireNonNull(lastPurchase, "lastPurchase");
    if (customerId.isBlank()) {
      throw new InvalidFieldException("customerId", customerId, "must not be blank");
    }
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("value of " + customerId, value, "must be finite and not negative");
    }
    if (purchases < 1) {
      throw new InvalidFieldException("purchases of " + customerId, purchases, "must be at least 1");
    }
  }

  /** This buyer with one more purchase of {@code amount} on {@code date}. */
  Buyer plus(double amount, LocalDate date) {
    return new Buyer(customerId, value + amount, purchases + 1, lastPurchase.isAfter(date) ? lastPurchase : date);
  }
}
