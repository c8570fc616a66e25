package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.engagement.clv.summary.PeriodUnit;

/**
 * BG/NBD's conditional expectation at many horizons at once (what {@code CustomerLifetimeValue} asks for at each
 * step) is bit for bit the one-horizon method at each: the closed form where it is safe, the positive series
 * elsewhere ({@code a} at or within {@code 1e-12} of 1, long horizons, many purchases), a horizon of 0.
 */
class ExpectationsAtEachHorizonPropertiesTest {

  @Provide
  Arbitrary<BgNbdModel> models() {
    Arbitrary<Double> shape = Arbitraries.oneOf(Arbitraries.doubles().between(1e-3, 1e3).ofScale(6),
        Arbitraries.of(0.243, 0.247, 2.521));
    Arbitrary<Double> scale = Arbitraries.oneOf(Arbitraries.doubles().between(0.5, 1e3).ofScale(6),
        Arbitraries.of(4.414, 4.613));
    Arbitrary<Double> nearOne = Arbitraries.oneOf(shape, Arbitraries.of(0.793, 0.811, 1.0, 1 - 1e-12, 1 + 1e-7,
        1.04, 1.06));
    return Combinators.combine(shape, scale, nearOne, shape).as((r, alpha, a, b) ->
        new BgNbdModel(r, alpha, a, b, PeriodUnit.WEEK));
  }

  @Provide
  Arbitrary<double[]> horizons() {
    Arbitrary<Double> t = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1000).ofScale(4), Arbitraries.of(0.0,
        1.0, 156.0));
    return t.array(double[].class).ofMaxSize(60);
  }

  @Property(tries = 200)
  void manyHorizonsEqualOneAtATime(@ForAll("models") BgNbdModel model, @ForAll @IntRange(max = 300) int x,
      @ForAll @DoubleRange(max = 1) double recencyShare, @ForAll @DoubleRange(max = 500) double age,
      @ForAll("horizons") double[] horizons) {
    double recency = x == 0 ? 0 : recencyShare * age;
    double[] together = new double[horizons.length];
    model.conditionalExpectedPurchases(x, recency, age, horizons, together);
    double[] alone = Arrays.stream(horizons).map(t -> model.conditionalExpectedPurchases(x, recency, age, t))
        .toArray();
    assertThat(together).isEqualTo(alone);
  }
}
