package org.engagement.core.value.tier;

import org.engagement.core.domain.InvalidFieldException;

/**
 * The thresholds of {@link ValueTiers}; see there for how they are applied. Immutable and thread-safe.
 *
 * <table>
 *   <caption>Thresholds</caption>
 *   <tr><th>threshold</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code retainShare}</td><td>0.2</td><td>the top share of customers by value that is
 *       "retain" (the 20 of 80/20)</td></tr>
 *   <tr><td>{@code growEngagementShare}</td><td>0.2</td><td>the top share of customers by engagement
 *       that counts as "high engagement"</td></tr>
 *   <tr><td>{@code lapsedAfterDays}</td><td>90</td><td>days without activity after which a customer is
 *       lapsed ("re-engage")</td></tr>
 * </table>
 *
 * @param retainShare in [0, 1]
 * @param growEngagementShare in [0, 1]
 * @param lapsedAfterDays finite and greater than 0
 * @since 0.1.0
 */
public record ValueTierRules(double retainShare, double growEngagementShare, double lapsedAfterDays) {
  private static final ValueTierRules DEFAULTS = new ValueTierRules(0.2, 0.2, 90);

  /**
   * Validates the thresholds.
   *
   * @throws InvalidFieldException if a threshold is outside its range
   */
  public ValueTierRules {
    checkShare("retainShare", retainShare);
    checkShare("growEngagementShare", growEngagementShare);
    if (!(lapsedAfterDays > 0) || lapsedAfterDays == Double.POSITIVE_INFINITY) {
      throw new InvalidFieldException("lapsedAfterDays", lapsedAfterDays, "must be finite and greater than 0");
    }
  }

  /** The defaults: retain the top 20 %, high engagement is the top 20 %, lapsed after 90 days. */
  public static ValueTierRules defaults() {
    return DEFAULTS;
  }

  /** These rules with another retain share. */
  public ValueTierRules withRetainShare(double share) {
    return new ValueTierRules(share, growEngagementShare, lapsedAfterDays);
  }

  /** These rules with another share of high engagement. */
  public ValueTierRules withGrowEngagementShare(double share) {
    return new ValueTierRules(retainShare, share, lapsedAfterDays);
  }

  /** These rules with another lapse period, in days. */
  public ValueTierRules withLapsedAfterDays(double days) {
    return new ValueTierRules(retainShare, growEngagementShare, days);
  }

  private static void checkShare(String field, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new InvalidFieldException(field, share, "must be between 0 and 1");
    }
  }
}
