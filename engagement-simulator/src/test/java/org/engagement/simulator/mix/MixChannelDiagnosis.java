package org.engagement.simulator.mix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixPriors;
import org.engagement.roi.mix.MixSettings;
import org.engagement.roi.mix.internal.ChannelCurve;
import org.engagement.roi.mix.internal.MixFitter;
import org.engagement.roi.mix.internal.MixProblem;
import org.engagement.roi.mix.internal.RoiProfile;

/**
 * Why is one channel's ROI biased? For seeds 1 to 8 of {@link MixWorldSpec#defaults} (or the seeds and world
 * of {@code -Dfrom=N -Dworld=s-curves}) this fits the model as {@code MarketingMix} does (first stage, then the
 * ROI priors at the first stage's noise level) and prints, for the channel named by {@code -Dchannel}
 * (search by default), its fitted curve against the truth, its ROI without the ROI priors, without the ridge and
 * without its own carry-over and saturation priors, and the rise of the objective with its ROI held at the true
 * value: searching only its own parameters and searching every channel's (a joint profile), split into the fit
 * ({@code RSS / 2σ²}) and the rest (ridge, priors). A diagnosis, not a test: it reaches into roi's internal
 * package. Run with {@code java -cp ... org.engagement.simulator.mix.MixChannelDiagnosis}.
 */
final class MixChannelDiagnosis {
  private MixChannelDiagnosis() {}

  public static void main(String[] args) {
    MixSettings settings = MixSettings.weekly();
    String name = System.getProperty("channel", "search");
    long first = Long.getLong("from", 1);
    boolean sCurves = "s-curves".equals(System.getProperty("world"));
    for (long seed = first; seed < first + 8; seed++) {
      MixWorld world = MixSimulation.generate(sCurves ? MixWorldSpec.sCurves(seed) : MixWorldSpec.defaults(seed));
      MixData data = MixWorlds.data(world);
      int c = data.channels().indexOf(name);
      MixChannel truth = world.spec().channels().get(world.channels().indexOf(name));
      double trueRoi = world.trueRoi(world.channels().indexOf(name));
      Fit fit = fit(data, settings, settings.ridge());
      Fit noRidge = fit(data, settings, 0);
      double sigma = Math.sqrt(fit.first.evaluation().rss() / data.periods().size());
      MixProblem free = fit.second.withoutShapePriors(c);
      MixFitter.Point freed = MixFitter.search(free, fit.second.outcome(), fit.point.unit(), 0.1,
          settings.evaluations());
      ChannelCurve curve = fit.second.curve(fit.point.unit(), fit.point.evaluation().coefficients(), c);
      System.out.printf(Locale.ROOT, "seed %d %s: true roi %.2f, half-life %.1f, K %.2f, shape %.1f | estimate"
          + " roi %.2f, half-life %.2f, K %.2f, shape %.2f; first stage roi %.2f; ridge 0 roi %.2f; own priors off"
          + " roi %.2f%n",
          seed, name, trueRoi, truth.halfLife(), truth.halfSaturation() * truth.meanSpend()
              / world.meanSpend(world.channels().indexOf(name)), truth.shape(),
          roi(fit.second, fit.point, data, c), curve.halfLife(), curve.halfSaturation(), curve.shape(),
          roi(fit.firstProblem, fit.first, data, c),
          roi(noRidge.second, noRidge.point, data, c), roi(free, freed, data, c));
      MixProblem held = fit.second.withRoiHeld(c, trueRoi);
      double own = RoiProfile.minimum(held, fit.point.unit(), c, 400);
      MixFitter.Point joint = MixFitter.search(held, fit.second.outcome(), fit.point.unit(), 0.1,
          settings.evaluations());
      double fitAt = fit.point.evaluation().rss() / (2 * sigma * sigma);
      double fitJoint = joint.evaluation().rss() / (2 * sigma * sigma);
      System.out.printf(Locale.ROOT, "  roi held at the truth: own-only rise %.2f, joint rise %.2f (fit %+.2f, rest"
          + " %+.2f)%n", own - fit.point.evaluation().objective(),
          joint.evaluation().objective() - fit.point.evaluation().objective(), fitJoint - fitAt,
          joint.evaluation().objective() - fitJoint - (fit.point.evaluation().objective() - fitAt));
      double[] at = terms(fit.second, fit.point, data, settings.ridge(), sigma);
      double[] there = terms(held, joint, data, settings.ridge(), sigma);
      System.out.printf(Locale.ROOT, "  rise split: ridge %+.2f, roi priors %+.2f, shape/K/half-life priors %+.2f%n",
          there[0] - at[0], there[1] - at[1], (joint.evaluation().objective() - fitJoint - there[0] - there[1])
              - (fit.point.evaluation().objective() - fitAt - at[0] - at[1]));
      StringBuilder moved = new StringBuilder("  joint profile's other channels: ");
      for (int d = 0; d < data.channels().size(); d++) {
        moved.append(String.format(Locale.ROOT, "%s %.2f->%.2f ", data.channels().get(d),
            roi(fit.second, fit.point, data, d), roi(held, joint, data, d)));
      }
      double[] b0 = fit.point.evaluation().coefficients();
      double[] b1 = joint.evaluation().coefficients();
      moved.append(String.format(Locale.ROOT, "| intercept %.4f->%.4f trend %.4f->%.4f", b0[0], b1[0], b0[1], b1[1]));
      System.out.println(moved);
    }
  }

