package org.engagement.roi.evidence;

import org.engagement.core.domain.InvalidFieldException;

/**
 * What churn looked like among a channel's engaged customers against a baseline, and what a customer is
 * worth: the inputs of the {@link org.engagement.roi.RewardComponent#RETAINED_VALUE retained value} reward.
 *
 * <p>{@code retainedCustomers = (baselineChurnRate − engagedChurnRate) · engagedCustomers} and
 * {@code retainedValue = retainedCustomers · valuePerCustomer}. Negative when the engaged churn more than
 * the baseline, which is reported as it is. The comparison is observational: customers who engage may
 * have been less likely to churn anyway, so a controlled baseline (a holdout, or a matched segment) makes
 * the figure stronger. Immutable and thread-safe.
 *
 * @param engagedCustomers customers engaged on the channel; not negative
 * @param engagedChurnRate their churn rate over the period, in [0, 1]
 * @param baselineChurnRate the churn rate of comparable customers not engaged on it, in [0, 1]
 * @param valuePerCustomer the value of keeping one customer (e.g. predicted lifetime value); finite, not negative
 * @since 0.1.0
 */
public record RetentionEvidence(
    long engagedCustomers, double engagedChurnRate, double baselineChurnRate, double valuePerCustomer) {

  /** Validates the fields. */
  public RetentionEvidence {
    if (engagedCustomers < 0) {
      throw new InvalidFieldException("engagedCustomers", engagedCustomers, "must not be negative");
    }
    checkRate("engagedChurnRate", engagedChurnRate);
    checkRate("baselineChurnRate", baselineChurnRate);
    if (!Double.isFinite(valuePerCustomer) || valuePerCustomer < 0) {
      throw new InvalidFieldException("valuePerCustomer", valuePerCustomer, "must be finite and not negative");
    }
  }

  /** Customers kept who would have churned at the baseline rate. */
  public double retainedCustomers() {
    return (baselineChurnRate - engagedChurnRate) * engagedCustomers;
  }

  /** The value of the retained customers. */
  public double retainedValue() {
    return retainedCustomers() * valuePerCustomer;
  }

  private static void checkRate(String field, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new InvalidFieldException(field, rate, "must be in [0, 1]");
    }
  }
}
