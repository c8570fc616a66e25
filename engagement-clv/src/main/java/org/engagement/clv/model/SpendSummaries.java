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
 * <p>The identity is {@link #empty()}. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SpendSummaries implements Mergeable<SpendSummaries> {
  private static final long serialVersionUID = 1L;
  private static final Comparator<SpendSummary> ORDER =
      Comparator.comparingInt(SpendSummary::frequency).thenComparingDouble(SpendSummary::meanSpend);
  private static final SpendSummaries EMPTY = new SpendSummaries(List.of());

  private final List<SpendSummary> rows;

  private SpendSummaries(List<SpendSummary> rows) {
    this.rows = rows;
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
   *     spends are positive); drop such customers first
   */
  public static SpendSummaries of(Iterable<RepeatBuyingSummary> summaries) {
    requireNonNull(summaries, "summaries");
    Map<SpendSummary, Long> counts = new TreeMap<>(ORDER);
    for (RepeatBuyingSummary s : summaries) {
      if (s.frequency() > 0) {
        if (s.meanSpend() <= 0) {
          throw new InvalidFieldException("meanSpend", s.meanSpend(),
              "must be positive for a customer with repeat purchases (customer " + s.customerId() + ")");
        }
        counts.merge(new SpendSummary(s.frequency(), s.meanSpend(), 1), 1L, Math::addExact);
      }
    }
    return of(counts);
  }

  /**
   * The aggregate of weighted rows; weights of equal rows add.
   *
   * @throws ArithmeticException if a weight overflows a {@code long}
   */
  public static SpendSummaries ofRows(Iterable<SpendSummary> rows) {
    requireNonNull(rows, "rows");
    Map<SpendSummary, Long> counts = new TreeMap<>(ORDER);
    for (SpendSummary row : rows) {
      counts.merge(row, row.weight(), Math::addExact);
    }
    return of(counts);
  }

  private static SpendSummaries of(Map<SpendSummary, Long> counts) {
    List<SpendSummary> out = new ArrayList<>(counts.size());
    counts.forEach((key, n) -> out.add(new SpendSummary(key.frequency(), key.meanSpend(), n)));
    return new SpendSummaries(Collections.unmodifiableList(out));
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
   * The rows of this aggregate and {@code other} together; weights of equal rows add. Neither changes.
   *
   * @throws ArithmeticException if a weight overflows a {@code long}
   */
  @Override
  public SpendSummaries merge(SpendSummaries other) {
    requireNonNull(other, "other");
    List<SpendSummary> both = new ArrayList<>(rows);
    both.addAll(other.rows);
    return ofRows(both);
  }

  /** Whether {@code o} has the same rows with the same weights. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SpendSummaries s && rows.equals(s.rows);
  }

  @Override
  public int hashCode() {
    return rows.hashCode();
  }

  @Override
  public String toString() {
    return "SpendSummaries[" + rows.size() + " rows, " + customers() + " customers]";
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
    }

    private Object readResolve() throws ObjectStreamException {
      try {
        List<SpendSummary> rows = new ArrayList<>(frequency.length);
        for (int i = 0; i < frequency.length; i++) {
          rows.add(new SpendSummary(frequency[i], meanSpend[i], weight[i]));
        }
        return ofRows(rows);
      } catch (InvalidFieldException | ArithmeticException | IndexOutOfBoundsException | NullPointerException e) {
        InvalidObjectException invalid = new InvalidObjectException("spend summaries break a rule: "
            + e.getMessage());
        invalid.initCause(e);
        throw invalid;
      }
    }
  }
}
