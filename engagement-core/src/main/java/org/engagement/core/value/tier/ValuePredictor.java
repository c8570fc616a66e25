package org.engagement.core.value.tier;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.CustomerProfile;

/**
 * Predicts a customer's future value from their profile, in the same unit as the
 * {@value MetricNames#VALUE} metric. The CLV models of the attribution module implement it; a host may
 * plug in its own model.
 *
 * <p>Implementations must return a finite number and should be thread-safe and free of side effects:
 * {@link ValueTiers} may call them more than once per profile.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ValuePredictor {

  /** The predicted future value of the customer whose profile is {@code profile}; finite. */
  double predict(CustomerProfile profile);

  /** A predictor that predicts nothing (0 for everyone), so only engagement can make a customer "grow". */
  static ValuePredictor none() {
    return profile -> 0;
  }

  /** A predictor that reads the profile metric {@code metric} (0 when missing). */
  static ValuePredictor fromMetric(String metric) {
    requireNonNull(metric, "metric");
    return profile -> profile.metric(metric).orElse(0);
  }
}
