package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.hipparchus.stat.inference.TTest;

/**
 * Properties every lift test must have: p-values are probabilities, the interval brackets the estimate,
 * swapping the groups only flips the sign (or inverts the ratio), and independent implementations agree.
 */
class LiftPropertiesTest {

  @Provide
  Arbitrary<Proportion> proportions() {
    return Arbitraries.integers().between(1, 400).flatMap(n -> Arbitraries.integers().between(0, n)
        .map(x -> Proportion.of(x, n)));
  }

  @Provide
  Arbitrary<double[]> samples() {
    return Arbitraries.doubles().between(-50, 50).ofScale(2).array(double[].class).ofMinSize(2).ofMaxSize(25);
  }

  @Provide
  Arbitrary<Rate> rates() {
    return Combinators.combine(Arbitraries.longs().between(0, 300), Arbitraries.doubles().between(0.5, 500))
        .as(Rate::of);
  }

  @Provide
  Arbitrary<Double> levels() {
    return Arbitraries.of(0.8, 0.9, 0.95, 0.99);
  }

  @Property(tries = 300)
  void twoProportionTestIsSymmetricAndAgreesWithPearsonChiSquare(@ForAll("proportions") Proportion a,
      @ForAll("proportions") Proportion b, @ForAll("levels") double level) {
    LiftEstimate ab = ProportionDifference.test(a, b, level);
    LiftEstimate ba = ProportionDifference.test(b, a, level);
    checkCommon(ab, ba);
    long successes = a.successes() + b.successes();
    long trials = a.trials() + b.trials();
    if (successes > 0 && successes < trials) {
      long[][] table = {{a.successes(), a.trials() - a.successes()}, {b.successes(), b.trials() - b.successes()}};
      double chiSquare = new ChiSquareTest().chiSquare(table);
      assertThat(ab.statistic() * ab.statistic()).isCloseTo(chiSquare, within(1e-8 * Math.max(1, chiSquare)));
    }
  }

  @Property(tries = 300)
  void welchTestIsSymmetricAndAgreesWithHipparchus(@ForAll("samples") double[] a,
      @ForAll("samples") double[] b, @ForAll("levels") double level) {
    LiftEstimate ab = MeanDifference.test(a, b, level);
    LiftEstimate ba = MeanDifference.test(b, a, level);
    checkCommon(ab, ba);
    if (ab.standardError() > 0) {
      assertThat(ab.pValue()).isCloseTo(new TTest().tTest(a, b), within(1e-9));
      assertThat(ab.statistic()).isCloseTo(new TTest().t(a, b), within(1e-9 * Math.abs(ab.statistic()) + 1e-12));
    }
  }

  @Property(tries = 200)
  void perCustomerDidIsSymmetric(@ForAll("samples") double[] treatedPre, @ForAll("samples") double[] controlPre,
      @ForAll @IntRange(min = -5, max = 5) int shift) {
    double[] treatedPost = new double[treatedPre.length];
    for (int i = 0; i < treatedPre.length; i++) {
      treatedPost[i] = treatedPre[i] + shift + (i % 3);
    }
    double[] controlPost = new double[controlPre.length];
    for (int i = 0; i < controlPre.length; i++) {
      controlPost[i] = controlPre[i] * 0.5 + (i % 2);
    }
    LiftEstimate tc = DifferenceInDifferences.perCustomer(treatedPre, treatedPost, controlPre, controlPost);
    LiftEstimate ct = DifferenceInDifferences.perCustomer(controlPre, controlPost, treatedPre, treatedPost);
    checkCommon(tc, ct);
    assertThat(tc.treatment() - tc.control()).isCloseTo(tc.absoluteLift(), within(1e-9));
  }

  @Property(tries = 300)
  void exactRateRatioIsSymmetricOnTheRatioScale(@ForAll("rates") Rate a, @ForAll("rates") Rate b,
      @ForAll("levels") double level) {
    LiftEstimate ab = RateRatio.exact(a, b, level);
    LiftEstimate ba = RateRatio.exact(b, a, level);
    assertThat(ab.pValue()).isBetween(0.0, 1.0);
    assertThat(ab.pValue()).isCloseTo(ba.pValue(), within(1e-9));
    assertThat(ab.absoluteLift()).isEqualTo(-ba.absoluteLift());
    if (a.count() + b.count() > 0) {
      assertThat(ab.interval().contains(ab.estimate())).isTrue();
      assertThat(ab.interval().lower() * ba.interval().upper()).satisfiesAnyOf(
          product -> assertThat(product).isCloseTo(1.0, within(1e-7)),
          product -> assertThat(product).isNaN());
    }
  }

