package org.engagement.clv;

import static java.util.Objects.requireNonNull;

import org.engagement.clv.model.SpendSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummaries;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Everything {@link LifetimeValueAnalysis#fitHistories} needs of the buyers, as a mergeable aggregate: their
 * repeat-buying histories compressed to distinct {@code (x, t_x, T)} with weights (the BG/NBD fit's rows) and
 * the repeat buyers' spend rows (the Gamma-Gamma fit's rows, the repeat buyers who spent 0 left out and
 * counted). A distributed engine builds one per partition of whole customers ({@link #of}), ships it and
 * merges the parts; the fit on the merge is the fit on all the summaries together, so the in-process
 * pipeline ({@link LifetimeValueAnalysis#fitSummaries}) and a distributed one share one code path.
 *
 * <p>The counts ({@link #buyers()}, {@link #repeatBuyers()}) are read from the rows, so they cannot disagree
 * with them; the constructor refuses spend rows that do not account for exactly the repeat buyers among the
 * histories. Summaries must share their {@code SummaryOptions} (unit and as-of), as for
 * {@link WeightedSummaries}.
 *
 * <p>Immutable and thread-safe; serialisable in the compact forms of its parts.
 *
 * @param purchases the buyers' distinct histories with weights
 * @param spends the repeat buyers' spend rows, zero spenders counted and left out
 * @since 0.1.0
 */
public record BuyerHistories(WeightedSummaries purchases, SpendSummaries spends)
    implements Mergeable<BuyerHistories> {
  private static final long serialVersionUID = 1L;
  private static final BuyerHistories EMPTY = new BuyerHistories(WeightedSummaries.empty(), SpendSummaries.empty());

  /**
   * Checks that the spend rows account for the repeat buyers of the histories.
   *
   * @throws InvalidFieldException if the spend rows and the customers left out of them do not add up to
   *     the histories with at least one repeat purchase
   */
  public BuyerHistories {
    requireNonNull(purchases, "purchases");
    requireNonNull(spends, "spends");
    long repeat = repeatBuyers(purchases);
    long accounted = Math.addExact(spends.customers(), spends.zeroSpendCustomers());
    if (accounted != repeat) {
      throw new InvalidFieldException("spends", spends, "must account for the " + repeat
          + " repeat buyers of the histories (" + accounted + " do)");
    }
  }

  /** The aggregate of no buyer: the identity of {@link #merge}. */
  public static BuyerHistories empty() {
    return EMPTY;
  }

  /** The histories of {@code summaries} (one per buyer, in the model convention: first purchase excluded). */
  public static BuyerHistories of(Iterable<RepeatBuyingSummary> summaries) {
    requireNonNull(summaries, "summaries");
    return new BuyerHistories(WeightedSummaries.of(summaries), SpendSummaries.leavingOutZeroSpend(summaries));
  }

  /** The buyers: the customers the purchase model is fitted on. */
  public long buyers() {
    return purchases.customers();
  }

  /** The buyers with at least one repeat purchase, whether or not they spent anything. */
  public long repeatBuyers() {
    return repeatBuyers(purchases);
  }

  /** The histories of this aggregate's buyers and {@code other}'s together; neither changes. */
  @Override
  public BuyerHistories merge(BuyerHistories other) {
    requireNonNull(other, "other");
    return new BuyerHistories(purchases.merge(other.purchases), spends.merge(other.spends));
  }

  private static long repeatBuyers(WeightedSummaries purchases) {
    return purchases.rows().stream().filter(r -> r.frequency() > 0).mapToLong(WeightedSummary::weight).sum();
  }
}
