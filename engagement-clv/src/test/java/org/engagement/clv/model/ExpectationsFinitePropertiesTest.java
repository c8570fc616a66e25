package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.engagement.clv.prediction.CustomerLifetimeValue;
import org.engagement.clv.prediction.DiscountRate;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.prediction.SpendForecast;
import org.engagement.clv.summary.PeriodUnit;

/**
 * Every CLV expectation is finite and non-negative, and grows with the horizon, over parameter and history
 * ranges far wider than fits produce: shapes from {@code 1e-3} to {@code 1e3}, {@code a} and {@code s}
 * exactly 1 or within {@code 1e-12} of it, up to 2,000 repeat purchases, horizons up to 10,000 periods (as
 * long as the horizon is at most {@code 1e4} times {@code alpha + T}, beyond which the series would need
 * more than a few million terms). Before the log-space series BG/NBD and MBG/NBD gave {@code NaN} here.
 */
class ExpectationsFinitePropertiesTest {
  /**
   * How much a later horizon's expectation may fall below an earlier one's: the series multiplies each term's
   * weight from the last, so a sum of {@code n} terms carries up to about {@code n} rounding errors of one ulp
   * in the weights; two evaluations of up to {@link AlivePurchases#MAX_TERMS} terms each differ by at most twice
   * that. (A 1e-9 bound failed at r 656, alpha 0.01, a 1000, b 1, t 59.66: about 4 million terms each, both at the
   * limit {@code (a + b - 1) / (a - 1)}, 1.4e-9 apart.)
   */
  private static final double SERIES_PRECISION = 2.0 * AlivePurchases.MAX_TERMS * Math.ulp(1.0);

  @Provide
  Arbitrary<RepeatBuyingModel> models() {
    Arbitrary<Double> shape = Arbitraries.oneOf(Arbitraries.doubles().between(1e-3, 1e3).ofScale(6),
        Arbitraries.of(1e-3, 0.243, 1.0, 1e3));
    Arbitrary<Double> scale = Arbitraries.oneOf(Arbitraries.doubles().between(1e-2, 1e4).ofScale(6),
        Arbitraries.of(1e-2, 4.414, 1e4));
    Arbitrary<Double> nearOne = Arbitraries.oneOf(shape, Arbitraries.of(1.0, 1 - 1e-12, 1 + 1e-12, 1 - 1e-7,
        1 + 1e-7));
    Arbitrary<RepeatBuyingModel> bg = Combinators.combine(shape, scale, nearOne, shape)
        .as((r, alpha, a, b) -> new BgNbdModel(r, alpha, a, b, PeriodUnit.WEEK));
    Arbitrary<RepeatBuyingModel> mbg = Combinators.combine(shape, scale, nearOne, shape)
        .as((r, alpha, a, b) -> new MbgNbdModel(r, alpha, a, b, PeriodUnit.WEEK));
    Arbitrary<RepeatBuyingModel> pareto = Combinators.combine(shape, scale, nearOne, scale)
        .as((r, alpha, s, beta) -> new ParetoNbdModel(r, alpha, s, beta, PeriodUnit.WEEK));
    return Arbitraries.oneOf(bg, mbg, pareto);
  }

  @Property(tries = 150)
  void conditionalExpectationIsFiniteNonNegativeAndGrows(@ForAll("models") RepeatBuyingModel model,
      @ForAll @IntRange(max = 2000) int x, @ForAll @DoubleRange(max = 1) double recencyShare,
      @ForAll @DoubleRange(max = 1000) double age, @ForAll @DoubleRange(max = 10_000) double t) {
    Assume.that(t <= 1e4 * (model.parameters().get("alpha") + age));
    double recency = x == 0 ? 0 : recencyShare * age;
    double now = model.conditionalExpectedPurchases(x, recency, age, t);
    double later = model.conditionalExpectedPurchases(x, recency, age, t * 1.5 + 1);
    assertThat(now).isFinite().isNotNegative();
    assertThat(later).isFinite().isGreaterThanOrEqualTo(now * (1 - SERIES_PRECISION));
    assertThat(model.probabilityAlive(x, recency, age)).isBetween(0.0, 1.0);
  }

  @Property(tries = 150)
  void expectedPurchasesAreFiniteNonNegativeAndGrow(@ForAll("models") RepeatBuyingModel model,
      @ForAll @DoubleRange(max = 10_000) double t) {
    Assume.that(t <= 1e4 * model.parameters().get("alpha"));
    double now = model.expectedPurchases(t);
    assertThat(now).isFinite().isNotNegative();
    assertThat(model.expectedPurchases(t * 1.5 + 1e-3)).isFinite().isGreaterThanOrEqualTo(now * (1 - SERIES_PRECISION));
  }

  @Property(tries = 50)
  void threeYearValueIsFinite(@ForAll("models") RepeatBuyingModel model, @ForAll @IntRange(max = 2000) int x,
      @ForAll @DoubleRange(max = 1) double recencyShare, @ForAll @DoubleRange(min = 1, max = 200) double age) {
    Assume.that(157 <= 1e4 * (model.parameters().get("alpha") + age));
    double recency = x == 0 ? 0 : recencyShare * age;
    CustomerLifetimeValue clv = CustomerLifetimeValue.of(model, SpendForecast.observedMean(), Horizon.years(3),
        DiscountRate.annual(0.10));
    assertThat(clv.discountedPurchases(x, recency, age)).isFinite().isNotNegative();
  }

  @Property(tries = 150)
  void bgBbExpectationsAreFinite(@ForAll @Scale(6) @DoubleRange(min = 1e-3, max = 1e3) double alpha,
      @ForAll @Scale(6) @DoubleRange(min = 1e-3, max = 1e3) double beta, @ForAll @Scale(6) @DoubleRange(min = 1e-3, max = 1e3) double gamma,
      @ForAll @Scale(6) @DoubleRange(min = 1e-3, max = 1e3) double delta, @ForAll @IntRange(max = 500) int n,
      @ForAll @DoubleRange(max = 1) double xShare, @ForAll @DoubleRange(max = 1) double recencyShare,
      @ForAll @IntRange(max = 1000) int nStar) {
    BgBbModel model = new BgBbModel(alpha, beta, gamma, delta);
    int x = (int) Math.floor(xShare * n);
    int recency = x == 0 ? 0 : Math.max(x, (int) Math.floor(recencyShare * n));
    double expected = model.conditionalExpectedPurchases(x, recency, n, nStar);
    assertThat(expected).isFinite().isNotNegative().isLessThanOrEqualTo(nStar * (1 + 1e-9));
    assertThat(model.probabilityAlive(x, recency, n)).isBetween(0.0, 1.0);
    assertThat(model.expectedPurchases(nStar)).isFinite().isNotNegative();
  }

  @Property(tries = 150)
  void gammaGammaSpendIsFinite(@ForAll @Scale(6) @DoubleRange(min = 1e-2, max = 1e3) double p,
      @ForAll @Scale(6) @DoubleRange(min = 1.001, max = 1e3) double q, @ForAll @Scale(6) @DoubleRange(min = 1e-3, max = 1e4) double gamma,
      @ForAll @IntRange(min = 1, max = 5000) int x, @ForAll @Scale(6) @DoubleRange(min = 1e-2, max = 1e6) double meanSpend) {
    double spend = new GammaGammaModel(p, q, gamma).conditionalExpectedSpend(x, meanSpend);
    assertThat(spend).isFinite().isPositive();
  }
}
