package org.engagement.core.value.rfm;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;

/**
 * RFM quintile scores and named segments for a set of customers, from each customer's recency,
 * frequency and monetary value (customer {@code i} is index {@code i} of the three input arrays).
 *
 * <p><b>Inputs.</b> Recency is the number of whole days from the customer's last purchase to the
 * as-of date (0 = bought on the as-of date; smaller is better). Frequency is the number of purchases
 * (at least 1). Monetary is the customer's <em>total</em> spend over the period (not the mean per
 * purchase), so that M ranks customers by the same value that
 * {@link org.engagement.core.value.ValueConcentration} measures.
 *
 * <p><b>Quintile scores with ties.</b> {@link #quintiles(double[])} gives each of n customers the score
 * 1 + &lfloor;5&middot;b/n&rfloor;, where b is the number of customers with a strictly
 * <em>worse</em> value (the customer's "minimum rank", counted from 0). So equal values always get
 * equal scores, scores are 1..5 and never decrease as the value improves, and without ties each score
 * holds n/5 customers, rounded up or down (when n &ge; 5). With ties a block of equal values stays
 * together in the score of its lowest member, so scores can be uneven: if 60 % of customers bought
 * exactly once they all get F = 1 and the next frequency gets F = 4. For frequency and monetary
 * value, higher is better; for recency, fewer days is better (the most recent customers get R = 5).
 *
 * <p>Named segments come from R and F, see {@link RfmSegment}; every customer gets exactly one.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RfmScores {
  private static final int LEVELS = 5;

  private final byte[] recency;
  private final byte[] frequency;
  private final byte[] monetary;

  private RfmScores(byte[] recency, byte[] frequency, byte[] monetary) {
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
  }

  /**
   * Scores customers. The arrays are not kept or changed.
   *
   * @param recencyDays per customer, days since the last purchase, not negative
   * @param frequency per customer, the number of purchases, at least 1
   * @param monetary per customer, the total spend, finite and not negative
   * @throws InvalidFieldException if the arrays differ in length or a value breaks its rule
   */
  public static RfmScores of(long[] recencyDays, long[] frequency, double[] monetary) {
    requireNonNull(recencyDays, "recencyDays");
    requireNonNull(frequency, "frequency");
    requireNonNull(monetary, "monetary");
    int n = recencyDays.length;
    if (frequency.length != n || monetary.length != n) {
      throw new InvalidFieldException("frequency, monetary", frequency.length + ", " + monetary.length,
          "must have as many elements as recencyDays (" + n + ")");
    }
    double[] r = new double[n];
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      if (recencyDays[i] < 0) {
        throw new InvalidFieldException("recencyDays[" + i + "]", recencyDays[i], "must not be negative");
      }
      if (frequency[i] < 1) {
        throw new InvalidFieldException("frequency[" + i + "]", frequency[i], "must be at least 1");
      }
      r[i] = -(double) recencyDays[i];
      f[i] = frequency[i];
    }
    return new RfmScores(bytes(quintiles(r)), bytes(quintiles(f)), bytes(quintiles(monetary)));
  }

  /**
   * Quintile scores 1..5 of {@code values}, higher value higher score, equal values equal score: score
   * {@code i} is 1 + &lfloor;5&middot;b/n&rfloor; with b the number of values strictly below
   * {@code values[i]}. The array is not kept or changed.
   *
   * @param values finite values, in any order
   * @throws InvalidFieldException if a value is NaN or infinite
   */
  public static int[] quintiles(double[] values) {
    requireNonNull(values, "values");
    int n = values.length;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) {
        throw new InvalidFieldException("values[" + i + "]", values[i], "must be finite");
      }
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int[] scores = new int[n];
    for (int i = 0; i < n; i++) {
      scores[i] = quintile(lowerBound(sorted, values[i]), n);
    }
    return scores;
  }

  /**
   * The quintile score of a value that {@code below} of the {@code n} values scored are strictly below:
   * 1 + &lfloor;5&middot;below/n&rfloor;, the rule of {@link #quintiles(double[])}. It never decreases as
   * {@code below} grows, so a distributed engine scores its customers from four exact order statistics: the
   * least {@code below} of each score, found with this rule, gives the value a customer must exceed.
   *
   * @param below values strictly below, in 0..n&minus;1
   * @param n values scored, at least 1
   * @throws InvalidFieldException if {@code n} is not positive or {@code below} is outside 0..n&minus;1
   */
  public static int quintile(long below, long n) {
    if (n < 1) {
      throw new InvalidFieldException("n", n, "must be at least 1");
    }
    if (below < 0 || below >= n) {
      throw new InvalidFieldException("below", below, "must be between 0 and n - 1 (" + (n - 1) + ")");
    }
    return 1 + (int) (Math.multiplyExact(LEVELS, below) / n);
  }

  /** The index of the first element of {@code sorted} that is not below {@code value}. */
  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static byte[] bytes(int[] scores) {
    byte[] out = new byte[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = (byte) scores[i];
    }
    return out;
  }

  /** The number of customers scored. */
  public int size() {
    return recency.length;
  }

  /**
   * Customer {@code index}'s scores.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in 0..size()&minus;1
   */
  public RfmScore score(int index) {
    return new RfmScore(recency[index], frequency[index], monetary[index]);
  }

  /**
   * Customer {@code index}'s named segment.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in 0..size()&minus;1
   */
  public RfmSegment segment(int index) {
    return RfmSegment.of(recency[index], frequency[index]);
  }

  /** How many customers are in each named segment; every segment is a key, with 0 when empty. */
  public Map<RfmSegment, Integer> segmentCounts() {
    Map<RfmSegment, Integer> counts = new EnumMap<>(RfmSegment.class);
    for (RfmSegment segment : RfmSegment.values()) {
      counts.put(segment, 0);
    }
    for (int i = 0; i < recency.length; i++) {
      counts.merge(RfmSegment.of(recency[i], frequency[i]), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  @Override
  public String toString() {
    return "RfmScores[customers=" + recency.length + ", segments=" + segmentCounts() + "]";
  }
}
