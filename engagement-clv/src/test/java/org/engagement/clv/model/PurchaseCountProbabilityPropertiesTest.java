package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.engagement.clv.summary.PeriodUnit;
import org.hipparchus.special.Gamma;

/**
 * P(X(t) = n), the one entry point of the repeat-buying models that {@link ExpectationsFinitePropertiesTest} left
 * out (issue 13: no NaN or infinity from any CLV entry point on any valid input): a probability, finite and in
 * [0, 1], over the same wide parameter ranges (shapes 1e-3 to 1e3, scales 1e-2 to 1e4, {@code a} and {@code s}
 * at or within 1e-12 of 1) and counts up to 2,000 and horizons up to 10,000 periods. The pmf summing to one is
 * {@link RepeatBuyingModelPropertiesTest}'s, on the narrower ranges where the sum can be taken.
 *
 * <p>Pareto/NBD's P(X(t) = n) integrates numerically. Over one Gauss-Legendre rule on (0, 1) the integrator gave
 * up on valid input: at r 1, alpha 0.010013, s 0.999999999999, beta 0.01, n 0, t 566.62 it threw Hipparchus'
 * {@code MathIllegalStateException} ("maximal count (1,000,000) exceeded"), found by this property (seed
 * -2290139366894262682): the integrand peaks at the start over a width of about beta / t. It now integrates in
 * pieces that grow from that width; {@link #paretoNbdAtItsSharpPeakMatchesAnIndependentIntegral} checks the
 * figures there against the pmf's definition integrated another way.
 */
class PurchaseCountProbabilityPropertiesTest {
  private final ExpectationsFinitePropertiesTest ranges = new ExpectationsFinitePropertiesTest();

  @Property(tries = 200)
  void theProbabilityOfACountIsAProbability(@ForAll @IntRange(max = 2000) int n,
      @ForAll @DoubleRange(max = 10_000) double t, @ForAll("models") RepeatBuyingModel model) {
    assertThat(model.probabilityOfPurchases(n, t)).isFinite().isBetween(0.0, 1.0);
  }

  @Provide
  Arbitrary<RepeatBuyingModel> models() {
    return ranges.models();
  }

  /**
   * The shrunk failing sample and the original one, against Pareto/NBD's pmf from its definition (Fader, Hardie
   * and Lee's "A note on deriving the Pareto/NBD model and related expressions", 2005): alive at t, NB(n; r,
   * alpha, t) (beta / (beta + t))^s, plus the integral over the death time tau in (0, t) of NB(n; r, alpha, tau)
   * s beta^s / (beta + tau)^(s + 1), here by the trapezoidal rule in log tau on 400,000 points from t e^-60, where
   * the integrand is smooth and the part below is under e^-60 of the rest.
   */
  @Example
  void paretoNbdAtItsSharpPeakMatchesAnIndependentIntegral() {
    double[][] cases = {{1, 0.010013, 0.999999999999, 0.01, 0, 566.62}, {1, 0.010013, 0.999999999999, 0.01, 1,
        8093.09}, {1, 0.010013, 0.999999999999, 0.01, 3, 566.62}, {0.5, 0.02, 2.5, 0.01, 0, 9000}};
    for (double[] c : cases) {
      ParetoNbdModel model = new ParetoNbdModel(c[0], c[1], c[2], c[3], PeriodUnit.WEEK);
      int n = (int) c[4];
      double expected = definition(c[0], c[1], c[2], c[3], n, c[5]);
      assertThat(model.probabilityOfPurchases(n, c[5])).as("n %d t %s", n, c[5])
          .isCloseTo(expected, within(1e-8 * expected + 1e-15));
    }
  }

  private static double definition(double r, double alpha, double s, double beta, int n, double t) {
    double alive = Math.exp(logNb(r, alpha, n, t) + s * Math.log(beta / (beta + t)));
    int points = 400_000;
    double from = Math.log(t) - 60;
    double step = 60.0 / points;
    double sum = 0;
    for (int k = 0; k <= points; k++) {
      double tau = Math.exp(from + k * step);
      double value = Math.exp(logNb(r, alpha, n, tau) + Math.log(s) + s * Math.log(beta)
          - (s + 1) * Math.log(beta + tau)) * tau;
      sum += (k == 0 || k == points ? 0.5 : 1) * value;
    }
    return alive + sum * step;
  }

  private static double logNb(double r, double alpha, int n, double tau) {
    return Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0) + r * Math.log(alpha / (alpha + tau))
        + (n == 0 ? 0 : n * Math.log(tau / (alpha + tau)));
  }
}
