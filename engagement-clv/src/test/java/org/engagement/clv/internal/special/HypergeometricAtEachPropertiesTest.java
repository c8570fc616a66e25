package org.engagement.clv.internal.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * {@link Hypergeometric#gauss2F1(double, double, double, double[], double[])}, the many-argument form a lifetime
 * value uses at each step of its horizon, returns bit for bit what the one-argument form returns at each argument:
 * over the parameters of fitted BG/NBD models and far beyond, arguments anywhere in {@code [0, 1)} in any order
 * (and negative ones, which take the one-argument path), terminating series and poles.
 */
class HypergeometricAtEachPropertiesTest {

  @Provide
  Arbitrary<Double> parameter() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-3, 300).ofScale(6),
        Arbitraries.of(0.243, 0.793, 1.0, 2.0, 4.414, -2.0, 0.0));
  }

  @Provide
  Arbitrary<double[]> arguments() {
    Arbitrary<Double> z = Arbitraries.oneOf(Arbitraries.doubles().between(0, 0.999).ofScale(8),
        Arbitraries.of(0.0, 0.5, 0.99, 0.999));
    return z.array(double[].class).ofMinSize(0).ofMaxSize(160);
  }

  @Provide
  Arbitrary<double[]> withNegative() {
    return Arbitraries.doubles().between(-20, 0.99).ofScale(6).array(double[].class).ofMaxSize(20);
  }

  @Property(tries = 400)
  void equalsTheOneArgumentFormAtEachArgument(@ForAll("parameter") double a, @ForAll("parameter") double b,
      @ForAll @DoubleRange(min = 0.01, max = 300) double c, @ForAll("arguments") double[] z) {
    assertThat(atEach(a, b, c, z)).isEqualTo(oneByOne(a, b, c, z));
  }

  @Property(tries = 100)
  void negativeArgumentsTooAsTheOneArgumentForm(@ForAll("parameter") double a, @ForAll("parameter") double b,
      @ForAll @DoubleRange(min = 0.01, max = 50) double c, @ForAll("withNegative") double[] z) {
    assertThat(atEach(a, b, c, z)).isEqualTo(oneByOne(a, b, c, z));
  }

  /** The BG/NBD arguments of a report: r + x, b + x, a + b + x - 1 at 156 weekly steps of alpha + T. */
  @Test
  void equalsTheOneArgumentFormOnAWeeklyHorizon() {
    for (int x : new int[] {0, 1, 7, 60}) {
      for (double age : new double[] {0, 3.5, 52, 104}) {
        double[] z = new double[156];
        for (int i = 0; i < z.length; i++) {
          double t = i + 1;
          z[i] = t / (4.613 + age + t);
        }
        double a = 0.247 + x;
        double b = 2.521 + x;
        double c = 0.811 + 2.521 + x - 1;
        assertThat(atEach(a, b, c, z)).as("x %d, T %s", x, age).isEqualTo(oneByOne(a, b, c, z));
      }
    }
  }

  @Test
  void terminatingSeriesAndPolesAsTheOneArgumentForm() {
    double[] z = {0.1, 0.4, 0.9};
    assertThat(atEach(-2, 1.5, 2.5, z)).isEqualTo(oneByOne(-2, 1.5, 2.5, z));
    assertThat(atEach(-2, 1.5, -3, z)).isEqualTo(oneByOne(-2, 1.5, -3, z));
    assertThatThrownBy(() -> atEach(1, 1, -2, z)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("c");
    assertThatThrownBy(() -> atEach(1, 1, 2, new double[] {0.5, 1.0})).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("z");
    assertThatThrownBy(() -> Hypergeometric.gauss2F1(1, 1, 2, z, new double[2]))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("out");
  }

  private static double[] atEach(double a, double b, double c, double[] z) {
    double[] out = new double[z.length];
    Hypergeometric.gauss2F1(a, b, c, z, out);
    return out;
  }

  private static double[] oneByOne(double a, double b, double c, double[] z) {
    return Arrays.stream(z).map(v -> Hypergeometric.gauss2F1(a, b, c, v)).toArray();
  }
}
