package org.engagement.core.value;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.engagement.core.domain.InvalidFieldException;

/**
 * How concentrated value is across customers: the Lorenz curve, the Gini coefficient, the share of
 * value held by the top fraction of customers, and the fraction of customers needed for a share of
 * value (the 80/20 check).
 *
 * <p>Built from one value per customer with {@link #of(double[])}; the values are sorted once and only
 * the running sums of the sorted values are kept ({@code n + 1} doubles). A concentration is a result,
 * not a partial aggregate: two of them cannot be merged (a customer in both would need their values
 * added first). Partitions of a large data set feed {@link CustomerValues}, the mergeable input, and read
 * the concentration from the merged values. With {@code n} customers,
 * values {@code x(1) <= ... <= x(n)} in ascending order and total {@code T}:
 *
 * <table>
 *   <caption>Definitions</caption>
 *   <tr><th>query</th><th>definition</th></tr>
 *   <tr><td>{@link #topShare(double) topShare(k)}</td>
 *       <td>S(k) = (sum of the top &lceil;k&middot;n&rceil; values) / T</td></tr>
 *   <tr><td>{@link #lorenzCurve()}</td>
 *       <td>the points (i/n, L<sub>i</sub>) for i = 0..n, L<sub>i</sub> = (sum of the bottom i values) / T;
 *       L<sub>0</sub> = 0 and L<sub>n</sub> = 1</td></tr>
 *   <tr><td>{@link #lorenz(double) lorenz(p)}</td>
 *       <td>L<sub>&lceil;p&middot;n&rceil;</sub>: the share held by the bottom &lceil;p&middot;n&rceil;
 *       customers (the same &lceil;&middot;&rceil; convention as the top share)</td></tr>
 *   <tr><td>{@link #gini()}</td>
 *       <td>G = 2 &Sigma; i&middot;x(i) / (n&middot;T) &minus; (n+1)/n; in [0, (n&minus;1)/n], so in [0, 1);
 *       exactly 0 when all values are equal</td></tr>
 *   <tr><td>{@link #customerShareFor(double) customerShareFor(s)}</td>
 *       <td>m/n for the smallest m such that the top m values sum to at least s&middot;T: the smallest
 *       fraction of top customers whose value reaches s. Customers with value 0 are never needed, so
 *       {@code customerShareFor(1)} can be below 1.</td></tr>
 * </table>
 *
 * <p><b>Whom to pass: "top 20 %" means the top 20 % of buyers by value.</b> Every query ranks exactly the
 * customers it is given, so {@code topShare(0.2)} is the top 20 % of that population. The SDK's one
 * definition of "your top 20 % of customers" is the top 20 % of <em>buyers</em> (customers with a
 * purchase), which is what {@link org.engagement.core.profile.Purchases#concentration()} passes (a buyer
 * whose purchases carry no value counts with 0 there) and what the value tiers' retain tier ({@link org.engagement.core.value.tier.ValueTiers}) ranks: on the same
 * population, the retain tier's customers are those whose values {@code topShare(retainShare)} sums (up
 * to ties at the cut-off). Passing prospects with value 0 as well would make n larger and the "top 20 %"
 * reach further down the buyers.
 *
 * <p>&lceil;k&middot;n&rceil; is computed exactly from the decimal form of {@code k}
 * ({@link BigDecimal#valueOf(double)}), so {@code topShare(0.7)} over 10 customers takes 7 of them,
 * not 8 as {@code Math.ceil(0.7 * 10)} would.
 *
 * <p><b>Ties.</b> Customers with equal values are interchangeable: every query depends only on the
 * multiset of values, so how ties are ordered does not matter. The results do not depend on the order
 * of the input or on the unit of value (multiplying every value by the same positive number changes
 * nothing, up to rounding).
 *
 * <p><b>Edge cases.</b> No customers is an error ({@link InvalidFieldException}). A total of 0 (every
 * customer has value 0) is treated as everyone being equal: Gini 0, the Lorenz curve is the line of
 * equality, {@code topShare(k)} is &lceil;k&middot;n&rceil;/n and {@code customerShareFor(s)} is
 * &lceil;s&middot;n&rceil;/n.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ValueConcentration {
  /** The share of value in the 80/20 check. */
  public static final double EIGHTY_PERCENT = 0.8;

  private final int n;
  /** {@code top[m]} is the sum of the largest {@code m} values; {@code top[n]} is the total. */
  private final double[] top;
  private final double gini;

  private ValueConcentration(int n, double[] top, double gini) {
    this.n = n;
    this.top = top;
    this.gini = gini;
  }

  /**
   * The concentration of {@code values}, one per customer. The array is not kept or changed.
   *
   * @param values one value per customer, each finite and not negative; any size up to
   *     {@link Double#MAX_VALUE} as long as their total is finite
   * @throws InvalidFieldException if {@code values} is empty, holds a negative, NaN or infinite value, or
   *     their total overflows a {@code double}
   */
  public static ValueConcentration of(double[] values) {
    requireNonNull(values, "values");
    if (values.length == 0) {
      throw new InvalidFieldException("values", "[]", "must hold at least one customer's value");
    }
    double[] sorted = values.clone();
    for (int i = 0; i < sorted.length; i++) {
      double v = sorted[i];
      if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
        throw new InvalidFieldException("values[" + i + "]", v, "must be finite and not negative");
      }
    }
    Arrays.sort(sorted);
    int n = sorted.length;
    double[] top = new double[n + 1];
    for (int m = 1; m <= n; m++) {
      top[m] = top[m - 1] + sorted[n - m];
    }
    double total = top[n];
    if (total == Double.POSITIVE_INFINITY) {
      throw new InvalidFieldException("values", "sum " + total, "must have a finite total");
    }
    return new ValueConcentration(n, top, gini(sorted, total));
  }

  private static double gini(double[] ascending, double total) {
    int n = ascending.length;
    if (total == 0 || ascending[0] == ascending[n - 1]) {
      return 0;
    }
    // Gini is scale-free, and near the top of the double range n * T and (n - 1) x(n) overflow although T
    // is finite: so every value is scaled by the power of two that brings the largest into [1, 2), which is
    // exact for all but values too small to matter beside it.
    int exponent = -Math.getExponent(ascending[n - 1]);
    // Sum of (2i - n - 1) x(i), i = 1..n: the same as 2 sum i x(i) - (n + 1) T, without the cancellation.
    double weighted = 0;
    for (int i = 1; i <= n; i++) {
      weighted += (2.0 * i - n - 1) * Math.scalb(ascending[i - 1], exponent);
    }
    double g = weighted / ((double) n * Math.scalb(total, exponent));
    return Math.max(0, Math.min(g, (n - 1) / (double) n));
  }

  /** The number of customers, at least 1. */
  public int customers() {
    return n;
  }

  /** The total value of all customers. */
  public double total() {
    return top[n];
  }

  /** The Gini coefficient, in [0, (n&minus;1)/n]; 0 when all values are equal. */
  public double gini() {
    return gini;
  }

  /**
   * The share of the total value held by the top {@code fraction} of customers: S(k), the sum of the top
   * &lceil;k&middot;n&rceil; values divided by the total.
   *
   * @param fraction k, in [0, 1]
   * @throws InvalidFieldException if {@code fraction} is outside [0, 1]
   */
  public double topShare(double fraction) {
    int m = ceilCount("fraction", fraction);
    return share(top[m], m);
  }

  /**
   * The Lorenz curve read at {@code fraction}: the share of the total value held by the bottom
   * &lceil;p&middot;n&rceil; customers.
   *
   * @param fraction p, in [0, 1]
   * @throws InvalidFieldException if {@code fraction} is outside [0, 1]
   */
  public double lorenz(double fraction) {
    int i = ceilCount("fraction", fraction);
    return lorenzPoint(i);
  }

  /**
   * The Lorenz curve: element {@code i} (for i = 0..n) is the share of the total value held by the
   * bottom {@code i} customers, the curve's height at i/n. A fresh array on every call.
   */
  public double[] lorenzCurve() {
    double[] curve = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      curve[i] = lorenzPoint(i);
    }
    return curve;
  }

  private double lorenzPoint(int i) {
    if (i == n) {
      return 1;
    }
    double total = top[n];
    if (total == 0) {
      return i / (double) n;
    }
    return Math.max(0, (total - top[n - i]) / total);
  }

  /**
   * The smallest fraction of customers, taken from the top, whose value reaches at least
   * {@code valueShare} of the total: m/n for the smallest m with (sum of the top m values) &ge;
   * valueShare &middot; total.
   *
   * @param valueShare s, in [0, 1]
   * @throws InvalidFieldException if {@code valueShare} is outside [0, 1]
   */
  public double customerShareFor(double valueShare) {
    if (top[n] == 0) {
      return ceilCount("valueShare", valueShare) / (double) n;
    }
    checkFraction("valueShare", valueShare);
    double target = valueShare * top[n];
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (top[mid] >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo / (double) n;
  }

  /** {@link #customerShareFor(double) customerShareFor(0.8)}: the fraction of customers making 80 % of value. */
  public double customerShareFor80PercentValue() {
    return customerShareFor(EIGHTY_PERCENT);
  }

  private double share(double sum, int m) {
    double total = top[n];
    if (total == 0) {
      return m / (double) n;
    }
    return Math.min(1, sum / total);
  }

  private int ceilCount(String field, double fraction) {
    checkFraction(field, fraction);
    return BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(n))
        .setScale(0, RoundingMode.CEILING).intValueExact();
  }

  private static void checkFraction(String field, double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new InvalidFieldException(field, fraction, "must be between 0 and 1");
    }
  }

  @Override
  public String toString() {
    return "ValueConcentration[customers=" + n + ", total=" + top[n] + ", gini=" + gini + "]";
  }
}
