package org.engagement.clv.prediction;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Many customers' repeat-buying histories {@code (x, t_x, T, zbar)} as primitive columns, with the unit
 * of their times: the input of the bulk predictions, which then allocate nothing per customer.
 *
 * <p>The columns are copied and checked once, on construction (the same rules as {@link
 * RepeatBuyingSummary}: {@code x >= 0}, {@code 0 <= t_x <= T < infinity}, mean spend finite and not
 * negative), so a bad customer is reported with its index before any prediction runs. Customer {@code i}
 * is index {@code i} of every column.
 *
 * <p>Immutable and thread-safe. The grouping of all the customers by history that the bulk valuations make is kept
 * once made ({@link #distinct}), for a population valued under many models (a bootstrap's refits): a figure that
 * depends only on these columns, made again bit for bit when two threads race to make it first.
 *
 * @since 0.1.0
 */
public final class CustomerColumns {
  private final PeriodUnit unit;
  private final int[] frequency;
  private final double[] recency;
  private final double[] age;
  private final double[] meanSpend;
  /** All the customers grouped by {@code (x, T)}, once asked for. */
  private volatile @Nullable DistinctHistories byAge;
  /** All the customers grouped by {@code (x, t_x, T)}, once asked for. */
  private volatile @Nullable DistinctHistories byHistory;

  private CustomerColumns(PeriodUnit unit, int[] frequency, double[] recency, double[] age, double[] meanSpend) {
    this.unit = unit;
    this.frequency = frequency;
    this.recency = recency;
    this.age = age;
    this.meanSpend = meanSpend;
  }

  /**
   * Histories without spend (every mean spend 0), times in {@code unit}.
   *
   * @throws InvalidFieldException if the columns differ in length or a customer's history is impossible
   */
  public static CustomerColumns of(PeriodUnit unit, int[] frequency, double[] recency, double[] age) {
    requireNonNull(frequency, "frequency");
    return of(unit, frequency, recency, age, new double[frequency.length]);
  }

  /**
   * Histories with the mean spend of the repeat purchases ({@code zbar}, 0 when {@code x = 0}), times in
   * {@code unit}.
   *
   * @throws InvalidFieldException if the columns differ in length, a customer's history is impossible or
   *     a mean spend is negative or not finite
   */
  public static CustomerColumns of(PeriodUnit unit, int[] frequency, double[] recency, double[] age,
      double[] meanSpend) {
    requireNonNull(unit, "unit");
    requireNonNull(frequency, "frequency");
    requireNonNull(recency, "recency");
    requireNonNull(age, "age");
    requireNonNull(meanSpend, "meanSpend");
    int n = frequency.length;
    sameLength("recency", recency.length, n);
    sameLength("age", age.length, n);
    sameLength("meanSpend", meanSpend.length, n);
    CustomerColumns columns = new CustomerColumns(unit, frequency.clone(), recency.clone(), age.clone(),
        meanSpend.clone());
    columns.check();
    return columns;
  }

  /** The histories of {@code summaries}, in order, whose times are in {@code unit}. */
  public static CustomerColumns from(List<RepeatBuyingSummary> summaries, PeriodUnit unit) {
    requireNonNull(summaries, "summaries");
    requireNonNull(unit, "unit");
    int n = summaries.size();
    int[] frequency = new int[n];
    double[] recency = new double[n];
    double[] age = new double[n];
    double[] meanSpend = new double[n];
    for (int i = 0; i < n; i++) {
      RepeatBuyingSummary s = summaries.get(i);
      frequency[i] = s.frequency();
      recency[i] = s.recency();
      age[i] = s.age();
      meanSpend[i] = s.meanSpend();
    }
    return new CustomerColumns(unit, frequency, recency, age, meanSpend);
  }

  private static void sameLength(String field, int length, int expected) {
    if (length != expected) {
      throw new InvalidFieldException(field + ".length", length,
          "must equal frequency.length (" + expected + ")");
    }
  }

  private void check() {
    for (int i = 0; i < frequency.length; i++) {
      if (frequency[i] < 0) {
        throw new InvalidFieldException("frequency[" + i + "]", frequency[i], "must not be negative");
      }
      if (!(age[i] >= 0 && age[i] < Double.POSITIVE_INFINITY)) {
        throw new InvalidFieldException("age[" + i + "]", age[i], "must be finite and not negative");
      }
      if (!(recency[i] >= 0 && recency[i] <= age[i])) {
        throw new InvalidFieldException("recency[" + i + "]", recency[i], "must be in [0, age] = [0, " + age[i] + "]");
      }
      if (!(meanSpend[i] >= 0 && meanSpend[i] < Double.POSITIVE_INFINITY)) {
        throw new InvalidFieldException("meanSpend[" + i + "]", meanSpend[i], "must be finite and not negative");
      }
    }
  }

  /**
   * These histories with times in {@code target}: this instance when the unit is already {@code target},
   * otherwise a converted copy.
   */
  public CustomerColumns in(PeriodUnit target) {
    requireNonNull(target, "target");
    if (target == unit) {
      return this;
    }
    double factor = unit.convert(1, target);
    int n = size();
    double[] r = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = Math.min(recency[i] * factor, age[i] * factor);
      t[i] = age[i] * factor;
    }
    return new CustomerColumns(target, frequency, r, t, meanSpend);
  }

  /**
   * Customers {@code from..to} grouped by {@code (x, t_x, T)}, or by {@code (x, T)} when {@code byRecency} is false;
   * the grouping of all of them is made once and kept.
   */
  DistinctHistories distinct(int from, int to, boolean byRecency) {
    if (from != 0 || to != size()) {
      return DistinctHistories.of(this, from, to, byRecency);
    }
    DistinctHistories kept = byRecency ? byHistory : byAge;
    if (kept == null) {
      kept = DistinctHistories.of(this, 0, size(), byRecency);
      if (byRecency) {
        byHistory = kept;
      } else {
        byAge = kept;
      }
    }
    return kept;
  }

  /** The unit of the recency and age columns. */
  public PeriodUnit unit() {
    return unit;
  }

  /** The number of customers. */
  public int size() {
    return frequency.length;
  }

  /** Customer {@code i}'s repeat purchases {@code x}. */
  public int frequency(int i) {
    return frequency[i];
  }

  /** Customer {@code i}'s recency {@code t_x}, in {@link #unit()}. */
  public double recency(int i) {
    return recency[i];
  }

  /** Customer {@code i}'s age {@code T}, in {@link #unit()}. */
  public double age(int i) {
    return age[i];
  }

  /** Customer {@code i}'s mean repeat spend {@code zbar}. */
  public double meanSpend(int i) {
    return meanSpend[i];
  }

  @Override
  public String toString() {
    return "CustomerColumns[" + size() + " customers, unit=" + unit + "]";
  }
}
