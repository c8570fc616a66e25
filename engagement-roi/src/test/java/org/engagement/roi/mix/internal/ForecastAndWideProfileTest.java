package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MixProblem#forecast} (the rolling-origin validation's forecast) and {@link RoiProfile#wideMinimum} (the
 * profile interval's search that frees the other channels' carry-over), on a made-up noiseless series of 100 weeks:
 * a trend, a yearly season and two channels generated from known curves.
 */
class ForecastAndWideProfileTest {
  private static final int N = 100;
  private static final int FIT = 80;
  private static final MixProblem.Settings SETTINGS = new MixProblem.Settings(0, 52, 52, 1, 1e-4);
  private static double[][] spend;
  private static double[] outcome;

  @BeforeAll
  static void series() {
    spend = new double[2][N];
    for (int t = 0; t < N; t++) {
      spend[0][t] = 100 + 60 * ((t / 4) % 3);
      spend[1][t] = 80 + 50 * ((t / 7) % 2);
    }
    ChannelCurve search = new ChannelCurve(0.5, 0, 0, 1.0, 1.0, 160, 300);
    ChannelCurve partner = new ChannelCurve(Math.pow(0.5, 1 / 6.0), 0, 0, 1.2, 1.0, 105, 200);
    double[] a = search.contributions(spend[0]);
    double[] b = partner.contributions(spend[1]);
    outcome = new double[N];
    for (int t = 0; t < N; t++) {
      outcome[t] = 1_000 + 1.5 * t + 40 * Math.sin(2 * Math.PI * t / 52) + a[t] + b[t];
    }
  }

  private static double[][] first(double[][] rows, int count) {
    return Arrays.stream(rows).map(r -> Arrays.copyOf(r, count)).toArray(double[][]::new);
  }

  @Test
  void theForecastOfTheFitsOwnPeriodsIsItsFittedSeries() {
    MixProblem problem = MixProblem.of(first(spend, FIT), Arrays.copyOf(outcome, FIT), new double[0][], SETTINGS);
    MixFitter.Point point = MixFitter.fit(problem, problem.outcome(), 1, 1, 1_500);
    double[] forecast = problem.forecast(point.unit(), point.evaluation().coefficients(), first(spend, FIT),
        new double[0][]);
    double[] fitted = point.evaluation().fitted();
    for (int t = 0; t < FIT; t++) {
      assertThat(forecast[t]).isCloseTo(fitted[t] * problem.outcomeScale(), within(1e-9 * outcome[t]));
    }
  }

  @Test
  void aFitOfTheFirstWeeksForecastsTheNextOnesOfANoiselessSeries() {
    MixProblem problem = MixProblem.of(first(spend, FIT), Arrays.copyOf(outcome, FIT), new double[0][], SETTINGS);
    MixFitter.Point point = MixFitter.fit(problem, problem.outcome(), 2, 1, 2_500);
    double[] forecast = problem.forecast(point.unit(), point.evaluation().coefficients(), spend, new double[0][]);
    assertThat(forecast).hasSize(N);
    for (int t = FIT; t < N; t++) {
      // the curves and the trend carried past the fit's end: within 2 % of a series of about 1,500
      assertThat(forecast[t]).as("week %d", t).isCloseTo(outcome[t], within(0.02 * outcome[t]));
    }
  }

  @Test
  void freeingTheOtherChannelsCarryOverNeverRaisesTheProfilesMinimum() {
    MixProblem problem = MixProblem.of(spend, outcome, new double[0][], SETTINGS);
    MixFitter.Point point = MixFitter.fit(problem, problem.outcome(), 1, 1, 1_500);
    for (double factor : new double[] {0.5, 2}) {
      MixProblem held = problem.withRoiHeld(1, factor * roi(problem, point, 1));
      double own = RoiProfile.minimum(held, point.unit(), 1, 200);
      double wide = RoiProfile.wideMinimum(held, point.unit(), 1, 200, 400);
      assertThat(wide).as("held at %s times", factor).isLessThanOrEqualTo(own).isFinite();
    }
  }

  private static double roi(MixProblem problem, MixFitter.Point point, int c) {
    double[] part = problem.curve(point.unit(), point.evaluation().coefficients(), c).contributions(spend[c]);
    return Arrays.stream(part).sum() / Arrays.stream(spend[c]).sum();
  }
}
