package org.engagement.clv;

import static java.util.Objects.requireNonNull;

/**
 * One customer's predictions under a {@link FittedLifetimeValue}: the figures a CRM shows beside a
 * customer. Immutable and thread-safe.
 *
 * @param customerId the customer
 * @param probabilityAlive the probability that the customer is still buying, in [0, 1]
 * @param expectedPurchases the purchases expected within the horizon, undiscounted
 * @param expectedSpend the expected amount of each future purchase (Gamma-Gamma)
 * @param lifetimeValue the discounted value of the purchases expected within the horizon
 * @since 0.1.0
 */
public record CustomerValue(String customerId, double probabilityAlive, double expectedPurchases,
    double expectedSpend, double lifetimeValue) {
  /** Requires the id. */
  public CustomerValue {
    requireNonNull(customerId, "customerId");
  }
}
