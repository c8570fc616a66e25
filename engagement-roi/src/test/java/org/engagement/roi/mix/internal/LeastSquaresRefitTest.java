package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MixProblem#residuals} (the calibrated objective as half a sum of squares) and {@link
 * MixFitter#leastSquares} (the Levenberg-Marquardt search the bootstrap refits use), on a made-up series of 104
 * weeks: a trend, a yearly season, noise and three channels generated from known curves.
 */
class LeastSquaresRefitTest {
  private static final int N = 104;
  private static final MixProblem.Settings SETTINGS = new MixProblem.Settings(0, 52, 52, 1, 0.1);
  private static MixProblem uncalibrated;
  private static MixProblem calibrated;
  private static MixFitter.Point estimate;

  @BeforeAll
  static void problems() {
    SplittableRandom random = new SplittableRandom(7);
    double[][] spend = new double[3][N];
    for (int t = 0; t < N; t++) {
      spend[0][t] = 100 + 60 * ((t / 4) % 3) + 20 * random.nextDouble();
      spend[1][t] = 80 + 50 * ((t / 7) % 2) + 20 * random.nextDouble();
      spend[2][t] = 40 + 30 * random.nextDouble();
    }
    ChannelCurve[] curves = {new ChannelCurve(0.5, 0, 0, 1.0, 1.0, 160, 300),
        new ChannelCurve(Math.pow(0.5, 1 / 6.0), 0, 0, 1.2, 1.0, 105, 200),
        new ChannelCurve(Math.pow(0.5, 1 / 2.0), 0, 0, 0.8, 1.4, 55, 120)};
    double[] outcome = new double[N];
    for (int t = 0; t < N; t++) {
      outcome[t] = 1_000 + 1.5 * t + 40 * Math.sin(2 * Math.PI * t / 52) + 15 * random.nextGaussian();
    }
    for (int c = 0; c < 3; c++) {
      double[] part = curves[c].contributions(spend[c]);
      for (int t = 0; t < N; t++) {
        outcome[t] += part[t];
      }
    }
    uncalibrated = MixProblem.of(spend, outcome, new double[0][], SETTINGS);
    MixFitter.Point first = MixFitter.fit(uncalibrated, uncalibrated.outcome(), 1, 1, 1_500);
    double noise = Math.sqrt(first.evaluation().rss() / N);
    calibrated = uncalibrated.calibrated(List.of(new MixProblem.Lift(1, 20, 40, 3_000, 2_000, 4_000, 1.6448536269514722)),
        List.of(new MixProblem.RoiPrior(0, 1.8, 2.0), new MixProblem.RoiPrior(2, 1.8, 2.0)), noise);
    estimate = MixFitter.search(calibrated, calibrated.outcome(), first.unit(), 0.1, 2_500);
  }

  @Test
  void halfTheSumOfSquaredResidualsIsTheObjective() {
    SplittableRandom random = new SplittableRandom(3);
    for (int k = 0; k < 20; k++) {
      double[] unit = new double[calibrated.dimension()];
      for (int i = 0; i < unit.length; i++) {
        unit[i] = random.nextDouble();
      }
      double[] r = calibrated.residuals(unit, calibrated.outcome());
      double half = 0;
      for (double x : r) {
        half += x * x / 2;
      }
      double objective = calibrated.objective(unit, calibrated.outcome());
      assertThat(half).isCloseTo(objective, within(1e-9 * Math.abs(objective)));
      assertThat(calibrated.withoutShapePriors(1).residuals(unit, calibrated.outcome()))
          .hasSize(r.length - 3);
    }
  }

  @Test
  void theLogLikelihoodProblemIsNotASumOfSquares() {
    assertThat(uncalibrated.sumOfSquares()).isFalse();
    assertThat(calibrated.sumOfSquares()).isTrue();
    assertThatThrownBy(() -> uncalibrated.residuals(estimate.unit(), uncalibrated.outcome()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void fromAFarStartItReachesTheMinimumBobyqaFindsAndNeverEndsWorseThanItsStart() {
    double[] far = new double[calibrated.dimension()];
    java.util.Arrays.fill(far, 0.3);
    MixFitter.Point found = MixFitter.leastSquares(calibrated, calibrated.outcome(), far, 30);
    double start = calibrated.objective(far, calibrated.outcome());
    assertThat(found.evaluation().objective()).isLessThan(start);
    // 1.35 is a 90 % likelihood-ratio step: the two searches must agree far within it
    assertThat(found.evaluation().objective()).isCloseTo(estimate.evaluation().objective(), within(0.05));
    MixFitter.Point again = MixFitter.leastSquares(calibrated, calibrated.outcome(), estimate.unit(), 30);
    assertThat(again.evaluation().objective()).isLessThanOrEqualTo(estimate.evaluation().objective());
  }

  @Test
  void theBootstrapRefitsOfACalibratedProblemStayInTheUnitCubeAndAreDeterministic() {
    List<MixFitter.Point> one = MixFitter.bootstrap(calibrated, estimate, 5, 8, 11, 300);
    List<MixFitter.Point> two = MixFitter.bootstrap(calibrated, estimate, 5, 8, 11, 300);
    assertThat(one).hasSize(5);
    for (int r = 0; r < one.size(); r++) {
      assertThat(one.get(r).unit()).containsExactly(two.get(r).unit());
      for (double u : one.get(r).unit()) {
        assertThat(u).isBetween(0.0, 1.0);
      }
    }
  }
}