  record Fit(MixProblem firstProblem, MixFitter.Point first, MixProblem second, MixFitter.Point point) {}

  static Fit fit(MixData data, MixSettings settings, double ridge) {
    double[][] spend = new double[data.channels().size()][];
    for (int c = 0; c < spend.length; c++) {
      spend[c] = data.spend(data.channels().get(c));
    }
    MixProblem problem = MixProblem.of(spend, data.outcome(), new double[0][],
        new MixProblem.Settings(0, settings.maxHalfLife(), settings.seasonLength(), settings.fourierOrder(), ridge));
    double[] y = problem.outcome();
    MixFitter.Point point = MixFitter.fit(problem, y, settings.starts(), settings.seed(), settings.evaluations());
    List<MixProblem.RoiPrior> rois = new ArrayList<>();
    MixPriors.Roi roi = MixPriors.defaults().roi();
    for (int c = 0; c < data.channels().size(); c++) {
      rois.add(new MixProblem.RoiPrior(c, roi.mean(), roi.sd()));
    }
    MixProblem second = problem.calibrated(List.of(), rois, Math.sqrt(point.evaluation().rss() / y.length));
    MixFitter.Point calibrated = MixFitter.fit(second, y, settings.starts(), settings.seed(), settings.evaluations());
    MixFitter.Point fromEstimate = MixFitter.search(second, y, point.unit(), 0.1, settings.evaluations());
    MixFitter.Point best = calibrated.evaluation().objective() <= fromEstimate.evaluation().objective()
        ? calibrated : fromEstimate;
    return new Fit(problem, point, second, best);
  }

  /** The ridge's and the ROI priors' terms of the objective at a point. */
  private static double[] terms(MixProblem problem, MixFitter.Point point, MixData data, double ridge, double sigma) {
    double[] b = point.evaluation().coefficients();
    int channels = data.channels().size();
    int pb = b.length - channels;
    MixPriors.Roi prior = MixPriors.defaults().roi();
    double r = 0;
    double p = 0;
    for (int c = 0; c < channels; c++) {
      r += ridge * b[pb + c] * b[pb + c] / (2 * sigma * sigma);
      double z = (roi(problem, point, data, c) - prior.mean()) / prior.sd();
      p += 0.5 * z * z;
    }
    return new double[] {r, p};
  }

  static double roi(MixProblem problem, MixFitter.Point point, MixData data, int c) {
    String channel = data.channels().get(c);
    double[] part = problem.curve(point.unit(), point.evaluation().coefficients(), c)
        .contributions(data.spend(channel));
    return Arrays.stream(part).sum() / data.totalSpend(channel);
  }
}
