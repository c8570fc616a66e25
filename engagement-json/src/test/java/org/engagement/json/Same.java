package org.engagement.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.engagement.attribution.AttributionResult;
import org.engagement.clv.fit.FitResult;

/**
 * Equality of the result types that have no {@code equals} of their own, field by field, doubles bit for bit
 * (so {@code -0.0} and {@code 0.0} differ and NaN equals NaN, as in records).
 */
final class Same {
  private Same() {}

  static void attribution(AttributionResult actual, AttributionResult expected) {
    assertThat(actual.model()).isEqualTo(expected.model());
    assertThat(actual.channels()).isEqualTo(expected.channels());
    for (int c = 0; c < expected.channels().size(); c++) {
      assertThat(bits(actual.conversions(c))).as("conversions of %s", c).isEqualTo(bits(expected.conversions(c)));
      assertThat(bits(actual.value(c))).as("value of %s", c).isEqualTo(bits(expected.value(c)));
    }
    assertThat(bits(actual.totalConversions())).isEqualTo(bits(expected.totalConversions()));
    assertThat(bits(actual.totalValue())).isEqualTo(bits(expected.totalValue()));
    assertThat(actual.additive()).isEqualTo(expected.additive());
    assertThat(actual.notes()).isEqualTo(expected.notes());
  }

  static void fit(FitResult actual, FitResult expected) {
    assertThat(actual.parameterNames()).isEqualTo(expected.parameterNames());
    assertThat(bits(actual.estimates())).isEqualTo(bits(expected.estimates()));
    assertThat(bits(actual.logLikelihood())).isEqualTo(bits(expected.logLikelihood()));
    assertThat(actual.status()).isEqualTo(expected.status());
    assertThat(actual.degeneracy()).isEqualTo(expected.degeneracy());
    assertThat(actual.iterations()).isEqualTo(expected.iterations());
    assertThat(actual.evaluations()).isEqualTo(expected.evaluations());
    assertThat(actual.hasStandardErrors()).isEqualTo(expected.hasStandardErrors());
    if (expected.hasStandardErrors()) {
      double[][] a = actual.covariance();
      double[][] e = expected.covariance();
      assertThat(a.length).isEqualTo(e.length);
      for (int i = 0; i < e.length; i++) {
        assertThat(bits(a[i])).isEqualTo(bits(e[i]));
      }
    }
  }

  private static long bits(double value) {
    return Double.doubleToLongBits(value);
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = bits(values[i]);
    }
    return bits;
  }
}
