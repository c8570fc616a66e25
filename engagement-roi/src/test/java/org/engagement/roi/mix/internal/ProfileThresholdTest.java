package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RoiProfile#intervalRise}, the profile interval's small-sample threshold (Bates and Watts 1988, section
 * 6.1: {@code S(held) - S(estimate) >= s² F(1, n - p; 0.90)}), checked against the same quantile computed another
 * way, Student's t ({@code F(1, ν) = t(ν)²}, the 95 % quantile for a two-sided 90 % level), and its effect on
 * {@link ProfileInterval}: a larger threshold can only widen an interval. A made-up series of 156 weeks with two
 * channels and seeded noise.
 */
class ProfileThresholdTest {
  private static final int N = 156;
  private static final MixProblem.Settings SETTINGS = new MixProblem.Settings(0, 52, 52, 1, 0.1);
  private static double[][] spend;
  private static double[] outcome;

  @BeforeAll
  static void series() {
    TwoChannelSeries series = TwoChannelSeries.of(N, 30, 14);
    spend = series.spend();
    outcome = series.outcome();
  }

  private static MixProblem sumOfSquares() {
    return MixProblem.of(spend, outcome, new double[0][], SETTINGS)
        .calibrated(List.of(), List.of(new MixProblem.RoiPrior(0, 1.8, 2.0)), 0.03);
  }

  private static double tSquared(int degreesOfFreedom) {
    double t = new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.95);
    return t * t;
  }

  @Test
  void theThresholdIsTheFQuantileScaledToTheObjectivesUnits() {
    MixProblem calibrated = sumOfSquares();
    assertThat(calibrated.sumOfSquares()).isTrue();
    // 8 channels x 3 non-linear + 14 linear coefficients on 156 weeks, the simulated worlds' case: 1.82
    assertThat(RoiProfile.intervalRise(calibrated, 38)).isCloseTo(N * tSquared(118) / (2.0 * 118), within(1e-9))
        .isCloseTo(1.817, within(0.001));
    MixProblem likelihood = MixProblem.of(spend, outcome, new double[0][], SETTINGS);
    assertThat(likelihood.sumOfSquares()).isFalse();
    assertThat(RoiProfile.intervalRise(likelihood, 38))
        .isCloseTo(N / 2.0 * Math.log1p(tSquared(118) / 118), within(1e-9));
  }

  @Test
  void itExceedsTheAsymptoticStepAndRulesNothingOutWithoutDegreesOfFreedom() {
    MixProblem calibrated = sumOfSquares();
    assertThat(RoiProfile.intervalRise(calibrated, 1)).isGreaterThan(RoiProfile.RISE_90)
        .isCloseTo(RoiProfile.RISE_90, within(0.05));
    assertThat(RoiProfile.intervalRise(calibrated, 80)).isGreaterThan(RoiProfile.intervalRise(calibrated, 38));
    assertThat(RoiProfile.intervalRise(calibrated, N)).isInfinite();
    assertThat(RoiProfile.intervalRise(calibrated, N + 5)).isInfinite();
  }

  @Test
  void aLargerThresholdOnlyWidensTheInterval() {
    MixProblem problem = sumOfSquares();
    MixFitter.Point point = MixFitter.fit(problem, problem.outcome(), 1, 1, 1_500);
    double[] part = problem.curve(point.unit(), point.evaluation().coefficients(), 1).contributions(spend[1]);
    double roi = Arrays.stream(part).sum() / Arrays.stream(spend[1]).sum();
    double[] asymptotic = ProfileInterval.of(problem, point, 1, roi, roi, 200, 0, RoiProfile.RISE_90);
    double[] small = ProfileInterval.of(problem, point, 1, roi, roi, 200, 0, RoiProfile.intervalRise(problem, 12));
    assertThat(asymptotic[0]).isLessThanOrEqualTo(roi);
    assertThat(asymptotic[1]).isGreaterThan(asymptotic[0]);
    assertThat(small[0]).isLessThanOrEqualTo(asymptotic[0]);
    assertThat(small[1]).isGreaterThanOrEqualTo(asymptotic[1]);
    assertThat(small[1] - small[0]).isGreaterThan(asymptotic[1] - asymptotic[0]);
  }
}
