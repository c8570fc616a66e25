package org.engagement.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

class ValueConcentrationPropertiesTest {
  private static final double[] FRACTIONS = {0, 0.01, 0.05, 0.1, 0.2, 0.25, 0.5, 0.8, 0.9, 1};

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Property
  void giniIsInZeroToOne(@ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1e6) Double> values) {
    ValueConcentration c = ValueConcentration.of(array(values));
    assertThat(c.gini()).isBetween(0.0, (c.customers() - 1) / (double) c.customers()).isLessThan(1);
  }

  @Property
  void equalValuesGiveZeroGini(@ForAll @DoubleRange(min = 0, max = 1e9) double value,
      @ForAll @IntRange(min = 1, max = 500) int n) {
    double[] values = new double[n];
    Arrays.fill(values, value);
    assertThat(ValueConcentration.of(values).gini()).isZero();
  }

  @Property
  void topShareIsMonotoneInK(@ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1e6) Double> values) {
    ValueConcentration c = ValueConcentration.of(array(values));
    double previous = 0;
    for (int step = 0; step <= 100; step++) {
      double share = c.topShare(step / 100.0);
      assertThat(share).isGreaterThanOrEqualTo(previous).isBetween(0.0, 1.0);
      previous = share;
    }
    assertThat(c.topShare(1)).isEqualTo(1);
  }

  @Property
  void lorenzCurveRisesFromZeroToOneAndStaysUnderTheDiagonal(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1e6) Double> values) {
    ValueConcentration c = ValueConcentration.of(array(values));
    double[] curve = c.lorenzCurve();
    int n = c.customers();
    assertThat(curve[0]).isZero();
    assertThat(curve[n]).isEqualTo(1);
    for (int i = 1; i <= n; i++) {
      assertThat(curve[i]).isGreaterThanOrEqualTo(curve[i - 1]).isLessThanOrEqualTo(i / (double) n + 1e-9);
    }
  }

  /** G = 1 - 2 * (area under the Lorenz curve), the area taken with the trapezoid rule over the points. */
  @Property
  void giniIsOneMinusTwiceTheAreaUnderTheLorenzCurve(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0.01, max = 1e6) Double> values) {
    ValueConcentration c = ValueConcentration.of(array(values));
    double[] curve = c.lorenzCurve();
    int n = c.customers();
    double area = 0;
    for (int i = 1; i <= n; i++) {
      area += (curve[i - 1] + curve[i]) / (2.0 * n);
    }
    assertThat(c.gini()).isCloseTo(1 - 2 * area, within(1e-9));
  }

  @Property
  void customerShareForReachesTheShareAndIsTheSmallestThatDoes(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1e6) Double> values,
      @ForAll @DoubleRange(min = 0, max = 1) double target) {
    ValueConcentration c = ValueConcentration.of(array(values));
    double[] sorted = array(values);
    Arrays.sort(sorted);
    int n = sorted.length;
    int m = (int) Math.round(c.customerShareFor(target) * n);
    double total = c.total();
    if (total == 0) {
      return;
    }
    double top = 0;
    for (int j = 0; j < m; j++) {
      top += sorted[n - 1 - j];
    }
    assertThat(top).isGreaterThanOrEqualTo(target * total - 1e-9 * total);
    if (m > 0) {
      assertThat(top - sorted[n - m]).isLessThan(target * total + 1e-9 * total);
    }
  }

  /** Scaling by a power of two is exact in doubles, so nothing may change at all. */
  @Property
  void scalingAllValuesByAPowerOfTwoChangesNothing(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1e6) Double> values,
      @ForAll @IntRange(min = -20, max = 20) int exponent) {
    double[] original = array(values);
    assertSame(ValueConcentration.of(original), ValueConcentration.of(scaled(original, Math.scalb(1.0, exponent))), 0);
  }

  /**
   * Any other factor changes the results by rounding only (the customer share for 80 % can move only if
   * a running sum sits within rounding of the 80 % mark, so it is left to the power-of-two property).
   */
  @Property
  void scalingAllValuesChangesNothingButRounding(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1e6) Double> values,
      @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double factor) {
    double[] original = array(values);
    ValueConcentration a = ValueConcentration.of(original);
    ValueConcentration b = ValueConcentration.of(scaled(original, factor));
    assertThat(b.gini()).isCloseTo(a.gini(), within(1e-9));
    assertThat(b.lorenzCurve()).containsExactly(a.lorenzCurve(), within(1e-9));
    for (double k : FRACTIONS) {
      assertThat(b.topShare(k)).isCloseTo(a.topShare(k), within(1e-9));
    }
  }

  private static double[] scaled(double[] values, double factor) {
    double[] scaled = values.clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= factor;
    }
    return scaled;
  }

  @Property
  void permutingTheValuesChangesNothing(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1e6) Double> values,
      @ForAll long seed) {
    List<Double> shuffled = new ArrayList<>(values);
    Collections.shuffle(shuffled, new Random(seed));
    assertSame(ValueConcentration.of(array(values)), ValueConcentration.of(array(shuffled)), 0);
  }

  private static void assertSame(ValueConcentration a, ValueConcentration b, double tolerance) {
    assertThat(b.customers()).isEqualTo(a.customers());
    assertThat(b.gini()).isCloseTo(a.gini(), within(tolerance));
    assertThat(b.lorenzCurve()).containsExactly(a.lorenzCurve(), within(tolerance));
    for (double k : FRACTIONS) {
      assertThat(b.topShare(k)).isCloseTo(a.topShare(k), within(tolerance));
      assertThat(b.lorenz(k)).isCloseTo(a.lorenz(k), within(tolerance));
    }
    assertThat(b.customerShareFor80PercentValue()).isEqualTo(a.customerShareFor80PercentValue());
    assertThat(b.total() == 0).isEqualTo(a.total() == 0);
  }
}
