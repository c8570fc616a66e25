package org.engagement.roi.mix;

import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.roi.mix.internal.ChannelCurve;
import org.engagement.roi.mix.internal.MixFitter;
import org.engagement.roi.mix.internal.MixProblem;

/**
 * Fits a marketing mix model (the model, its assumptions and the fitting are described in the
 * {@link org.engagement.roi.mix package}). Stateless and thread-safe; a fit uses the calling thread only and
 * is deterministic for given data and settings.
 *
 * @since 0.1.0
 */
public final class MarketingMix {
  private MarketingMix() {}

  /**
   * Fits the model without lift tests.
   *
   * @param data the series
   * @param settings the settings
   * @return the fitted model
   */
  public static MixModel fit(MixData data, MixSettings settings) {
    return fit(data, settings, List.of());
  }

  /**
   * Fits the model calibrated by lift tests.
   *
   * @param data the series
   * @param settings the settings
   * @param lifts the tests; each names a channel of the data and lies within its periods
   * @return the fitted model
   * @throws InvalidFieldException if a test names another channel or lies outside the periods
   */
  public static MixModel fit(MixData data, MixSettings settings, List<LiftTest> lifts) {
    List<MixProblem.Lift> tests = new ArrayList<>();
    for (LiftTest lift : lifts) {
      tests.add(lift(data, lift));
    }
    MixProblem problem = MixProblem.of(data.spendMatrix(), data.outcome(), data.controlMatrix(),
        new MixProblem.Settings(settings.adstock() == Adstock.GEOMETRIC ? 0 : settings.maxLag(),
            settings.maxHalfLife(), settings.seasonLength(), settings.fourierOrder(), settings.ridge()));
    double[] y = problem.outcome();
    MixFitter.Point point = MixFitter.fit(problem, y, settings.starts(), settings.seed(), settings.evaluations());
    if (!tests.isEmpty()) {
      double noise = Math.sqrt(point.evaluation().rss() / y.length);
      problem = problem.calibrated(tests, noise);
      MixFitter.Point calibrated = MixFitter.fit(problem, y, settings.starts(), settings.seed(),
          settings.evaluations());
      MixFitter.Point fromEstimate = MixFitter.search(problem, y, point.unit(), 0.1, settings.evaluations());
      point = calibrated.evaluation().objective() <= fromEstimate.evaluation().objective()
          ? calibrated : fromEstimate;
    }
    List<MixFitter.Point> resamples = MixFitter.bootstrap(problem, point, settings.resamples(),
        settings.blockLength(), settings.seed() ^ 0x5DEECE66DL, Math.max(100, settings.evaluations() / 3));
    List<List<ChannelCurve>> curves = new ArrayList<>();
    for (MixFitter.Point resample : resamples) {
      curves.add(curves(problem, resample, data.channels().size()));
    }
    return new MixModel(data, settings, curves(problem, point, data.channels().size()),
        problem.baseline(point.evaluation().coefficients()), curves, lifts);
  }

  private static List<ChannelCurve> curves(MixProblem problem, MixFitter.Point point, int channels) {
    List<ChannelCurve> curves = new ArrayList<>(channels);
    double[] coefficients = point.evaluation().coefficients();
    for (int c = 0; c < channels; c++) {
      curves.add(problem.curve(point.unit(), coefficients, c));
    }
    return curves;
  }

  private static MixProblem.Lift lift(MixData data, LiftTest lift) {
    int channel = data.index(lift.channel());
    List<java.time.LocalDate> periods = data.periods();
    if (lift.from().isBefore(periods.get(0)) || lift.to().isBefore(periods.get(0))
        || lift.from().isAfter(periods.get(periods.size() - 1))) {
      throw new InvalidFieldException("from", lift.from(),
          "must lie within the data's periods " + periods.get(0) + " to " + periods.get(periods.size() - 1));
    }
    return new MixProblem.Lift(channel, data.periodOf(lift.from()), data.periodOf(lift.to()), lift.incremental(),
        lift.low(), lift.high());
  }
}
