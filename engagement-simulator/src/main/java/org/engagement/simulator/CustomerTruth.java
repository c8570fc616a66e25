package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

/**
 * The truth about one customer of a simulated world (a person who made a first purchase): the rates they were
 * drawn with ({@link RepeatBuying}), whether they were still alive when the world ended, and how many purchases
 * they went on to make in the {@link WorldSpec#holdoutWeeks()} after it: one row of {@code customer_truth.csv},
 * for checking a lifetime-value model's per-customer predictions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer's id
 * @param purchaseRate the repeat-purchase rate {@code λ} while alive, per week
 * @param dropoutProbability the probability {@code p} of dropping out after each repeat purchase
 * @param meanSpend the mean spend per purchase, {@code spendShape / ν}, in major currency units
 * @param aliveAtEnd whether the customer had not dropped out when the world ended
 * @param holdoutPurchases the purchases in the holdout weeks after the world's end (never written as
 *     interactions)
 * @since 0.1.0
 */
public record CustomerTruth(String customerId, double purchaseRate, double dropoutProbability, double meanSpend,
    boolean aliveAtEnd, int holdoutPurchases) {
  /** Checks for null. */
  public CustomerTruth {
    requireNonNull(customerId, "customerId");
  }

  /**
   * The expected purchases in the {@code weeks} after the world's end given this customer's true state: 0 if
   * gone, else {@code (1 - e^(-λ p t)) / p} (purchases at rate {@code λ} while alive; each ends the life with
   * probability {@code p}).
   */
  public double expectedPurchases(double weeks) {
    if (!aliveAtEnd) {
      return 0;
    }
    double hazard = purchaseRate * dropoutProbability;
    return hazard == 0 ? purchaseRate * weeks : -Math.expm1(-hazard * weeks) / dropoutProbability;
  }
}
