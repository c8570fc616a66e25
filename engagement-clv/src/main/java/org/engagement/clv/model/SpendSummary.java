package org.engagement.clv.model;

import java.util.List;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;

/**
 * A distinct {@code (x, zbar)} pair, the number of repeat purchases and their mean amount, with the
 * number of customers sharing it: the compressed input of the Gamma-Gamma spend model.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param frequency {@code x}, at least 1
 * @param meanSpend {@code zbar}, positive and finite
 * @param weight the number of customers with this pair, at least 1
 * @since 0.1.0
 */
public record SpendSummary(int frequency, double meanSpend, long weight) {
  /** Validates the fields. */
  public SpendSummary {
    if (frequency < 1) {
      throw new InvalidFieldException("frequency", frequency, "must be at least 1");
    }
    if (!(meanSpend > 0 && meanSpend < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("meanSpend", meanSpend, "must be positive and finite");
    }
    if (weight < 1) {
      throw new InvalidFieldException("weight", weight, "must be at least 1");
    }
  }

  /**
   * One row per distinct {@code (x, zbar)} of the summaries with at least one repeat purchase ({@code x
   * = 0} carries no spend information and is skipped), in ascending order. The summaries must use the
   * model convention (first purchase excluded). The same rows as {@code SpendSummaries.of(summaries)
   * .rows()}, the mergeable form a host builds per partition.
   *
   * @throws InvalidFieldException if a summary with {@code x > 0} has a mean spend of 0 (the model's
   *     spends are positive); drop such customers first
   */
  public static List<SpendSummary> compress(Iterable<RepeatBuyingSummary> summaries) {
    return SpendSummaries.of(summaries).rows();
  }
}
