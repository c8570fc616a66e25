package org.engagement.clv.model;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The compressed input of the Gamma-Gamma spend fit ({@link GammaGammaModel#fit}) as a mergeable
 * aggregate: one {@link SpendSummary} row per distinct {@code (x, zbar)} (compared exactly), in ascending
 * order, with the number of customers that share it.
 *
 * <p>A distributed engine builds one per partition from that partition's customers' summaries
 * ({@link #of}), ships it (three primitive columns) and merges the parts to fit on {@link #rows()}:
 * {@link #merge} adds the weights of equal rows, so the merge of partitions equals the aggregate of all
 * summaries together and the fit's numbers are those of {@link SpendSummary#compress}. Summaries come
 * from transactions partitioned by customer, as for
 * {@link org.engagement.clv.summary.WeightedSummaries}.
 *
 * <p>The model's spends are positive, so a repeat buyer whose mean spend is 0 (free orders, refunds netted
 * out) cannot enter the fit. {@link #of} refuses such a customer by name; {@link #leavingOutZeroSpend}
 * leaves them out and counts them ({@link #zeroSpendCustomers()}), so that one such row does not stop the
 * fit of everyone else and the count can be reported with it. Counts add when aggregates merge.
 *
 * <p>The identity is {@link #empty()}. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SpendSummaries implements Mergeable<SpendSummaries> {
  private static final long serialVersionUID = 1L;
  private static final Comparator<SpendSummary> ORDER =
      Comparator.comparingInt(SpendSummary::frequency).thenComparingDouble(SpendSummary::meanSpend);
  private static final SpendSummaries EMPTY = new SpendSummaries(List.of(), 0);

  private final List<SpendSummary> rows;
  private final long zeroSpend;

  private SpendSummaries(List<SpendSummary> rows, long zeroSpend) {
    this.rows = rows;
    this.zeroSpend = zeroSpend;
  }

  /** The aggregate of no customer: the identity of {@link #merge}. */
  public static SpendSummaries empty() {
    return EMPTY;
  }

  /**
   * The rows of the summaries with at least one repeat purchase ({@code x = 0} carries no spend
   * information and is skipped). The summaries must use the model convention (first purchase excluded).
   *
   * @throws InvalidFieldException if a summary with {@code x > 0} has a mean spend of 0 (the model's
   *     spends are positive); the message names the customer. {@link #leavingOutZeroSpend} leaves them
   *     out instead
   */
  public static SpendSummaries of(Iterable<RepeatBuyingSummary> summaries) {
    requireNonNull(summaries, "summaries");
    return of(summaries, false);
  }

  /**
   * The rows of the summaries with at least one repeat purchase and a positive mean spend; the repeat
   * buyers with a mean spend of 0 are left out and counted ({@link #zeroSpendCustomers()}).
   */
  public static SpendSummaries leavingOutZeroSpend(Iterable<RepeatBuyingSummary> summaries) {
    return of(summaries, true);
  }

  private static SpendSummaries of(Iterable<RepeatBuyingSummary> summaries, boolean leaveOutZero) {
    requireNonNull(summaries, "summaries");
    Map<SpendSummary, Long> counts = new TreeMap<>(ORDER);
    long zero = 0;
    for (RepeatBuyingSummary s : summaries) {
      if (s.frequency() == 0) {
        continue;
      }
      if (s.meanSpend() <= 0 && leaveOutZero) {
        zero++;
      } else if (s.meanSpend() <= 0) {
        throw new InvalidFieldException("meanSpend", s.meanSpend(), "must be positive for customer "
            + s.customerId() + ", who has " + s.frequency() + " repeat purchases: the spend model needs"
            + " positive amounts; leave such customers out (SpendSummaries.leavingOutZeroSpend) or drop them first");
      } else {
        counts.merge(new SpendSummary(s.frequency(), s.meanSpend(), 1), 1L, Math::addExact);
      }
    }
    return of(counts, zero);
  }

  /**
   * The aggregate of weighted rows; weights of equal rows add. Rows already distinct and in order (as a bootstrap's
   * counted draws are) are taken as they are, without sorting.
   *
   * @throws ArithmeticException if a weight overflows a {@code long}
   */
  public static SpendSummaries ofRows(Iterable<SpendSummary> rows) {
    requireNonNull(rows, "rows");
    List<SpendSummary> list = new ArrayList<>();
    rows.forEach(list::add);
    if (strictlyAscending(list)) {
      return new SpendSummaries(Collections.unmodifiableList(list), 0);
    }
    Map<SpendSummary, Long> counts = new TreeMap<>(ORDER);
    for (SpendSummary row : list) {
      counts.merge(row, row.weight(), Math::addExact);
    }
    return of(counts, 0);
  }

  /** Whether {@code rows} are in strictly ascending {@code ORDER}: distinct and sorted, as the aggregate keeps them. */
  private static boolean strictlyAscending(List<SpendSummary> rows) {
    for (int i = 1; i < rows.size(); i++) {
      if (ORDER.compare(rows.get(i - 1), rows.get(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static SpendSummaries of(Map<SpendSummary, Long> counts, long zeroSpend) {
    List<SpendSummary> out = new ArrayList<>(counts.size());
    counts.forEach((key, n) -> out.add(new SpendSummary(key.frequency(), key.meanSpend(), n)));
    return new SpendSummaries(Collections.unmodifiableList(out), zeroSpend);
  }

  /**
   * The repeat buyers left out for a mean spend of 0 ({@link #leavingOutZeroSpend}); not among
   * {@link #customers()}.
   */
  public long zeroSpendCustomers() {
    return zeroSpend;
  }

  /** The rows, in ascending order of {@code x}, then {@code zbar}: what the fit takes. */
  public List<SpendSummary> rows() {
    return rows;
  }

  /** The number of customers: the sum of the weights. */
  public long customers() {
    return rows.stream().mapToLong(SpendSummary::weight).sum();
  }

  /**
   * The rows of this aggregate and {@code other} together; weights of equal rows add, and so do the
   * {@linkplain #zeroSpendCustomers() customers left out}. Neither changes.
   *
   * @throws ArithmeticException if a weight overflows a {@code long}
   */
  @Override
  public SpendSummaries merge(SpendSummaries other) {
    requireNonNull(other, "other");
    List<SpendSummary> both = new ArrayList<>(rows);
    both.addAll(other.rows);
    SpendSummaries merged = ofRows(both);
    return new SpendSummaries(merged.rows, Math.addExact(zeroSpend, other.zeroSpend));
  }

  /** Whether {@code o} has the same rows with the same weights and the same count left out. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SpendSummaries s && rows.equals(s.rows) && zeroSpend == s.zeroSpend;
  }

  @Override
  public int hashCode() {
    return 31 * rows.hashCode() + Long.hashCode(zeroSpend);
  }

  @Override
  public String toString() {
    return "SpendSummaries[" + rows.size() + " rows, " + customers() + " customers"
        + (zeroSpend == 0 ? "" : ", " + zeroSpend + " left out for zero spend") + "]";
  }

  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("SpendSummaries are serialised through their serialized form");
  }

  /** The serialised form: the three columns of the rows. Reading validates every row again. */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] frequency;
    private final double[] meanSpend;
    private final long[] weight;
    // Absent from streams written before it existed: read as 0.
    private final long zeroSpend;

    Form(SpendSummaries summaries) {
      int n = summaries.rows.size();
      frequency = new int[n];
      meanSpend = new double[n];
      weight = new long[n];
      for (int i = 0; i < n; i++) {
        SpendSummary row = summaries.rows.get(i);
        frequency[i] = row.frequency();
        meanSpend[i] = row.meanSpend();
        weight[i] = row.weight();
      }
      zeroSpend = summaries.zeroSpend;
    }

    private Object readResolve() throws ObjectStreamException {
      try {
        List<SpendSummary> rows = new ArrayList<>(frequency.length);
        for (int i = 0; i < frequency.length; i++) {
          rows.add(new SpendSummary(frequency[i], meanSpend[i], weight[i]));
        }
        if (zeroSpend < 0) {
          throw new InvalidFieldException("zeroSpend", zeroSpend, "must not be negative");
        }
        return new SpendSummaries(ofRows(rows).rows, zeroSpend);
      } catch (InvalidFieldException | ArithmeticException | IndexOutOfBoundsException | NullPointerException e) {
        InvalidObjectException invalid = new InvalidObjectException("spend summaries break a rule: "
            + e.getMessage());
        invalid.initCause(e);
        throw invalid;
      }
    }
  }
}
