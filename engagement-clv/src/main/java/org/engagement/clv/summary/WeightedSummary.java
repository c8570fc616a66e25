package org.engagement.clv.summary;

import java.util.List;
import org.engagement.core.domain.InvalidFieldException;

/**
 * A distinct {@code (x, t_x, T)} triple and how many customers share it: the compressed input of the
 * repeat-buying likelihoods, which depend on a customer only through that triple. The log-likelihood of a
 * data set is {@code sum(weight * ll(x, t_x, T))} over the compressed rows.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param frequency {@code x}, not negative
 * @param recency {@code t_x}, in {@code [0, age]}
 * @param age {@code T}, finite and not negative
 * @param weight the number of customers with this triple, at least 1
 * @since 0.1.0
 */
public record WeightedSummary(int frequency, double recency, double age, long weight) {
  /** Validates the fields. */
  public WeightedSummary {
    if (frequency < 0) {
      throw new InvalidFieldException("frequency", frequency, "must not be negative");
    }
    if (!Double.isFinite(age) || age < 0) {
      throw new InvalidFieldException("age", age, "must be finite and not negative");
    }
    if (!(recency >= 0 && recency <= age)) {
      throw new InvalidFieldException("recency", recency, "must be in [0, age]");
    }
    if (weight < 1) {
      throw new InvalidFieldException("weight", weight, "must be at least 1");
    }
  }

  /**
   * Compresses {@code summaries} into one row per distinct {@code (x, t_x, T)} (compared exactly), in
   * ascending order of {@code x}, then {@code t_x}, then {@code T}. Weights add up to the number of
   * summaries. Spend and holdout counts are not part of the key and are dropped. The same rows as
   * {@code WeightedSummaries.of(summaries).rows()}, the mergeable form a host builds per partition.
   */
  public static List<WeightedSummary> compress(Iterable<RepeatBuyingSummary> summaries) {
    return WeightedSummaries.of(summaries).rows();
  }
}
