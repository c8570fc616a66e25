package org.engagement.clv.summary;

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
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The compressed input of the repeat-buying fits ({@code BgNbdModel}, {@code MbgNbdModel},
 * {@code ParetoNbdModel}) as a mergeable aggregate: one {@link WeightedSummary} row per distinct
 * {@code (x, t_x, T)} (compared exactly), in ascending order of {@code x}, then {@code t_x}, then
 * {@code T}, with the number of customers that share it.
 *
 * <p>A distributed engine builds one per partition from that partition's customers' summaries
 * ({@link #of}), ships it (it serialises as four primitive columns) and merges the parts in one place to
 * fit on {@link #rows()}: {@link #merge} adds the weights of equal rows, so the merge of partitions equals
 * the aggregate of all summaries together, and the fit's numbers are those of
 * {@link WeightedSummary#compress}. The summaries themselves come from
 * {@link RepeatBuyingSummaries#summarize} per partition: a customer's summary needs all of that customer's
 * transactions, so partition transactions by customer (each customer whole in one partition) and give
 * every partition the same {@link SummaryOptions}. Rows carry no time unit: merge only aggregates
 * summarised with equal options.
 *
 * <p>The identity is {@link #empty()}. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class WeightedSummaries implements Mergeable<WeightedSummaries> {
  private static final long serialVersionUID = 1L;
  private static final Comparator<WeightedSummary> ORDER =
      Comparator.comparingInt(WeightedSummary::frequency)
      .thenComparingDouble(WeightedSummary::recency)
      .thenComparingDouble(WeightedSummary::age);
  private static final WeightedSummaries EMPTY = new WeightedSummaries(List.of());

  private final List<WeightedSummary> rows;

  private WeightedSummaries(List<WeightedSummary> rows) {
    this.rows = rows;
  }

  /** The aggregate of no customer: the identity of {@link #merge}. */
  public static WeightedSummaries empty() {
    return EMPTY;
  }

  /**
   * The rows of {@code summaries}: one per distinct {@code (x, t_x, T)}, weighted by the number of
   * summaries that have it. Spend and holdout counts are not part of the key and are dropped.
   */
  public static WeightedSummaries of(Iterable<RepeatBuyingSummary> summaries) {
    requireNonNull(summaries, "summaries");
    Map<WeightedSummary, Long> counts = new TreeMap<>(ORDER);
    for (RepeatBuyingSummary s : summaries) {
      counts.merge(new WeightedSummary(s.frequency(), s.recency(), s.age(), 1), 1L, Math::addExact);
    }
    return of(counts);
  }

  /**
   * The aggregate of weighted rows (a compressed file, say); weights of equal rows add. Rows already distinct and
   * in order (as a bootstrap's counted draws are) are taken as they are, without sorting.
   *
   * @throws ArithmeticException if a weight overflows a {@code long}
   */
  public static WeightedSummaries ofRows(Iterable<WeightedSummary> rows) {
    requireNonNull(rows, "rows");
    List<WeightedSummary> list = new ArrayList<>();
    rows.forEach(list::add);
    if (strictlyAscending(list)) {
      return new WeightedSummaries(Collections.unmodifiableList(list));
    }
    Map<WeightedSummary, Long> counts = new TreeMap<>(ORDER);
    for (WeightedSummary row : list) {
      counts.merge(row, row.weight(), Math::addExact);
    }
    return of(counts);
  }

  /** Whether {@code rows} are in strictly ascending {@code ORDER}: distinct and sorted, as the aggregate keeps them. */
  private static boolean strictlyAscending(List<WeightedSummary> rows) {
    for (int i = 1; i < rows.size(); i++) {
      if (ORDER.compare(rows.get(i - 1), rows.get(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static WeightedSummaries of(Map<WeightedSummary, Long> counts) {
    List<WeightedSummary> out = new ArrayList<>(counts.size());
    counts.forEach((key, n) -> out.add(new WeightedSummary(key.frequency(), key.recency(), key.age(), n)));
    return new WeightedSummaries(Collections.unmodifiableList(out));
  }

  /** The rows, in ascending order of {@code x}, {@code t_x}, {@code T}: what the fits take. */
  public List<WeightedSummary> rows() {
    return rows;
  }

  /** The number of customers: the sum of the weights. */
  public long customers() {
    return rows.stream().mapToLong(WeightedSummary::weight).sum();
  }

  /**
   * The rows of this aggregate and {@code other} together; weights of equal rows add. Neither changes.
   *
   * @throws ArithmeticException if a weight overflows a {@code long}
   */
  @Override
  public WeightedSummaries merge(WeightedSummaries other) {
    requireNonNull(other, "other");
    List<WeightedSummary> both = new ArrayList<>(rows);
    both.addAll(other.rows);
    return ofRows(both);
  }

  /** Whether {@code o} has the same rows with the same weights. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WeightedSummaries s && rows.equals(s.rows);
  }

  @Override
  public int hashCode() {
    return rows.hashCode();
  }

  @Override
  public String toString() {
    return "WeightedSummaries[" + rows.size() + " rows, " + customers() + " customers]";
  }

  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("WeightedSummaries are serialised through their serialized form");
  }

  /** The serialised form: the four columns of the rows. Reading validates every row again. */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final long[] weight;

    Form(WeightedSummaries summaries) {
      int n = summaries.rows.size();
      frequency = new int[n];
      recency = new double[n];
      age = new double[n];
      weight = new long[n];
      for (int i = 0; i < n; i++) {
        WeightedSummary row = summaries.rows.get(i);
        frequency[i] = row.frequency();
        recency[i] = row.recency();
        age[i] = row.age();
        weight[i] = row.weight();
      }
    }

    private Object readResolve() throws ObjectStreamException {
      try {
        List<WeightedSummary> rows = new ArrayList<>(frequency.length);
        for (int i = 0; i < frequency.length; i++) {
          rows.add(new WeightedSummary(frequency[i], recency[i], age[i], weight[i]));
        }
        return ofRows(rows);
      } catch (InvalidFieldException | ArithmeticException | IndexOutOfBoundsException | NullPointerException e) {
        InvalidObjectException invalid = new InvalidObjectException("weighted summaries break a rule: "
            + e.getMessage());
        invalid.initCause(e);
        throw invalid;
      }
    }
  }
}
