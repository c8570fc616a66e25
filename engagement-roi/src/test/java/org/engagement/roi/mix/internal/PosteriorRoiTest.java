package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PosteriorRoi}: the grid's integral against a posterior whose mean is known in closed form, and the curve
 * it returns delivers the mean ROI it computed, on a made-up series of 156 weeks (trend, season, two channels from
 * known curves, seeded noise).
 */
class PosteriorRoiTest {
  private static final int N = 156;
  private static final MixProblem.Settings SETTINGS = new MixProblem.Settings(0, 52, 52, 1, 0.1);
  private static double[][] spend;
  private static MixProblem problem;
  private static MixFitter.Point point;

  @BeforeAll
  static void fit() {
    TwoChannelSeries series = TwoChannelSeries.of(N, 10, 15);
    spend = series.spend();
    double[] outcome = series.outcome();
    MixProblem first = MixProblem.of(spend, outcome, new double[0][], SETTINGS);
    MixFitter.Point uncalibrated = MixFitter.fit(first, first.outcome(), 2, 1, 1_500);
    problem = first.calibrated(List.of(), List.of(new MixProblem.RoiPrior(0, 1.83, 2.04),
        new MixProblem.RoiPrior(1, 1.83, 2.04)), Math.sqrt(uncalibrated.evaluation().rss() / N));
    point = MixFitter.fit(problem, problem.outcome(), 2, 1, 1_500);
  }

  private static double roi(ChannelCurve curve, int c) {
    return Arrays.stream(curve.contributions(spend[c])).sum() / Arrays.stream(spend[c]).sum();
  }

  @Test
  void theCurveDeliversTheMeanRoi() {
    for (int c = 0; c < 2; c++) {
      double mode = roi(problem.curve(point.unit(), point.evaluation().coefficients(), c), c);
      double mean = PosteriorRoi.mean(problem.withoutShapePriors(c), point.unit(), c, mode, 200);
      ChannelCurve curve = PosteriorRoi.meanCurve(problem, point, c, mode, 1, 200);
      assertThat(roi(curve, c)).as("channel %d", c).isCloseTo(mean, within(1e-6 * mean));
      assertThat(mean).isBetween(mode / 16, mode * 16);
    }
  }

  @Test
  void theGridIntegratesABroadPosteriorToItsExactMean() {
    // exp(-(ln r - mu)² / (2 s²)) as a density in r has the mean exp(mu + 1.5 s²) (substitute u = ln r: the ratio
    // of two Gaussian integrals of exp(2u) and exp(u)); a profile as broad as an unpinned channel's, s = 0.7
    double mu = Math.log(2);
    double s = 0.7;
    double mean = PosteriorRoi.mean(r -> Math.pow(Math.log(r) - mu, 2) / (2 * s * s), 2);
    assertThat(mean).isCloseTo(Math.exp(mu + 1.5 * s * s), within(0.02 * mean));
    // a grid centred at half the median ends at 16, where the mean's integrand (peak at r = 5.3) still has 6 % of
    // its mass: the mean falls short by about 5 %
    double offCentre = PosteriorRoi.mean(r -> Math.pow(Math.log(r) - mu, 2) / (2 * s * s), 1);
    assertThat(offCentre).isLessThan(mean).isCloseTo(Math.exp(mu + 1.5 * s * s), within(0.06 * mean));
  }

  @Test
  void aFlatProfileGivesTheGridsMeanNotItsCentre() {
    // nothing ruled out between a sixteenth and sixteen times: the mean of r weighted by r d(ln r), far above 1
    double mean = PosteriorRoi.mean(r -> 0, 1);
    assertThat(mean).isGreaterThan(4).isLessThan(16);
  }

  @Test
  void aChannelEstimatedAtZeroIsCentredOnTheScaleGiven() {
    double mean = PosteriorRoi.mean(problem.withoutShapePriors(1), point.unit(), 1, 2.0, 200);
    assertThat(mean).isBetween(2.0 / 16, 2.0 * 16).isPositive();
  }
}
