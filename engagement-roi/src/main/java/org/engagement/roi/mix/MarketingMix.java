package org.engagement.roi.mix;

import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.roi.mix.internal.ChannelCurve;
import org.engagement.roi.mix.internal.MixFitter;
import org.engagement.roi.mix.internal.MixProblem;
import org.engagement.roi.mix.internal.PosteriorRoi;
import org.engagement.roi.mix.internal.ProfileInterval;
import org.engagement.roi.mix.internal.RoiProfile;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Fits a marketing mix model (the model, its assumptions and the fitting are described in the
 * {@link org.engagement.roi.mix package}). Stateless and thread-safe; a fit uses the calling thread only and
 * is deterministic for given data and settings.
 *
 * @since 0.1.0
 */
public final class MarketingMix {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();
  /** The evaluations of each profile search of a channel's own carry-over and saturation. */
  static final int PROFILE_EVALUATIONS = 200;
  /**
   * The evaluations of each profile-interval search that frees the other channels' carry-over as well
   * ({@link ProfileInterval}): about 19 times the 21 points BOBYQA's first model of its 10 coordinates needs
   * (8 channels), set before any run and not tuned.
   */
  static final int WIDE_PROFILE_EVALUATIONS = 400;

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
    return fit(data, settings, lifts, MixPriors.defaults());
  }

  /**
   * Fits the model calibrated by lift tests under stated priors. The fit runs twice: a first fit without ROI
   * priors gives the noise level, at which the lift tests and ROI priors then enter as pseudo-observations.
   *
   * @param data the series
   * @param settings the settings
   * @param lifts the tests; each names a channel of the data and lies within its periods
   * @param priors the priors; each named channel is a channel of the data
   * @return the fitted model
   * @throws InvalidFieldException if a test or a prior names another channel or a test lies outside the
   *     periods
   */
  public static MixModel fit(MixData data, MixSettings settings, List<LiftTest> lifts, MixPriors priors) {
    Estimate estimate = estimate(data, settings, lifts, priors);
    MixProblem problem = estimate.problem();
    MixFitter.Point point = estimate.point();
    List<MixProblem.Lift> tests = estimate.tests();
    List<MixFitter.Point> resamples = MixFitter.bootstrap(problem, point, settings.resamples(),
        settings.blockLength(), settings.seed() ^ 0x5DEECE66DL, Math.max(100, settings.evaluations() / 3));
    List<List<ChannelCurve>> curves = new ArrayList<>();
    for (MixFitter.Point resample : resamples) {
      curves.add(curves(problem, resample, data.channels().size()));
    }
    List<ChannelCurve> fitted = curves(problem, point, data.channels().size());
    double[] rois = rois(fitted, data);
    double scale = mediaRoi(data, rois);
    List<ChannelIdentification> identification = identification(data, problem, point, tests, rois);
    List<MixWarning> warnings = warnings(data, problem, point, identification, fitted, lifts);
    warnings.addAll(unidentified(identification, rois, data));
    List<double[]> profiles = settings.resamples() > 0 ? profiles(problem, point, rois, scale) : List.of();
    return new MixModel(data, settings, fitted, reported(problem, point, identification, fitted, rois, scale),
        problem.baseline(point.evaluation().coefficients()), curves, lifts, warnings, identification, profiles);
  }

  /**
   * The curves the model reports: the estimate's, but for a channel {@linkplain #atMean reported at its mean} the
   * curve at its profile posterior's mean ROI ({@link PosteriorRoi}), since the estimate is a posterior mode that
   * sits at the edge of what the data allow for such a channel.
   */
  private static List<ChannelCurve> reported(MixProblem problem, MixFitter.Point point,
      List<ChannelIdentification> identification, List<ChannelCurve> fitted, double[] rois, double scale) {
    List<ChannelCurve> out = new ArrayList<>(fitted);
    for (int c = 0; c < out.size(); c++) {
      if (atMean(identification.get(c))) {
        out.set(c, PosteriorRoi.meanCurve(problem, point, c, rois[c], scale, PROFILE_EVALUATIONS));
      }
    }
    return out;
  }

  /**
   * Whether the model reports the channel at its profile posterior's mean: neither pinned down nor lift-tested,
   * and not collinear with the model's other columns (there the profile, which holds the other channels at the
   * estimate, is far from the joint posterior; see {@link PosteriorRoi}).
   */
  private static boolean atMean(ChannelIdentification id) {
    return !id.movable() && id.collinearity() <= ChannelIdentification.COLLINEARITY;
  }

  /** The media's ROI over all channels at the estimate, or 1 where the estimate has no media effect. */
  private static double mediaRoi(MixData data, double[] rois) {
    double contribution = 0;
    double spend = 0;
    for (int c = 0; c < rois.length; c++) {
      contribution += rois[c] * data.totalSpend(data.channels().get(c));
      spend += data.totalSpend(data.channels().get(c));
    }
    return contribution > 0 ? contribution / spend : 1;
  }

  /** Each channel's ROI by {@code curves}: its contributions over the data's spend per unit spent. */
  private static double[] rois(List<ChannelCurve> curves, MixData data) {
    double[] out = new double[curves.size()];
    for (int c = 0; c < out.length; c++) {
      String channel = data.channels().get(c);
      out[c] = java.util.Arrays.stream(curves.get(c).contributions(data.spend(channel))).sum()
          / data.totalSpend(channel);
    }
    return out;
  }


  /**
   * The ridge penalty a rolling-origin validation prefers for these series, chosen without any truth: the
   * model is fitted (as {@link #fit(MixData, MixSettings, List, MixPriors)}, without resamples) on the periods
   * before each of two forecast origins, a quarter of a season and half a season before the end, at each
   * penalty of {@code {0.01, 0.03, 0.1, 0.3, 1}}, and forecasts the quarter season after its origin; the
   * penalty with the least sum of squared forecast errors wins, ties to the larger. Ten fits: about ten times
   * the cost of a fit without resamples. Use it as {@code settings.withRidge(validatedRidge(...))}.
   *
   * <p>Not the default, and measured not to help on the simulated worlds (issue 14, 20 resamples): on the default
   * world it chose 0.01 on 5 of 8 seeds (17-24) and raised the share error 0.036 -> 0.039 (seeds 1-8: 0.040 ->
   * 0.042); on the misallocated world's seeds 1-8 it lowered the cautious plan's gain from +0.48 to +0.36 of the
   * true optimum's. A 13-period forecast barely depends on how the level is split between a slow channel and the
   * trend, so it judges the fit, not that split.
   *
   * @param data the series
   * @param settings the settings (their ridge is returned when the series are too short for the two folds)
   * @param lifts the lift tests; a fold keeps those that end before its origin
   * @param priors the priors
   * @return the penalty
   * @throws InvalidFieldException as {@link #fit(MixData, MixSettings, List, MixPriors)}
   */
  public static double validatedRidge(MixData data, MixSettings settings, List<LiftTest> lifts,
      MixPriors priors) {
    return RidgeValidation.choose(data, settings, lifts, priors);
  }

  /**
   * The fit's point estimate and the problem it minimises: the uncalibrated fit, then, with lift tests or ROI
   * priors, the calibrated fit at the uncalibrated fit's noise level.
   */
  static Estimate estimate(MixData data, MixSettings settings, List<LiftTest> lifts, MixPriors priors) {
    List<MixProblem.Lift> tests = new ArrayList<>();
    for (LiftTest lift : lifts) {
      tests.add(lift(data, lift));
    }
    List<MixProblem.HalfLifePrior> halfLives = new ArrayList<>();
    priors.halfLives().forEach((channel, prior) -> halfLives.add(
        new MixProblem.HalfLifePrior(data.index(channel), prior.median(), Math.log(prior.factor()))));
    List<MixProblem.RoiPrior> rois = roiPriors(data, priors);
    MixProblem problem = MixProblem.of(data.spendMatrix(), data.outcome(), data.controlMatrix(),
        new MixProblem.Settings(settings.adstock() == Adstock.GEOMETRIC ? 0 : settings.maxLag(),
            settings.maxHalfLife(), settings.seasonLength(), settings.fourierOrder(), settings.ridge()))
        .withHalfLifePriors(halfLives);
    double[] y = problem.outcome();
    MixFitter.Point point = MixFitter.fit(problem, y, settings.starts(), settings.seed(), settings.evaluations());
    if (!tests.isEmpty() || !rois.isEmpty()) {
      double noise = Math.sqrt(point.evaluation().rss() / y.length);
      problem = problem.calibrated(tests, rois, noise);
      MixFitter.Point calibrated = MixFitter.fit(problem, y, settings.starts(), settings.seed(),
          settings.evaluations());
      MixFitter.Point fromEstimate = MixFitter.search(problem, y, point.unit(), 0.1, settings.evaluations());
      point = calibrated.evaluation().objective() <= fromEstimate.evaluation().objective()
          ? calibrated : fromEstimate;
    }
    return new Estimate(problem, point, tests);
  }

  /** A point estimate, the problem it minimises and the lift tests in it. */
  record Estimate(MixProblem problem, MixFitter.Point point, List<MixProblem.Lift> tests) {}

  /**
   * Each channel's {@link ChannelIdentification}: the profile's rises at half and twice the estimated ROI (each
   * search of the channel's own parameters limited to {@value #PROFILE_EVALUATIONS} evaluations) and the
   * collinearity of its media column at the estimate.
   */
  private static List<ChannelIdentification> identification(MixData data, MixProblem problem,
      MixFitter.Point point, List<MixProblem.Lift> tests, double[] rois) {
    List<ChannelIdentification> out = new ArrayList<>();
    for (int c = 0; c < data.channels().size(); c++) {
      String channel = data.channels().get(c);
      double roi = rois[c];
      double half = roi > 0 ? RoiProfile.rise(problem, point, c, roi / 2, PROFILE_EVALUATIONS) : 0;
      // once half the ROI is not ruled out, the channel is not pinned down whatever twice gives: not searched
      double twice = half >= ChannelIdentification.PROFILE_RISE
          ? RoiProfile.rise(problem, point, c, 2 * roi, PROFILE_EVALUATIONS) : Double.NaN;
      int index = c;
      out.add(new ChannelIdentification(channel, half, twice, problem.collinearity(point.unit(), c),
          tests.stream().anyMatch(t -> t.channel() == index)));
    }
    return out;
  }

  /**
   * Each channel's {@link ProfileInterval}, stepping from the media's ROI over all channels where a channel's
   * estimate is 0.
   */
  private static List<double[]> profiles(MixProblem problem, MixFitter.Point point, double[] rois, double scale) {
    double threshold = RoiProfile.intervalRise(problem,
        problem.dimension() + point.evaluation().coefficients().length);
    List<double[]> out = new ArrayList<>(rois.length);
    for (int c = 0; c < rois.length; c++) {
      out.add(ProfileInterval.of(problem, point, c, rois[c], scale, PROFILE_EVALUATIONS, WIDE_PROFILE_EVALUATIONS,
          threshold));
    }
    return out;
  }

  private static List<MixWarning> unidentified(List<ChannelIdentification> identification, double[] rois,
      MixData data) {
    List<MixWarning> out = new ArrayList<>();
    for (ChannelIdentification id : identification) {
      if (id.movable()) {
        continue;
      }
      String channel = id.channel();
      double roi = rois[data.index(channel)];
      String twice = Double.isNaN(id.doubleRoiRise()) ? ""
          : String.format(java.util.Locale.ROOT, ", at twice by %.2f", id.doubleRoiRise());
      out.add(new MixWarning(channel, MixWarning.Kind.NOT_IDENTIFIED, String.format(java.util.Locale.ROOT,
          "channel '%s': the data cannot pin its ROI %.3g down (held at half, the fit's objective rises by %.2f%s,"
          + " where %.2f would rule it out at 90 %%; R² %.2f on the model's other columns), so %sa cautious budget"
          + " recommendation keeps its spend; a lift test would settle it", channel, roi, id.halfRoiRise(), twice,
          ChannelIdentification.PROFILE_RISE, id.collinearity(),
          atMean(id) ? "its figures are the mean over the ROIs the data allow and " : "")));
    }
    return out;
  }

  private static List<MixWarning> warnings(MixData data, MixProblem problem, MixFitter.Point point,
      List<ChannelIdentification> identification, List<ChannelCurve> fitted, List<LiftTest> lifts) {
    List<MixWarning> out = new ArrayList<>();
    for (int c = 0; c < fitted.size(); c++) {
      String channel = data.channels().get(c);
      double[] spend = data.spend(channel);
      double low = java.util.Arrays.stream(spend).min().orElse(0);
      double high = java.util.Arrays.stream(spend).max().orElse(0);
      if (high - low <= 1e-9 * high) {
        out.add(new MixWarning(channel, MixWarning.Kind.CONSTANT_SPEND, "channel '" + channel
            + "': spend " + high + " in every period, so its effect cannot be told from the baseline"));
      }
      if (fitted.get(c).maxEffect() <= 0) {
        out.add(new MixWarning(channel, MixWarning.Kind.NO_EFFECT, noEffect(channel, identification.get(c),
            lifts.stream().filter(l -> l.channel().equals(channel)).toList())));
        continue;
      }
      for (String limit : problem.atLimit(point.unit(), c)) {
        out.add(new MixWarning(channel, MixWarning.Kind.AT_LIMIT, "channel '" + channel + "': " + limit
            + ", so the data would have gone further and its interval is cut there"));
      }
    }
    return out;
  }

  /**
   * Why a channel's effect is 0 and what would settle it. A lift test whose whole interval is below 0 says the
   * channel hurts, which this model's non-negative effects cannot hold: 0 is the nearest it comes.
   */
  private static String noEffect(String channel, ChannelIdentification id, List<LiftTest> tests) {
    String start = "channel '" + channel + "': the best fit puts its effect at 0 (";
    for (LiftTest test : tests) {
      if (test.high() < 0) {
        return start + "its lift test from " + test.from() + " to " + test.to() + " measured " + test.incremental()
            + " [" + test.low() + ", " + test.high() + "], below 0, and effects in this model cannot be negative:"
            + " 0 is the nearest it comes; a channel that hurts is outside the model)";
      }
    }
    return start + "no response told apart from the noise"
        + (atMean(id) ? "; its figures are the mean over the ROIs the data allow" : "")
        + (tests.isEmpty() ? "; a lift test would settle it)" : ", and its lift test's interval holds 0)");
  }

  private static List<MixProblem.RoiPrior> roiPriors(MixData data, MixPriors priors) {
    for (String named : priors.channelRois().keySet()) {
      data.index(named);
    }
    List<MixProblem.RoiPrior> out = new ArrayList<>();
    MixPriors.Roi common = priors.common(data);
    for (int c = 0; c < data.channels().size(); c++) {
      MixPriors.Roi own = priors.channelRois().get(data.channels().get(c));
      MixPriors.Roi prior = own != null ? own : common;
      if (prior != null) {
        out.add(new MixProblem.RoiPrior(c, prior.mean(), prior.sd()));
      }
    }
    return out;
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
    int to = data.periodOf(lift.to());
    double[] spend = data.spend(lift.channel());
    if (java.util.Arrays.stream(spend, 0, to + 1).allMatch(v -> v == 0)) {
      throw new InvalidFieldException("to", lift.to(), "must come after some spend on " + lift.channel()
          + ", which spends nothing up to then, so the test measured nothing the channel's spend did");
    }
    return new MixProblem.Lift(channel, data.periodOf(lift.from()), to, lift.incremental(), lift.low(),
        lift.high(), STANDARD_NORMAL.inverseCumulativeProbability((1 + lift.level()) / 2));
  }
}
