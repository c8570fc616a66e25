package org.engagement.clv.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.MbgNbdModel;
import org.engagement.clv.model.ParetoNbdModel;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.PeriodUnit;

/** Lifetime value over random models, histories, horizons and rates. */
class CustomerLifetimeValuePropertiesTest {
  private static final SpendForecast SPEND = SpendForecast.constant(25);

  @Provide
  Arbitrary<RepeatBuyingModel> models() {
    Arbitrary<Double> shape = Arbitraries.doubles().between(0.05, 5);
    Arbitrary<Double> scale = Arbitraries.doubles().between(0.5, 50);
    Arbitrary<Double> a = Arbitraries.doubles().between(0.1, 5).filter(v -> Math.abs(v - 1) > 1e-3);
    Arbitrary<Double> b = Arbitraries.doubles().between(0.1, 10);
    Arbitrary<RepeatBuyingModel> bg = Combinators.combine(shape, scale, a, b)
        .as((r, alpha, aa, bb) -> new BgNbdModel(r, alpha, aa, bb, PeriodUnit.WEEK));
    Arbitrary<RepeatBuyingModel> mbg = Combinators.combine(shape, scale, a, b)
        .as((r, alpha, aa, bb) -> new MbgNbdModel(r, alpha, aa, bb, PeriodUnit.WEEK));
    return Arbitraries.oneOf(bg, mbg);
  }

  @Property(tries = 150)
  void valueDoesNotRiseWithTheDiscountRate(@ForAll("models") RepeatBuyingModel model,
      @ForAll @IntRange(max = 30) int x, @ForAll @DoubleRange(max = 1) double recencyShare,
      @ForAll @DoubleRange(max = 80) double age, @ForAll @DoubleRange(max = 120) double weeks,
      @ForAll @DoubleRange(max = 2) double rate, @ForAll @DoubleRange(min = 0.01, max = 1) double more) {
    double recency = x == 0 ? 0 : recencyShare * age;
    Horizon horizon = Horizon.weeks(weeks);
    double lower = CustomerLifetimeValue.of(model, SPEND, horizon, DiscountRate.annual(rate))
        .value(x, recency, age, 0);
    double higher = CustomerLifetimeValue.of(model, SPEND, horizon, DiscountRate.annual(rate + more))
        .value(x, recency, age, 0);
    assertThat(lower).isNotNegative();
    assertThat(higher).isLessThanOrEqualTo(lower + 1e-9 * Math.max(1, lower));
  }

  @Property(tries = 150)
  void valueDoesNotFallWithTheHorizon(@ForAll("models") RepeatBuyingModel model,
      @ForAll @IntRange(max = 30) int x, @ForAll @DoubleRange(max = 1) double recencyShare,
      @ForAll @DoubleRange(max = 80) double age, @ForAll @DoubleRange(max = 24) double months,
      @ForAll @DoubleRange(min = 0.01, max = 6) double longer, @ForAll @DoubleRange(max = 2) double rate) {
    double recency = x == 0 ? 0 : recencyShare * age;
    DiscountRate discount = DiscountRate.annual(rate);
    double shorter = CustomerLifetimeValue.of(model, SPEND, Horizon.months(months), discount)
        .value(x, recency, age, 0);
    double further = CustomerLifetimeValue.of(model, SPEND, Horizon.months(months + longer), discount)
        .value(x, recency, age, 0);
    assertThat(further).isGreaterThanOrEqualTo(shorter - 1e-9 * Math.max(1, shorter));
  }

  /** Discounting only takes value away: the discounted value is at most spend times the conditional expectation. */
  @Property(tries = 100)
  void discountedValueIsAtMostTheUndiscountedForecast(@ForAll("models") RepeatBuyingModel model,
      @ForAll @IntRange(max = 30) int x, @ForAll @DoubleRange(max = 1) double recencyShare,
      @ForAll @DoubleRange(max = 80) double age, @ForAll @DoubleRange(max = 104) double weeks,
      @ForAll @DoubleRange(max = 1) double rate) {
    double recency = x == 0 ? 0 : recencyShare * age;
    double value = CustomerLifetimeValue.of(model, SPEND, Horizon.weeks(weeks), DiscountRate.annual(rate))
        .value(x, recency, age, 0);
    double forecast = 25 * model.conditionalExpectedPurchases(x, recency, age, weeks);
    assertThat(value).isLessThanOrEqualTo(forecast * (1 + 1e-9) + 1e-12);
  }

