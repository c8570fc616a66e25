package org.engagement.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class ValueConcentrationTest {
  private static final double EPS = 1e-12;

  /**
   * Values 1, 2, 3, 4, 10 (n = 5, total 20), worked by hand.
   *
   * <ul>
   *   <li>Gini: sum i*x(i) = 1*1 + 2*2 + 3*3 + 4*4 + 5*10 = 80; G = 2*80/(5*20) - 6/5 = 1.6 - 1.2 = 0.4.
   *   <li>Top 20 %: ceil(0.2*5) = 1 customer, 10/20 = 0.5. Top 40 %: 2, (10+4)/20 = 0.7. Top 50 %:
   *       ceil(2.5) = 3, (10+4+3)/20 = 0.85.
   *   <li>Lorenz points: 0, 1/20, 3/20, 6/20, 10/20, 20/20. L(0.5) = L_ceil(2.5) = L_3 = 0.3.
   *   <li>80 % of 20 is 16: the top 2 make 14 (short), the top 3 make 17, so 3/5 = 0.6.
   * </ul>
   */
  @Test
  void handWorkedExample() {
    ValueConcentration c = ValueConcentration.of(new double[] {4, 10, 1, 3, 2});
    assertThat(c.customers()).isEqualTo(5);
    assertThat(c.total()).isEqualTo(20);
    assertThat(c.gini()).isCloseTo(0.4, within(EPS));
    assertThat(c.topShare(0.2)).isCloseTo(0.5, within(EPS));
    assertThat(c.topShare(0.4)).isCloseTo(0.7, within(EPS));
    assertThat(c.topShare(0.5)).isCloseTo(0.85, within(EPS));
    assertThat(c.topShare(0)).isZero();
    assertThat(c.topShare(1)).isEqualTo(1);
    assertThat(c.lorenzCurve()).containsExactly(new double[] {0, 0.05, 0.15, 0.30, 0.50, 1}, within(EPS));
    assertThat(c.lorenz(0.5)).isCloseTo(0.3, within(EPS));
    assertThat(c.lorenz(0)).isZero();
    assertThat(c.customerShareFor80PercentValue()).isCloseTo(0.6, within(EPS));
    // 50 % of 20 is 10: the top customer alone reaches it exactly, so 1/5.
    assertThat(c.customerShareFor(0.5)).isCloseTo(0.2, within(EPS));
    assertThat(c.customerShareFor(0)).isZero();
  }

  /**
   * The ceiling of k*n is taken on the decimal k: 0.7 * 10 is 7.000000000000001 in doubles, but the top
   * 70 % of 10 customers is 7 customers. Values 1..10, total 55: the top 7 are 10+9+...+4 = 49.
   */
  @Test
  void topShareCountsCustomersExactly() {
    double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(ValueConcentration.of(values).topShare(0.7)).isCloseTo(49.0 / 55, within(EPS));
  }

  /** One customer holds everything among 4: G = 2*(4*8)/(4*8) - 5/4 = 0.75 = (n-1)/n, the maximum. */
  @Test
  void oneCustomerWithEverythingGivesTheMaximumGini() {
    ValueConcentration c = ValueConcentration.of(new double[] {0, 8, 0, 0});
    assertThat(c.gini()).isCloseTo(0.75, within(EPS));
    assertThat(c.topShare(0.25)).isEqualTo(1);
    // Customers with value 0 are never needed: 100 % of value takes 1 of 4 customers.
    assertThat(c.customerShareFor(1)).isEqualTo(0.25);
    assertThat(c.lorenz(0.75)).isZero();
  }

  @Test
  void equalValuesGiveZeroGiniAndTheLineOfEquality() {
    ValueConcentration c = ValueConcentration.of(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1});
    assertThat(c.gini()).isZero();
    assertThat(c.customerShareFor80PercentValue()).isCloseTo(6.0 / 7, within(EPS));
  }

  @Test
  void aSingleCustomerHasGiniZeroAndHoldsEverything() {
    ValueConcentration c = ValueConcentration.of(new double[] {42});
    assertThat(c.gini()).isZero();
    assertThat(c.topShare(0.01)).isEqualTo(1);
    assertThat(c.customerShareFor80PercentValue()).isEqualTo(1);
  }

  /** Total 0 is treated as everyone equal: ceil(k*n)/n for shares, Gini 0. */
  @Test
  void aZeroTotalIsEveryoneEqual() {
    ValueConcentration c = ValueConcentration.of(new double[] {0, 0, 0, 0});
    assertThat(c.total()).isZero();
    assertThat(c.gini()).isZero();
    assertThat(c.topShare(0.5)).isEqualTo(0.5);
    assertThat(c.topShare(0.3)).isEqualTo(0.5);
    assertThat(c.lorenz(0.25)).isEqualTo(0.25);
    assertThat(c.lorenzCurve()).containsExactly(0, 0.25, 0.5, 0.75, 1);
    assertThat(c.customerShareFor80PercentValue()).isEqualTo(1);
  }

  @Test
  void rejectsNoCustomersAndBadValues() {
    assertThatThrownBy(() -> ValueConcentration.of(new double[0]))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> ValueConcentration.of(new double[] {1, -0.5}))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("values[1] '-0.5' is invalid: must be finite and not negative");
    assertThatThrownBy(() -> ValueConcentration.of(new double[] {Double.NaN}))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ValueConcentration.of(new double[] {Double.POSITIVE_INFINITY}))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ValueConcentration.of(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("finite total");
    ValueConcentration c = ValueConcentration.of(new double[] {1});
    assertThatThrownBy(() -> c.topShare(1.5)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> c.lorenz(-0.1)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> c.customerShareFor(Double.NaN)).isInstanceOf(InvalidFieldException.class);
  }

  /**
   * Values near the top of the double range (issue 12: Gini 0 for 8e307 and NaN for 9e307): n times the
   * total, or one weighted term, overflowed although the total is finite. Gini is scale-free, so 1, 1 and
   * 9e307 have the Gini of 0, 0 and 1: the maximum (n-1)/n = 2/3; likewise 1 and 8e307 give 1/2.
   */
  @Test
  void giniOfHugeValuesDoesNotOverflow() {
    assertThat(ValueConcentration.of(new double[] {1, 1, 9e307}).gini()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(ValueConcentration.of(new double[] {1, 8e307}).gini()).isCloseTo(0.5, within(EPS));
    assertThat(ValueConcentration.of(new double[] {4e307, 2e307, 4e307, 1e307, 4e307}).gini())
        .isCloseTo(ValueConcentration.of(new double[] {4, 2, 4, 1, 4}).gini(), within(EPS));
    assertThat(ValueConcentration.of(new double[] {1, 1, 9e307}).topShare(0.34)).isCloseTo(1, within(EPS));
  }

  @Test
  void doesNotChangeItsInput() {
    double[] values = {3, 1, 2};
    ValueConcentration.of(values);
    assertThat(values).containsExactly(3, 1, 2);
  }

  /**
   * The CDNOW sample (2,357 customers, total revenue per customer) against the fixture values in the
   * project reference "CLV, segmentation and lift", section 6 (Pareto / 80-20 concentration), which were
   * computed there independently: top 1 % 14.55 %, top 10 % 50.81 %, top 20 % 67.46 %, Gini 0.6309,
   * 32.97 % of customers for 80 % of revenue, L(0.5) 0.1056, L(0.8) 0.3260. The published figures are
   * rounded to the digits shown, hence the half-unit tolerances.
   */
  @Test
  void cdnowSampleMatchesTheReferenceFixture() {
    ValueConcentration c = ValueConcentration.of(CdnowSample.totalRevenuePerCustomer());
    assertThat(c.customers()).isEqualTo(2357);
    assertThat(c.total()).isCloseTo(244_091.94, within(1e-6));
    assertThat(c.topShare(0.01)).isCloseTo(0.1455, within(0.00005));
    assertThat(c.topShare(0.10)).isCloseTo(0.5081, within(0.00005));
    assertThat(c.topShare(0.20)).isCloseTo(0.6746, within(0.00005));
    assertThat(c.gini()).isCloseTo(0.6309, within(0.00005));
    assertThat(c.customerShareFor80PercentValue()).isCloseTo(0.3297, within(0.00005));
    assertThat(c.customerShareFor80PercentValue()).isEqualTo(777.0 / 2357);
    assertThat(c.lorenz(0.5)).isCloseTo(0.1056, within(0.00005));
    assertThat(c.lorenz(0.8)).isCloseTo(0.3260, within(0.00005));
  }
}
