package org.engagement.clv;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.clv.model.SpendSummaries;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummaries;
import org.engagement.clv.summary.WeightedSummary;

/**
 * The {@link BuyerHistories} of draws from one list of buyers, counted per row of the buyers' own histories instead
 * of compressed again: what a bootstrap that refits the models on many draws needs (the report's CLV total refits
 * them on 20).
 *
 * <p>{@link BuyerHistories#of} compresses a list from scratch, a sorted map entry per summary (about 0.4 CPU s for
 * 291,796 buyers). Here each buyer's rows (its {@code (x, t_x, T)} row and, for a repeat buyer, its spend row) are
 * found once; a draw, holding the same summary instances with repetition, is counted per row in one pass, and the
 * rows with a count are the draw's rows. Rows, weights, order and the repeat buyers left out for a spend of 0 are
 * those of {@code BuyerHistories.of(draw)} (tested equal), so a fit on them is the same to the bit. A draw holding
 * a summary that is not one of the buyers (by identity) is compressed from scratch, with the same result.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ResampledHistories {
  /** The spend row of a buyer without one: no repeat purchase. */
  private static final int NO_SPEND = -1;
  /** The spend row of a repeat buyer who spent 0, left out of the spend model's data and counted. */
  private static final int ZERO_SPEND = -2;

  private final List<RepeatBuyingSummary> buyers;
  private final IdentityHashMap<RepeatBuyingSummary, Integer> positions;
  private final List<WeightedSummary> purchaseRows;
  private final List<SpendSummary> spendRows;
  private final int[] purchaseRowOf;
  private final int[] spendRowOf;

  private ResampledHistories(List<RepeatBuyingSummary> buyers, IdentityHashMap<RepeatBuyingSummary, Integer> positions,
      List<WeightedSummary> purchaseRows, List<SpendSummary> spendRows, int[] purchaseRowOf, int[] spendRowOf) {
    this.buyers = buyers;
    this.positions = positions;
    this.purchaseRows = purchaseRows;
    this.spendRows = spendRows;
    this.purchaseRowOf = purchaseRowOf;
    this.spendRowOf = spendRowOf;
  }

  /** Indexes {@code buyers} (one summary per buyer, in the model convention) for counting draws from them. */
  public static ResampledHistories of(List<RepeatBuyingSummary> buyers) {
    List<RepeatBuyingSummary> all = List.copyOf(buyers);
    BuyerHistories whole = BuyerHistories.of(all);
    List<WeightedSummary> purchaseRows = whole.purchases().rows();
    List<SpendSummary> spendRows = whole.spends().rows();
    IdentityHashMap<RepeatBuyingSummary, Integer> positions = new IdentityHashMap<>(all.size());
    int[] purchaseRowOf = new int[all.size()];
    int[] spendRowOf = new int[all.size()];
    Map<PurchaseKey, Integer> purchaseRowAt = new HashMap<>(2 * purchaseRows.size());
    for (int k = 0; k < purchaseRows.size(); k++) {
      WeightedSummary row = purchaseRows.get(k);
      purchaseRowAt.put(new PurchaseKey(row.frequency(), row.recency(), row.age()), k);
    }
    Map<SpendKey, Integer> spendRowAt = new HashMap<>(2 * spendRows.size());
    for (int k = 0; k < spendRows.size(); k++) {
      spendRowAt.put(new SpendKey(spendRows.get(k).frequency(), spendRows.get(k).meanSpend()), k);
    }
    for (int i = 0; i < all.size(); i++) {
      RepeatBuyingSummary s = all.get(i);
      positions.putIfAbsent(s, i);
      purchaseRowOf[i] = rowOf(purchaseRowAt, new PurchaseKey(s.frequency(), s.recency(), s.age()));
      spendRowOf[i] = spendRow(s, spendRowAt);
    }
    return new ResampledHistories(all, positions, purchaseRows, spendRows, purchaseRowOf, spendRowOf);
  }

  private static int spendRow(RepeatBuyingSummary s, Map<SpendKey, Integer> spendRowAt) {
    if (s.frequency() == 0) {
      return NO_SPEND;
    }
    if (s.meanSpend() <= 0) {
      return ZERO_SPEND;
    }
    return rowOf(spendRowAt, new SpendKey(s.frequency(), s.meanSpend()));
  }

  /** The row of {@code key}, which is among the rows: they were made from the same summaries. */
  private static <K> int rowOf(Map<K, Integer> rows, K key) {
    Integer row = rows.get(key);
    if (row == null) {
      throw new IllegalStateException(key + " is not among the rows made from the same summaries");
    }
    return row;
  }

  /**
   * A history's key among the rows: a record compares its doubles as {@link Double#compare} does, as the rows'
   * order does, so each summary finds the row {@link BuyerHistories#of} counted it in.
   */
  private record PurchaseKey(int frequency, double recency, double age) {}

  /** A spend row's key, compared as {@link PurchaseKey}. */
  private record SpendKey(int frequency, double meanSpend) {}

  /**
   * The histories of the draw that took buyer {@code i} (of the list indexed) {@code draws[i]} times: equal to
   * {@code BuyerHistories.of(draw)} for any list of those draws, and to {@link #historiesOf(List)}; a count per
   * buyer instead of a look-up per drawn summary ({@link
   * org.engagement.clv.prediction.ForecastBootstrap#totalOfCounts}).
   *
   * @throws IllegalArgumentException if {@code draws} does not have one count per buyer or a count is negative
   */
  public BuyerHistories historiesOf(int[] draws) {
    requireNonNull(draws, "draws");
    if (draws.length != purchaseRowOf.length) {
      throw new IllegalArgumentException(draws.length + " counts for " + purchaseRowOf.length + " buyers");
    }
    long[] purchases = new long[purchaseRows.size()];
    long[] spends = new long[spendRows.size()];
    List<RepeatBuyingSummary> zeroSpenders = new ArrayList<>();
    for (int i = 0; i < draws.length; i++) {
      int n = draws[i];
      if (n < 0) {
        throw new IllegalArgumentException("count " + n + " of buyer " + i + " is negative");
      }
      purchases[purchaseRowOf[i]] += n;
      int spend = spendRowOf[i];
      if (spend >= 0) {
        spends[spend] += n;
      } else if (spend == ZERO_SPEND) {
        zeroSpenders.addAll(Collections.nCopies(n, buyers.get(i)));
      }
    }
    return histories(purchases, spends, zeroSpenders);
  }

  /**
   * The histories of {@code draw}, a list of these buyers' summaries (the same instances, any of them any number of
   * times): equal to {@code BuyerHistories.of(draw)}.
   */
  public BuyerHistories historiesOf(List<RepeatBuyingSummary> draw) {
    requireNonNull(draw, "draw");
    long[] purchases = new long[purchaseRows.size()];
    long[] spends = new long[spendRows.size()];
    List<RepeatBuyingSummary> zeroSpenders = new ArrayList<>();
    for (RepeatBuyingSummary s : draw) {
      Integer i = positions.get(s);
      if (i == null) {
        return BuyerHistories.of(draw);
      }
      purchases[purchaseRowOf[i]]++;
      int spend = spendRowOf[i];
      if (spend >= 0) {
        spends[spend]++;
      } else if (spend == ZERO_SPEND) {
        zeroSpenders.add(s);
      }
    }
    return histories(purchases, spends, zeroSpenders);
  }

  private BuyerHistories histories(long[] purchases, long[] spends, List<RepeatBuyingSummary> zeroSpenders) {
    return new BuyerHistories(WeightedSummaries.ofRows(counted(purchaseRows, purchases,
        (row, n) -> new WeightedSummary(row.frequency(), row.recency(), row.age(), n))),
        spendSummaries(counted(spendRows, spends, (row, n) -> new SpendSummary(row.frequency(), row.meanSpend(), n)),
            zeroSpenders));
  }

  private static SpendSummaries spendSummaries(List<SpendSummary> rows, List<RepeatBuyingSummary> zeroSpenders) {
    SpendSummaries counted = SpendSummaries.ofRows(rows);
    return zeroSpenders.isEmpty() ? counted : counted.merge(SpendSummaries.leavingOutZeroSpend(zeroSpenders));
  }

  /** The rows whose count is positive, in their order, each weighted by its count. */
  private static <R> List<R> counted(List<R> rows, long[] counts, Weighted<R> weighted) {
    List<R> out = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0) {
        out.add(weighted.of(rows.get(k), counts[k]));
      }
    }
    return out;
  }

  /** A row with another weight. */
  private interface Weighted<R> {
    R of(R row, long weight);
  }

  @Override
  public String toString() {
    return "ResampledHistories[" + purchaseRowOf.length + " buyers, " + purchaseRows.size() + " histories, "
        + spendRows.size() + " spend rows]";
  }
}
