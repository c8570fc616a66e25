package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.engagement.clv.summary.PeriodUnit;

/** Properties every fitted repeat-buying model must have, over random parameters and histories. */
class RepeatBuyingModelPropertiesTest {

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
    Arbitrary<RepeatBuyingModel> pareto = Combinators.combine(shape, scale, shape, scale)
        .as((r, alpha, s, beta) -> new ParetoNbdModel(r, alpha, s, beta, PeriodUnit.WEEK));
    return Arbitraries.oneOf(bg, mbg, pareto);
  }

  @Property(tries = 200)
  void probabilityAliveIsAProbability(@ForAll("models") RepeatBuyingModel model,
      @ForAll @IntRange(max = 60) int x, @ForAll @DoubleRange(max = 1) double recencyShare,
      @ForAll @DoubleRange(max = 200) double age) {
    double recency = x == 0 ? 0 : recencyShare * age;
    assertThat(model.probabilityAlive(x, recency, age)).isBetween(0.0, 1.0);
  }

  @Property(tries = 200)
  void expectedPurchasesGrowWithTheHorizon(@ForAll("models") RepeatBuyingModel model,
      @ForAll @DoubleRange(max = 150) double t, @ForAll @DoubleRange(min = 0.01, max = 50) double dt) {
    double now = model.expectedPurchases(t);
    assertThat(now).isNotNegative();
    assertThat(model.expectedPurchases(t + dt)).isGreaterThanOrEqualTo(now - 1e-12 * Math.max(1, now));
  }

  @Property(tries = 200)
  void conditionalExpectationGrowsWithTheHorizon(@ForAll("models") RepeatBuyingModel model,
      @ForAll @IntRange(max = 30) int x, @ForAll @DoubleRange(max = 1) double recencyShare,
      @ForAll @DoubleRange(max = 100) double age, @ForAll @DoubleRange(max = 100) double t,
      @ForAll @DoubleRange(min = 0.01, max = 50) double dt) {
    double recency = x == 0 ? 0 : recencyShare * age;
    double now = model.conditionalExpectedPurchases(x, recency, age, t);
    assertThat(now).isNotNegative();
    assertThat(model.conditionalExpectedPurchases(x, recency, age, t + dt))
        .isGreaterThanOrEqualTo(now - 1e-10 * Math.max(1, now));
  }

  /** The many-horizon method gives exactly what the one-horizon method gives at each horizon. */
  @Property(tries = 200)
  void conditionalExpectationsAtManyHorizonsEqualOneAtATime(@ForAll("models") RepeatBuyingModel model,
      @ForAll @IntRange(max = 30) int x, @ForAll @DoubleRange(max = 1) double recencyShare,
      @ForAll @DoubleRange(max = 100) double age, @ForAll @DoubleRange(min = 0.01, max = 10) double step) {
    double recency = x == 0 ? 0 : recencyShare * age;
    double[] horizons = new double[12];
    for (int i = 0; i < horizons.length; i++) {
      horizons[i] = i * step;
    }
    double[] out = new double[horizons.length];

    model.conditionalExpectedPurchases(x, recency, age, horizons, out);

    for (int i = 0; i < horizons.length; i++) {
      assertThat(out[i]).isEqualTo(model.conditionalExpectedPurchases(x, recency, age, horizons[i]));
    }
  }

  /**
   * The pmf over n = 0..2000 sums to 1 (the tail beyond is negligible for these horizons and rates); the
   * sum stops once it is within 1e-8 of 1, as Pareto/NBD's pmf integrates numerically and is slower.
   */
  @Property(tries = 50)
  void pmfSumsToOne(@ForAll("models") RepeatBuyingModel model, @ForAll @DoubleRange(min = 0.1, max = 40) double t) {
    double sum = 0;
    for (int n = 0; n <= 2000 && sum < 1 - 1e-8; n++) {
      double p = model.probabilityOfPurchases(n, t);
      assertThat(p).isBetween(0.0, 1.0);
      sum += p;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-6));
  }
}
