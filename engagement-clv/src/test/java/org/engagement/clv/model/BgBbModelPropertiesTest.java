package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the BG/BB model over random parameters and discrete histories. */
class BgBbModelPropertiesTest {

  @Provide
  Arbitrary<BgBbModel> models() {
    Arbitrary<Double> shape = Arbitraries.doubles().between(0.05, 10);
    return Combinators.combine(shape, shape, shape, shape).as(BgBbModel::new);
  }

  @Property(tries = 200)
  void probabilityAliveIsAProbability(@ForAll("models") BgBbModel model, @ForAll @IntRange(max = 40) int n,
      @ForAll @IntRange(max = 40) int recencySeed, @ForAll @IntRange(max = 40) int frequencySeed) {
    int recency = n == 0 ? 0 : recencySeed % (n + 1);
    int frequency = recency == 0 ? 0 : 1 + frequencySeed % recency;
    assertThat(model.probabilityAlive(frequency, recency, n)).isBetween(0.0, 1.0);
  }

  @Property(tries = 200)
  void expectationsGrowWithTheHorizon(@ForAll("models") BgBbModel model, @ForAll @IntRange(max = 100) int n,
      @ForAll @IntRange(min = 1, max = 20) int more) {
    double now = model.expectedPurchases(n);
    assertThat(now).isNotNegative();
    assertThat(model.expectedPurchases(n + more)).isGreaterThanOrEqualTo(now);
    double conditional = model.conditionalExpectedPurchases(1, 3, 6, n);
    assertThat(model.conditionalExpectedPurchases(1, 3, 6, n + more)).isGreaterThanOrEqualTo(conditional);
  }

  /** The pmf of X(n) over x = 0..n sums to 1 and its mean is E[X(n)]. */
  @Property(tries = 100)
  void pmfSumsToOneWithMeanTheExpectation(@ForAll("models") BgBbModel model, @ForAll @IntRange(max = 60) int n) {
    double sum = 0;
    double mean = 0;
    for (int x = 0; x <= n; x++) {
      double p = model.probabilityOfPurchases(x, n);
      assertThat(p).isBetween(0.0, 1.0);
      sum += p;
      mean += x * p;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-10));
    assertThat(mean).isCloseTo(model.expectedPurchases(n), within(1e-9 * Math.max(1, mean)));
  }
}
