package org.engagement.core.profile;

import java.util.Map;

/**
 * Contributes extra metrics to every profile {@link CustomerProfiles} builds: the extension point through
 * which other modules (and hosts) add what they know about a customer. The CLV module's repeat-buying
 * metrics, which its lifetime-value predictor reads, come this way.
 *
 * <p>Implementations must be thread-safe and free of side effects, must return finite numbers, and must
 * not use the names of the built-in metrics or of another contributor's metrics:
 * {@link CustomerProfiles} refuses a clash rather than let one figure silently replace another.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProfileMetrics {

  /**
   * The extra metrics of each customer, by customer id; a customer left out gets none. Customers not in
   * the input are ignored.
   */
  Map<String, Map<String, Double>> metrics(ProfileInput input);
}