  @Property(tries = 300)
  void waldRateRatioIsSymmetricOnTheRatioScale(@ForAll("rates") Rate a, @ForAll("rates") Rate b,
      @ForAll("levels") double level) {
    Assume.that(a.count() > 0 && b.count() > 0);
    LiftEstimate ab = RateRatio.wald(a, b, level);
    LiftEstimate ba = RateRatio.wald(b, a, level);
    checkCommon(ab, ba);
    assertThat(ab.interval().lower() * ba.interval().upper()).isCloseTo(1.0, within(1e-9));
  }

  /** The bisection finds exactly the outcomes a term-by-term sum (R's rule) would add. */
  @Property(tries = 300)
  void exactBinomialPValueEqualsTheTermByTermSum(@ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double p, @ForAll @IntRange(min = 0, max = 300) int seed) {
    int x = seed % (n + 1);
    BinomialDistribution binomial = new BinomialDistribution(n, p);
    double bound = binomial.probability(x) * (1 + 1e-7);
    double sum = 0;
    for (int k = 0; k <= n; k++) {
      double pk = binomial.probability(k);
      sum += pk <= bound ? pk : 0;
    }
    double expected = x == n * p ? 1 : Math.min(1, sum);
    assertThat(ExactCounts.binomialTwoSided(x, n, p)).isCloseTo(expected, within(1e-9));
  }

  @Property(tries = 300)
  void exactPoissonPValueEqualsTheTermByTermSum(@ForAll @IntRange(min = 0, max = 200) int x,
      @ForAll @DoubleRange(min = 0.05, max = 150) double mean) {
    PoissonDistribution poisson = new PoissonDistribution(mean);
    double bound = poisson.probability(x) * (1 + 1e-7);
    double sum = 0;
    for (int k = 0; k <= 2000; k++) {
      double pk = poisson.probability(k);
      sum += pk <= bound ? pk : 0;
    }
    assertThat(ExactCounts.poissonTwoSided(x, mean)).isCloseTo(Math.min(1, sum), within(1e-9));
  }

  @Property(tries = 200)
  void modelBasedTestsGiveProbabilitiesAndBracketTheirEstimates(
      @ForAll @IntRange(min = 2, max = 40) int customers, @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll @DoubleRange(min = 0.01, max = 3) double rate) {
    List<RepeatBuyingSummary> summaries = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      summaries.add(new RepeatBuyingSummary("c" + i, 1, 1, 2, 0, (seed * 31 + i * 17) % 7));
    }
    ModelBasedLift lift = ModelBasedLift.compare(summaries, (c, t) -> rate * t, 2);
    LiftEstimate total = lift.totalTest();
    assertThat(total.pValue()).isBetween(0.0, 1.0);
    assertThat(total.interval().contains(total.estimate())).isTrue();
    LiftEstimate mean = lift.meanTest();
    assertThat(mean.pValue()).isBetween(0.0, 1.0);
    assertThat(mean.interval().contains(mean.estimate())).isTrue();
  }

  @Property(tries = 300)
  void sampleSizeDoesNotGrowAsTheLiftGrows(@ForAll @DoubleRange(min = 0.01, max = 0.9) double p1,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double smaller, @ForAll @DoubleRange(min = 0, max = 0.5) double extra,
      @ForAll @DoubleRange(min = 0.5, max = 0.99) double power) {
    double larger = smaller + extra;
    Assume.that(p1 + larger < 1);
    assertThat(SampleSize.twoProportions(p1, p1 + larger, 0.05, power))
        .isLessThanOrEqualTo(SampleSize.twoProportions(p1, p1 + smaller, 0.05, power));
    assertThat(SampleSize.twoMeans(larger, 1, 2, 0.05, power))
        .isLessThanOrEqualTo(SampleSize.twoMeans(smaller, 1, 2, 0.05, power));
  }

  /** p in [0, 1]; the interval brackets the estimate; swapping negates the lift and keeps p. */
  private static void checkCommon(LiftEstimate ab, LiftEstimate ba) {
    assertThat(ab.pValue()).isBetween(0.0, 1.0);
    assertThat(ab.interval().contains(ab.estimate())).isTrue();
    assertThat(ba.interval().contains(ba.estimate())).isTrue();
    assertThat(ab.absoluteLift()).isCloseTo(-ba.absoluteLift(), within(1e-9 * (1 + Math.abs(ab.absoluteLift()))));
    assertThat(ab.pValue()).isCloseTo(ba.pValue(), within(1e-9));
  }
}
