package org.engagement.simulator.mix;

import java.util.Locale;
import org.engagement.roi.mix.ChannelIdentification;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixSettings;
import org.engagement.roi.mix.internal.MixProblem;
import org.engagement.roi.mix.internal.PosteriorRoi;
import org.engagement.roi.mix.internal.RoiProfile;

/**
 * Would shares from the mean of each channel's profile posterior beat the point fit's (a posterior mode)? For
 * seeds {@code -Dfrom=N} to N+7 of the world named by {@code -Dworld}, this fits the model as {@code MarketingMix}
 * does and, per channel, takes the mean of {@code exp(-rise)} over {@link PosteriorRoi#mean}'s grid of held ROIs
 * (1/16 to 16 times the estimate, or the media's ROI over all channels where the estimate is 0, in steps of √2),
 * the rise of the own-search profile ({@link RoiProfile#minimum}); the mean ROI times spend gives the shares. {@code -Dshape=false}
 * drops the channel's own carry-over and saturation priors from the profile, {@code -DheldOnly=true} takes the
 * mean only for the channels the identification does not pin down (the others at the mode), {@code
 * -DorthogonalOnly=true} also leaves the channels collinear with the model's other columns at the mode; each seed's
 * line gives the media's contribution over the outcome too. The harness that chose what the model does ({@code
 * internal/PosteriorRoi}: held-only, orthogonal-only, without shape priors; issue 14, fifteenth session, figures in
 * the README). A diagnosis, not a test.
 */
final class MixPosteriorShares {
  private static final int EVALUATIONS = 200;

  private MixPosteriorShares() {}

  public static void main(String[] args) {
    MixSettings settings = MixSettings.weekly();
    long first = Long.getLong("from", 1);
    boolean shapePriors = Boolean.parseBoolean(System.getProperty("shape", "true"));
    boolean heldOnly = Boolean.getBoolean("heldOnly");
    boolean orthogonalOnly = Boolean.getBoolean("orthogonalOnly");
    double pointError = 0;
    double meanError = 0;
    for (long seed = first; seed < first + 8; seed++) {
      MixWorld world = MixSimulation.generate(MixWorlds.spec(seed));
      MixData data = MixWorlds.data(world);
      MixChannelDiagnosis.Fit fit = MixChannelDiagnosis.fit(data, settings, settings.ridge());
      int channels = data.channels().size();
      double[] point = new double[channels];
      double[] mean = new double[channels];
      double[] spend = new double[channels];
      double[] truth = new double[channels];
      double media = 0;
      double total = 0;
      for (int c = 0; c < channels; c++) {
        String name = data.channels().get(c);
        point[c] = MixChannelDiagnosis.roi(fit.second(), fit.point(), data, c);
        spend[c] = data.totalSpend(name);
        truth[c] = world.trueShares()[world.channels().indexOf(name)];
        media += point[c] * spend[c];
        total += spend[c];
      }
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < channels; c++) {
        MixProblem problem = shapePriors ? fit.second() : fit.second().withoutShapePriors(c);
        if ((heldOnly && pinned(fit, c, point[c]))
            || (orthogonalOnly && fit.second().collinearity(fit.point().unit(), c)
                > ChannelIdentification.COLLINEARITY)) {
          mean[c] = point[c];
          continue;
        }
        mean[c] = posteriorMean(problem, fit, c, point[c] > 0 ? point[c] : media / total);
        line.append(String.format(Locale.ROOT, " %s %.2f->%.2f", data.channels().get(c), point[c], mean[c]));
      }
      double a = error(point, spend, truth);
      double b = error(mean, spend, truth);
      pointError += a / 8;
      meanError += b / 8;
      double outcome = java.util.Arrays.stream(data.outcome()).sum();
      System.out.printf(Locale.ROOT, "seed %d: share error point %.4f, posterior mean %.4f; media/outcome %.3f ->"
          + " %.3f |%s%n", seed, a, b, dot(point, spend) / outcome, dot(mean, spend) / outcome, line);
    }
    System.out.printf(Locale.ROOT, "mean share error: point %.4f, posterior mean %.4f (shape priors %s, held only"
        + " %s, orthogonal only %s)%n", pointError, meanError, shapePriors, heldOnly, orthogonalOnly);
  }

  /** As {@code MarketingMix}'s identification: {@link ChannelIdentification#pinnedDown()} on the same rises. */
  private static boolean pinned(MixChannelDiagnosis.Fit fit, int c, double roi) {
    double half = roi > 0 ? RoiProfile.rise(fit.second(), fit.point(), c, roi / 2, EVALUATIONS) : 0;
    double twice = RoiProfile.rise(fit.second(), fit.point(), c, 2 * roi, EVALUATIONS);
    return new ChannelIdentification("", half, twice, fit.second().collinearity(fit.point().unit(), c), false)
        .pinnedDown();
  }

  private static double posteriorMean(MixProblem problem, MixChannelDiagnosis.Fit fit, int c, double from) {
    int wide = Integer.getInteger("wide", 0);
    return PosteriorRoi.mean(r -> wide > 0
        ? RoiProfile.wideMinimum(problem.withRoiHeld(c, r), fit.point().unit(), c, EVALUATIONS, wide)
        : RoiProfile.minimum(problem.withRoiHeld(c, r), fit.point().unit(), c, EVALUATIONS), from);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double error(double[] roi, double[] spend, double[] truth) {
    double sum = 0;
    for (int c = 0; c < roi.length; c++) {
      sum += roi[c] * spend[c];
    }
    double error = 0;
    for (int c = 0; c < roi.length; c++) {
      error += Math.abs(roi[c] * spend[c] / sum - truth[c]) / roi.length;
    }
    return error;
  }
}
