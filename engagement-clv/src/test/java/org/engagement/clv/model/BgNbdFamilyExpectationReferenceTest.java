package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import org.engagement.clv.prediction.CustomerLifetimeValue;
import org.engagement.clv.prediction.DiscountRate;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.prediction.SpendForecast;
import org.engagement.clv.summary.PeriodUnit;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD and MBG/NBD conditional expectations on a fixed grid against a 40-digit evaluation of the
 * papers' closed forms: Fader, Hardie and Lee (2005), "Counting your customers the easy way", eq. 10,
 * {@code (a + b + x - 1) / (a - 1) [1 - ((alpha + T) / (alpha + T + t))^(r + x) 2F1(r + x, b + x; a + b + x
 * - 1; t / (alpha + T + t))]}, and Batislam, Denizel and Filiztekin (2007) for MBG/NBD (the same with
 * {@code b + 1} and their {@code P(alive)}). The reference sums the hypergeometric series in Hipparchus
 * {@link Dfp} to a relative {@code 1e-35}, where neither the overflow of {@code 2F1} nor the cancellation
 * near {@code a = 1} costs anything; at {@code a = 1} exactly it evaluates the closed form at {@code a = 1 +
 * 1e-20}, which differs from the limit by about {@code 1e-20}. The grid includes the cases where the
 * double-precision closed form failed: many purchases ({@code x = 470}), a long horizon ({@code t = 10,000}
 * weeks at {@code x = 200}) and {@code a} within {@code 1e-12} of 1.
 */
class BgNbdFamilyExpectationReferenceTest {
  private static final double TOLERANCE_PERCENT = 1e-9;
  private static final DfpField FIELD = new DfpField(40);
  private static final double R = 0.243;
  private static final double ALPHA = 4.414;
  private static final double B = 2.426;
  /** The CDNOW BG/NBD estimates of FHL 2005 with {@code a} replaced by values on both sides of 1. */
  private static final double[] AS = {0.793, 1 - 1e-12, 1, 1 + 1e-12, 3.5};

  @Test
  void bgNbdMatchesEquation10OnTheGrid() {
    for (double a : AS) {
      BgNbdModel model = new BgNbdModel(R, ALPHA, a, B, PeriodUnit.WEEK);
      for (double[] h : grid(a)) {
        int x = (int) h[0];
        double expected = bracket(R + x, ALPHA + h[2], a, B + x, h[3]) * model.probabilityAlive(x, h[1], h[2]);
        assertThat(model.conditionalExpectedPurchases(x, h[1], h[2], h[3]))
            .as("a=%s x=%s t_x=%s T=%s t=%s", a, x, h[1], h[2], h[3])
            .isCloseTo(expected, withinPercentage(TOLERANCE_PERCENT));
      }
      assertThat(model.expectedPurchases(39)).isCloseTo(bracket(R, ALPHA, a, B, 39), withinPercentage(TOLERANCE_PERCENT));
    }
  }

  @Test
  void mbgNbdMatchesBatislamOnTheGrid() {
    for (double a : AS) {
      MbgNbdModel model = new MbgNbdModel(R, ALPHA, a, B, PeriodUnit.WEEK);
      for (double[] h : grid(a)) {
        int x = (int) h[0];
        double alive = 1 / (1 + a / (B + x) * Math.pow((ALPHA + h[2]) / (ALPHA + h[1]), R + x));
        double expected = bracket(R + x, ALPHA + h[2], a, B + x + 1, h[3]) * alive;
        assertThat(model.conditionalExpectedPurchases(x, h[1], h[2], h[3]))
            .as("a=%s x=%s t_x=%s T=%s t=%s", a, x, h[1], h[2], h[3])
            .isCloseTo(expected, withinPercentage(TOLERANCE_PERCENT));
      }
      assertThat(model.expectedPurchases(39))
          .isCloseTo(B / (a + B) * bracket(R, ALPHA, a, B + 1, 39), withinPercentage(TOLERANCE_PERCENT));
    }
  }

