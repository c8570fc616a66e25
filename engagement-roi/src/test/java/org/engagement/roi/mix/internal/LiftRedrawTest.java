package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap refits of a lift-calibrated mix carry the experiment's noise ({@link
 * MixProblem#withLiftsRedrawn}): a lift test is a measurement like the series, so a resample of all the data
 * redraws it, as the attribution bootstrap redraws its experiments.
 *
 * <p>The series cannot tell its two channels apart (the same spend, the same curve), so only the lift test on
 * the first splits their sum: the refits' spread of that channel's contribution over the test's weeks is the
 * experiment's, and a bootstrap that kept the test at its estimate showed almost none of it.
 */
class LiftRedrawTest {
  private static final int N = 104;
  private static final int FROM = 20;
  private static final int TO = 60;
  private static final double Z90 = 1.6448536269514722;

  @Test
  void theRefitsOfTheTestedChannelSpreadAsItsExperiment() {
    SplittableRandom random = new SplittableRandom(5);
    double[] column = new double[N];
    for (int t = 0; t < N; t++) {
      column[t] = 100 + 60 * ((t / 4) % 3) + 20 * random.nextDouble();
    }
    double[][] spend = {column.clone(), column.clone()};
    ChannelCurve curve = new ChannelCurve(0.5, 0, 0, 1.0, 1.0, 160, 150);
    double[] each = curve.contributions(column);
    double[] outcome = new double[N];
    double truth = 0;
    for (int t = 0; t < N; t++) {
      outcome[t] = 1_000 + 1.5 * t + 40 * Math.sin(2 * Math.PI * t / 52) + 2 * each[t] + 10 * random.nextGaussian();
      truth += t >= FROM && t <= TO ? each[t] : 0;
    }
    MixProblem.Settings settings = new MixProblem.Settings(0, 52, 52, 1, 0.1);
    MixProblem uncalibrated = MixProblem.of(spend, outcome, new double[0][], settings);
    MixFitter.Point first = MixFitter.fit(uncalibrated, uncalibrated.outcome(), 1, 1, 1_500);
    double noise = Math.sqrt(first.evaluation().rss() / N);
    double half = 0.3 * truth;
    MixProblem calibrated = uncalibrated.calibrated(
        List.of(new MixProblem.Lift(0, FROM, TO, truth, truth - half, truth + half, Z90)),
        List.of(new MixProblem.RoiPrior(0, 1.8, 2.0), new MixProblem.RoiPrior(1, 1.8, 2.0)), noise);
    MixFitter.Point estimate = MixFitter.search(calibrated, calibrated.outcome(), first.unit(), 0.1, 2_500);

    List<MixFitter.Point> refits = MixFitter.bootstrap(calibrated, estimate, 60, 8, 11, 300);

    double sum = 0;
    double squares = 0;
    for (MixFitter.Point refit : refits) {
      double inTest = testedContribution(calibrated, refit, column);
      sum += inTest;
      squares += inTest * inTest;
    }
    double mean = sum / refits.size();
    double sd = Math.sqrt(squares / refits.size() - mean * mean);
    double experimentSd = half / Z90;
    // the refits follow the experiment's draws, shrunk by the ROI priors that share the split: 0.53 of its
    // spread (a test kept at its estimate left 0.15, the residuals' part alone)
    assertThat(sd).isBetween(0.4 * experimentSd, experimentSd);
    assertThat(mean).isBetween(truth - 0.5 * half, truth + 0.5 * half);
  }

  @Test
  void withoutLiftTestsNothingIsDrawn() {
    TwoChannelSeries series = TwoChannelSeries.of(N, 10, 3);
    MixProblem problem = MixProblem.of(series.spend(), series.outcome(), new double[0][],
        new MixProblem.Settings(0, 52, 52, 1, 0.1));
    SplittableRandom random = new SplittableRandom(9);

    assertThat(problem.withLiftsRedrawn(random)).isSameAs(problem);
    assertThat(random.nextLong()).isEqualTo(new SplittableRandom(9).nextLong());
  }

  private static double testedContribution(MixProblem problem, MixFitter.Point point, double[] column) {
    double[] part = problem.curve(point.unit(), point.evaluation().coefficients(), 0).contributions(column);
    double sum = 0;
    for (int t = FROM; t <= TO; t++) {
      sum += part[t];
    }
    return sum;
  }
}
