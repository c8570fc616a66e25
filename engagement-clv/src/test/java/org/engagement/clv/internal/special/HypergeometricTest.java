package org.engagement.clv.internal.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code 2F1} against closed forms (Abramowitz and Stegun 15.1.3, 15.1.8, 15.1.20). */
class HypergeometricTest {

  /** A&amp;S 15.1.3: {@code 2F1(1, 1; 2; z) = -ln(1 - z) / z}, including close to 1. */
  @ParameterizedTest
  @ValueSource(doubles = {1e-6, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999})
  void logarithm(double z) {
    assertThat(Hypergeometric.gauss2F1(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, withinPercentage(1e-9));
  }

  /** A&amp;S 15.1.8: {@code 2F1(a, b; b; z) = (1 - z)^-a}, with non-integer {@code a} and a growing sum. */
  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.3, 0.7, 0.95, 0.999})
  void binomial(double z) {
    assertThat(Hypergeometric.gauss2F1(0.243, 2.426, 2.426, z))
        .isCloseTo(Math.pow(1 - z, -0.243), withinPercentage(1e-9));
    assertThat(Hypergeometric.gauss2F1(7.5, 3.25, 3.25, z))
        .isCloseTo(Math.pow(1 - z, -7.5), withinPercentage(1e-9));
  }

  /**
   * {@code 2F1(1/2, 1; 3/2; z^2) = artanh(z) / z} (A&amp;S 15.1.4), a series with non-integer parameters
   * whose limit at 1 is infinite, like the BG/NBD arguments.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.2, 0.8, 0.99, 0.999})
  void inverseHyperbolicTangent(double z) {
    double atanh = 0.5 * Math.log((1 + z) / (1 - z));
    assertThat(Hypergeometric.gauss2F1(0.5, 1, 1.5, z * z)).isCloseTo(atanh / z, withinPercentage(1e-9));
  }

  /** A polynomial: {@code 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))}, the series stops. */
  @Test
  void terminatingSeries() {
    double b = 1.5;
    double c = 2.5;
    double z = 0.4;
    double expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)); // 1 - 0.48 + 0.0857142...
    assertThat(Hypergeometric.gauss2F1(-2, b, c, z)).isCloseTo(expected, withinPercentage(1e-10));
  }

  @Test
  void atZeroIsOne() {
    assertThat(Hypergeometric.gauss2F1(3.3, 4.4, 5.5, 0)).isEqualTo(1.0);
  }

  @Test
  void rejectsArgumentsOutsideTheRange() {
    assertThatThrownBy(() -> Hypergeometric.gauss2F1(1, 1, 2, 1.0))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("z");
    assertThatThrownBy(() -> Hypergeometric.gauss2F1(1, 1, 2, Double.NEGATIVE_INFINITY))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> Hypergeometric.gauss2F1(1, 1, -2, 0.5))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("c");
    assertThatThrownBy(() -> Hypergeometric.gauss2F1(Double.NaN, 1, 2, 0.5))
        .isInstanceOf(InvalidFieldException.class);
  }

  /** Pfaff's transformation for {@code z < 0}: A&amp;S 15.1.3 and 15.1.8 hold there too, down to -50. */
  @ParameterizedTest
  @ValueSource(doubles = {-1e-6, -0.3, -0.99, -1, -4, -50})
  void negativeArguments(double z) {
    assertThat(Hypergeometric.gauss2F1(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, withinPercentage(1e-9));
    assertThat(Hypergeometric.gauss2F1(0.606, 11.67, 11.67, z))
        .isCloseTo(Math.pow(1 - z, -0.606), withinPercentage(1e-9));
  }

  /** {@code 2F1(1, 1; 2; z) = -ln(1 - z) / z} by the continued fraction, up to {@code 1 - z = 1e-7}. */
  @ParameterizedTest
  @ValueSource(doubles = {1e-6, 0.1, 0.5, 0.9, 0.9999, 1 - 1e-7})
  void unitALogarithm(double z) {
    assertThat(Hypergeometric.gauss2F1UnitA(1, 2, z)).isCloseTo(-Math.log1p(-z) / z, withinPercentage(1e-8));
  }

  /** {@code 2F1(1, 1/2; 3/2; z^2) = artanh(z) / z} (A&amp;S 15.1.4) by the continued fraction. */
  @ParameterizedTest
  @ValueSource(doubles = {0.2, 0.8, 0.99, 0.99999})
  void unitAInverseHyperbolicTangent(double z) {
    double atanh = 0.5 * Math.log((1 + z) / (1 - z));
    assertThat(Hypergeometric.gauss2F1UnitA(0.5, 1.5, z * z)).isCloseTo(atanh / z, withinPercentage(1e-9));
  }

  /**
   * Euler's transformation (A&amp;S 15.3.3) ties the fraction to the series on the Pareto/NBD arguments:
   * {@code 2F1(a, s + 1; a + 1; z) = (1 - z)^-s 2F1(1, a - s; a + 1; z)} with {@code a = r + s + x}
   * (here r 0.553, s 0.606, x 0, 3 and 29). At z = 0.999 the series needs tens of thousands of terms,
   * the fraction a few hundred steps.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.3, 0.7, 0.95, 0.999})
  void unitAAgreesWithTheSeries(double z) {
    double r = 0.553;
    double s = 0.606;
    for (int x : new int[] {0, 3, 29}) {
      double a = r + s + x;
      double viaSeries = Hypergeometric.gauss2F1(a, s + 1, a + 1, z);
      double viaFraction = Math.pow(1 - z, -s) * Hypergeometric.gauss2F1UnitA(a - s, a + 1, z);
      assertThat(viaFraction).as("x=%d", x).isCloseTo(viaSeries, withinPercentage(1e-9));
    }
  }

  @Test
  void unitARejectsArgumentsOutsideItsRange() {
    assertThat(Hypergeometric.gauss2F1UnitA(0.3, 2, 0)).isEqualTo(1.0);
    assertThatThrownBy(() -> Hypergeometric.gauss2F1UnitA(1, 2, 1.0))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("z");
    assertThatThrownBy(() -> Hypergeometric.gauss2F1UnitA(1, 2, -0.1)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> Hypergeometric.gauss2F1UnitA(2, 2, 0.5))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("c");
    assertThatThrownBy(() -> Hypergeometric.gauss2F1UnitA(0, 2, 0.5))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("b");
  }
}