  /**
   * The case: a 3-year (156-week) value at x = 470 used to be NaN. Discounting only lowers each step's
   * purchases, so the discounted count lies between the last step's discount factor times and once the
   * undiscounted expectation.
   */
  @Test
  void threeYearDiscountedPurchasesAtManyPurchasesAreFinite() {
    BgNbdModel model = new BgNbdModel(R, ALPHA, 0.793, B, PeriodUnit.WEEK);
    CustomerLifetimeValue clv = CustomerLifetimeValue.of(model, SpendForecast.constant(1), Horizon.weeks(156),
        DiscountRate.annual(0.10));
    double det = clv.discountedPurchases(470, 38.86, 38.86);
    double undiscounted = model.conditionalExpectedPurchases(470, 38.86, 38.86, 156);
    assertThat(undiscounted).isCloseTo(bracket(R + 470, ALPHA + 38.86, 0.793, B + 470, 156)
        * model.probabilityAlive(470, 38.86, 38.86), withinPercentage(TOLERANCE_PERCENT));
    assertThat(det).isFinite().isBetween(undiscounted / Math.pow(1.1, 3), undiscounted);
  }

  /**
   * {@code {x, t_x, T, t}} rows: CDNOW-like histories, many purchases and, for {@code a} 0.793 and 1 (the
   * reference needs some 90,000 terms there), a long horizon.
   */
  private static List<double[]> grid(double a) {
    List<double[]> rows = new ArrayList<>();
    double[][] histories = {{0, 0, 38.86}, {2, 30.43, 38.86}, {7, 12.0, 30.0}, {470, 38.86, 38.86}};
    for (double[] h : histories) {
      for (double t : new double[] {0.5, 39, 156}) {
        rows.add(new double[] {h[0], h[1], h[2], t});
      }
    }
    if (a == 0.793 || a == 1) {
      rows.add(new double[] {200, 38.86, 38.86, 10_000});
    }
    return rows;
  }

  /**
   * {@code (a + B - 1) / (a - 1) [1 - (scale / (scale + t))^A 2F1(A, B; a + B - 1; t / (scale + t))]} in
   * 40 digits, at {@code a = 1 + 1e-20} when {@code a} is 1 (which leaves about 18 digits after the
   * cancellation, plenty for the tolerance).
   */
  private static double bracket(double shapeValue, double scaleValue, double aValue, double survivalValue,
      double tValue) {
    Dfp one = FIELD.getOne();
    Dfp a = aValue == 1 ? one.add(FIELD.newDfp("1e-20")) : FIELD.newDfp(aValue);
    Dfp shape = FIELD.newDfp(shapeValue);
    Dfp survival = FIELD.newDfp(survivalValue);
    Dfp scale = FIELD.newDfp(scaleValue);
    Dfp t = FIELD.newDfp(tValue);
    Dfp z = t.divide(scale.add(t));
    Dfp c = a.add(survival).subtract(one);
    Dfp power = DfpMath.pow(scale.divide(scale.add(t)), shape);
    Dfp hyper = hypergeometric(shape, survival, c, z);
    return c.divide(a.subtract(one)).multiply(one.subtract(power.multiply(hyper))).toDouble();
  }

  /** {@code 2F1(p, q; c; z)} by its power series, until past the largest term and below {@code 1e-35}. */
  private static Dfp hypergeometric(Dfp p, Dfp q, Dfp c, Dfp z) {
    Dfp sum = FIELD.getOne();
    Dfp term = FIELD.getOne();
    Dfp epsilon = FIELD.newDfp("1e-35");
    for (int n = 0; n < 2_000_000; n++) {
      Dfp nn = FIELD.newDfp(n);
      Dfp next = term.multiply(p.add(nn)).multiply(q.add(nn)).multiply(z)
          .divide(c.add(nn).multiply(nn.add(1)));
      boolean shrinking = next.lessThan(term);
      term = next;
      sum = sum.add(term);
      if (shrinking && term.lessThan(sum.multiply(epsilon))) {
        return sum;
      }
    }
    throw new AssertionError("reference series did not settle");
  }
}
