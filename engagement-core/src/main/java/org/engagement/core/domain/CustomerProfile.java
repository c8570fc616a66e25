package org.engagement.core.domain;

import static org.engagement.core.domain.InvalidFieldException.requirePresent;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What segmentation sees of a customer: the customer with its attributes, plus derived metrics
 * (value to date, engagement score, recency in days, predicted lifetime value, ...) computed by the
 * SDK or by the host.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer the customer
 * @param metrics named metrics, each a finite number
 * @since 0.1.0
 */
public record CustomerProfile(Customer customer, Map<String, Double> metrics) implements Serializable {

  /**
   * Validates and copies the metrics.
   *
   * @throws InvalidFieldException if a metric is not finite
   */
  public CustomerProfile {
    requirePresent(customer, "customer");
    requirePresent(metrics, "metrics");
    metrics.forEach((name, v) -> {
      requirePresent(v, name);
      if (!Double.isFinite(v)) {
        throw new InvalidFieldException("metric " + name, v, "must be a finite number");
      }
    });
    metrics = ImmutableMap.copyOf(metrics);
  }

  /** A profile with no derived metrics. */
  public static CustomerProfile of(Customer customer) {
    return new CustomerProfile(customer, Map.of());
  }

  /** The metric called {@code name}, if present. */
  public OptionalDouble metric(String name) {
    Double v = metrics.get(name);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The customer's attributes (a shortcut for {@code customer().attributes()}). */
  public Attributes attributes() {
    return customer.attributes();
  }
}