  @Provide
  Arbitrary<RepeatBuyingModel> factoredModels() {
    Arbitrary<Double> shape = Arbitraries.doubles().between(0.02, 20);
    Arbitrary<Double> scale = Arbitraries.doubles().between(0.05, 200);
    Arbitrary<Double> a = Arbitraries.doubles().between(0.05, 10);
    Arbitrary<Double> b = Arbitraries.doubles().between(0.05, 50);
    Arbitrary<RepeatBuyingModel> pareto = Combinators.combine(shape, scale, shape, scale)
        .as((r, alpha, s, beta) -> new ParetoNbdModel(r, alpha, s, beta, PeriodUnit.WEEK));
    Arbitrary<RepeatBuyingModel> bg = Combinators.combine(shape, scale, a, b)
        .as((r, alpha, aa, bb) -> new BgNbdModel(r, alpha, aa, bb, PeriodUnit.WEEK));
    Arbitrary<RepeatBuyingModel> mbg = Combinators.combine(shape, scale, a, b)
        .as((r, alpha, aa, bb) -> new MbgNbdModel(r, alpha, aa, bb, PeriodUnit.WEEK));
    return Arbitraries.oneOf(bg, mbg, pareto);
  }

  /**
   * For the BG/NBD family and Pareto/NBD the valuation computes the steps of the alive factor once per {@code (x,
   * T)} and multiplies by {@code P(alive)} once: the same sum as one conditional expectation per step, up to
   * rounding.
   */
  @Property(tries = 300)
  void theAliveFactorTimesPAliveIsTheStepSumOfTheConditionalExpectations(
      @ForAll("factoredModels") RepeatBuyingModel model, @ForAll @IntRange(max = 200) int x,
      @ForAll @DoubleRange(max = 1) double recencyShare, @ForAll @DoubleRange(max = 500) double age,
      @ForAll @DoubleRange(min = 0.1, max = 16) double weeks, @ForAll @DoubleRange(max = 0.5) double rate) {
    double recency = x == 0 ? 0 : recencyShare * age;
    Horizon horizon = Horizon.weeks(weeks);
    DiscountRate discount = DiscountRate.annual(rate);
    double expected = StepSums.discountedPurchases(model, horizon, discount, PeriodUnit.WEEK, x, recency, age);
    double det = CustomerLifetimeValue.of(model, SPEND, horizon, discount).discountedPurchases(x, recency, age);
    assertThat(det).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-13 * expected + 1e-300));
  }

  /**
   * Over many steps the alive factor is interpolated from 16 to 64 evaluations ({@code InterpolatedSteps}); the
   * value stays within 1e-9 of the sum of every step, over wide models, histories, horizons (to ten years in
   * weeks, two in days, twenty in months) and rates. (Measured: under 1e-11; the interpolation's own check is
   * 1e-12.)
   */
  @Property(tries = 400)
  void theInterpolatedStepsStayWithin1e9OfTheSumOfEveryStep(@ForAll("factoredModels") RepeatBuyingModel model,
      @ForAll @IntRange(max = 300) int x, @ForAll @DoubleRange(max = 1) double recencyShare,
      @ForAll @DoubleRange(max = 800) double age, @ForAll("longHorizons") Horizon horizon,
      @ForAll("steps") PeriodUnit step, @ForAll @DoubleRange(max = 0.5) double rate) {
    double recency = x == 0 ? 0 : recencyShare * age;
    DiscountRate discount = DiscountRate.annual(rate);
    CustomerLifetimeValue clv = CustomerLifetimeValue.of(model, SPEND, horizon, discount).withStep(step);
    double expected = StepSums.discountedPurchases(model, horizon, discount, step, x, recency, age);
    double det = clv.discountedPurchases(x, recency, age);
    assertThat(det).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9 * expected + 1e-300));
  }

  @Provide
  Arbitrary<Horizon> longHorizons() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(17, 520).map(Horizon::weeks),
        Arbitraries.doubles().between(17, 730).map(Horizon::days), Arbitraries.doubles().between(17, 240)
            .map(Horizon::months));
  }

  @Provide
  Arbitrary<PeriodUnit> steps() {
    return Arbitraries.of(PeriodUnit.WEEK, PeriodUnit.DAY, PeriodUnit.MONTH);
  }
}
