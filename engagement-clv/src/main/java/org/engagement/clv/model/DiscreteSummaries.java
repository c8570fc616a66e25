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
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The input of the BG/BB fit ({@link BgBbModel#fit}) as a mergeable aggregate: one
 * {@link DiscreteSummary} row per distinct history {@code (x, t_x, n)}, in ascending order of {@code x},
 * then {@code t_x}, then {@code n}, with the number of customers that share it.
 *
 * <p>A host adds one summary of weight 1 per customer (or weighted rows it has already), per partition;
 * the parts serialise as four primitive columns and {@link #merge} adds the weights of equal histories,
 * so the merge of partitions equals the aggregate built whole. A history needs all of a customer's
 * purchase opportunities: partition customers, not opportunities. The BG/BB likelihood is a weighted sum
 * over rows, so fitting on {@link #rows()} estimates the same model as fitting on uncompressed or
 * differently ordered rows (up to the rounding of the sum's order).
 *
 * <p>The identity is {@link #empty()}. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class DiscreteSummaries implements Mergeable<DiscreteSummaries> {
  private static final long serialVersionUID = 1L;
  private static final Comparator<DiscreteSummary> ORDER =
      Comparator.comparingInt(DiscreteSummary::frequency)
      .thenComparingInt(DiscreteSummary::recency)
      .thenComparingInt(DiscreteSummary::opportunities);
  private static final DiscreteSummaries EMPTY = new DiscreteSummaries(List.of());

  private final List<DiscreteSummary> rows;

  private DiscreteSummaries(List<DiscreteSummary> rows) {
    this.rows = rows;
  }

  /** The aggregate of no customer: the identity of {@link #merge}. */
  public static DiscreteSummaries empty() {
    return EMPTY;
  }

  /**
   * The aggregate of {@code summaries}; weights of equal histories add.
   *
   * @throws ArithmeticException if a weight overflows a {@code long}
   */
  public static DiscreteSummaries of(Iterable<DiscreteSummary> summaries) {
    requireNonNull(summaries, "summaries");
    Map<DiscreteSummary, Long> counts = new TreeMap<>(ORDER);
    for (DiscreteSummary row : summaries) {
      counts.merge(row, row.weight(), Math::addExact);
    }
    List<DiscreteSummary> out = new ArrayList<>(counts.size());
    counts.forEach((key, n) ->
        out.add(new DiscreteSummary(key.frequency(), key.recency(), key.opportunities(), n)));
    return new DiscreteSummaries(Collections.unmodifiableList(out));
  }

  /** The rows, in ascending order of {@code x}, {@code t_x}, {@code n}: what the fit takes. */
  public List<DiscreteSummary> rows() {
    return rows;
  }

  /** The number of customers: the sum of the weights. */
  public long customers() {
    return rows.stream().mapToLong(DiscreteSummary::weight).sum();
  }

  /**
   * The histories of this aggregate and {@code other} together; weights of equal histories add. Neither
   * changes.
   *
   * @throws ArithmeticException if a weight overflows a {@code long}
   */
  @Override
  public DiscreteSummaries merge(DiscreteSummaries other) {
    requireNonNull(other, "other");
    List<DiscreteSummary> both = new ArrayList<>(rows);
    both.addAll(other.rows);
    return of(both);
  }

  /** Whether {@code o} has the same histories with the same weights. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DiscreteSummaries s && rows.equals(s.rows);
  }

  @Override
  public int hashCode() {
    return rows.hashCode();
  }

  @Override
  public String toString() {
    return "DiscreteSummaries[" + rows.size() + " rows, " + customers() + " customers]";
  }

  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("DiscreteSummaries are serialised through their serialized form");
  }

  /** The serialised form: the four columns of the rows. Reading validates every row again. */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] frequency;
    private final int[] recency;
    private final int[] opportunities;
    private final long[] weight;

    Form(DiscreteSummaries summaries) {
      int n = summaries.rows.size();
      frequency = new int[n];
      recency = new int[n];
      opportunities = new int[n];
      weight = new long[n];
      for (int i = 0; i < n; i++) {
        DiscreteSummary row = summaries.rows.get(i);
        frequency[i] = row.frequency();
        recency[i] = row.recency();
        opportunities[i] = row.opportunities();
        weight[i] = row.weight();
      }
    }

    private Object readResolve() throws ObjectStreamException {
      try {
        List<DiscreteSummary> rows = new ArrayList<>(frequency.length);
        for (int i = 0; i < frequency.length; i++) {
          rows.add(new DiscreteSummary(frequency[i], recency[i], opportunities[i], weight[i]));
        }
        return of(rows);
      } catch (InvalidFieldException | ArithmeticException | IndexOutOfBoundsException | NullPointerException e) {
        InvalidObjectException invalid = new InvalidObjectException("discrete summaries break a rule: "
            + e.getMessage());
        invalid.initCause(e);
        throw invalid;
      }
    }
  }
}
