package org.engagement.roi.mix;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the ridge penalty of {@link MarketingMix#validatedRidge} by rolling-origin validation. Why: the ridge
 * decides how much of a slow channel's effect the fit gives to the intercept and trend, which the series alone
 * barely tells apart (issue 14), so one penalty for every data set is a guess; a forecast of periods the fit
 * did not see is a judge that needs no truth. The forecast carries each channel's whole spend series through
 * the fold's curves, so the carry-over from before the origin counts, and extends the baseline's trend and
 * season. Stateless and thread-safe.
 */
final class RidgeValidation {
  /** The penalties tried: the default 0.1 in the middle, steps of about three. */
  static final double[] GRID = {0.01, 0.03, 0.1, 0.3, 1};
  /** Forecast origins: this many horizons before the end, each forecasting one horizon. */
  private static final int FOLDS = 2;

  private RidgeValidation() {}

  static double choose(MixData data, MixSettings settings, List<LiftTest> lifts, MixPriors priors) {
    int n = data.periods().size();
    int horizon = Math.max(1, settings.seasonLength() / 4);
    if (n - FOLDS * horizon < MixData.MIN_PERIODS) {
      return settings.ridge();
    }
    double[] score = new double[GRID.length];
    for (int fold = FOLDS; fold >= 1; fold--) {
      int origin = n - fold * horizon;
      MixData train = data.firstPeriods(origin);
      if (train == null) {
        continue;
      }
      List<LiftTest> inside = new ArrayList<>();
      for (LiftTest lift : lifts) {
        if (lift.to().isBefore(data.periods().get(origin))) {
          inside.add(lift);
        }
      }
      for (int g = 0; g < GRID.length; g++) {
        score[g] += forecastError(data, train, settings.withRidge(GRID[g]).withResamples(0), inside, priors,
            origin, horizon);
      }
    }
    int best = 0;
    for (int g = 1; g < GRID.length; g++) {
      if (score[g] <= score[best]) {
        best = g;
      }
    }
    return GRID[best];
  }

  /** The sum of squared errors of the fold's forecast of the {@code horizon} periods from {@code origin}. */
  private static double forecastError(MixData data, MixData train, MixSettings settings, List<LiftTest> lifts,
      MixPriors priors, int origin, int horizon) {
    MarketingMix.Estimate estimate = MarketingMix.estimate(train, settings, lifts, priors);
    double[] forecast = estimate.problem().forecast(estimate.point().unit(),
        estimate.point().evaluation().coefficients(), data.spendMatrix(), data.controlMatrix());
    double[] outcome = data.outcome();
    double sum = 0;
    for (int t = origin; t < origin + horizon; t++) {
      double e = outcome[t] - forecast[t];
      sum += e * e;
    }
    return sum;
  }
}
