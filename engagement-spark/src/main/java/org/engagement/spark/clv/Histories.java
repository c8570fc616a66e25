package org.engagement.spark.clv;

import java.io.Serializable;
import java.util.List;
import org.engagement.clv.model.SpendSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummaries;

/**
 * What one partition sends to the driver for the fit: its buyers' histories compressed to distinct
 * {@code (x, t_x, T)} with weights, the repeat buyers' spend rows (zero spenders counted, left out), and
 * the counts. Merged in any tree; immutable and thread-safe.
 */
final class Histories implements Serializable {
  private static final long serialVersionUID = 1L;
  static final Histories EMPTY = new Histories(WeightedSummaries.empty(), SpendSummaries.empty(), 0, 0);

  final WeightedSummaries purchases;
  final SpendSummaries spends;
  final long buyers;
  final long repeatBuyers;

  private Histories(WeightedSummaries purchases, SpendSummaries spends, long buyers, long repeatBuyers) {
    this.purchases = purchases;
    this.spends = spends;
    this.buyers = buyers;
    this.repeatBuyers = repeatBuyers;
  }

  static Histories of(List<RepeatBuyingSummary> summaries) {
    List<RepeatBuyingSummary> repeat = summaries.stream().filter(s -> s.frequency() > 0).toList();
    return new Histories(WeightedSummaries.of(summaries), SpendSummaries.leavingOutZeroSpend(repeat),
        summaries.size(), repeat.size());
  }

  Histories merge(Histories other) {
    return new Histories(purchases.merge(other.purchases), spends.merge(other.spends), buyers + other.buyers,
        repeatBuyers + other.repeatBuyers);
  }
}
