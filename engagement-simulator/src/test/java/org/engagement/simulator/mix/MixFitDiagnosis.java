package org.engagement.simulator.mix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixPriors;
import org.engagement.roi.mix.MixSettings;
import org.engagement.roi.mix.internal.MixFitter;
import org.engagement.roi.mix.internal.MixProblem;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

/**
 * Is the mix model's share error a search that stops short, or an objective whose optimum is not the truth?
 * For seeds 1 to 8 of {@link MixWorldSpec#defaults} this prints the objective (penalised negative
 * log-likelihood, as {@code MarketingMix} minimises it with the weekly settings) at the fit from the default
 * two starts, from eight starts, from a global CMA-ES search of the whole box polished by BOBYQA, and at the
 * true parameters (mapped into the model's unit box), then each stage's shares. A diagnosis, not a test: it
 * reaches into roi's internal package (tests run on the class path), so it stays in the tests. Run with
 * {@code java -cp ... org.engagement.simulator.mix.MixFitDiagnosis}.
 */
final class MixFitDiagnosis {
  private static final int EVALUATIONS = MixSettings.weekly().evaluations();
  private static final double MIN_HALF_LIFE = 0.1;
  private static final double MIN_HALF_SATURATION = 0.2;
  private static final double MAX_HALF_SATURATION = 5;
  private static final double MIN_SHAPE = 0.5;
  private static final double MAX_SHAPE = 3;

  private MixFitDiagnosis() {}

  public static void main(String[] args) {
    MixSettings settings = MixSettings.weekly();
    for (long seed = 1; seed <= 8; seed++) {
      MixWorld world = MixSimulation.generate(MixWorldSpec.defaults(seed));
      MixData data = MixWorlds.data(world);
      double[][] spend = new double[data.channels().size()][];
      for (int c = 0; c < spend.length; c++) {
        spend[c] = data.spend(data.channels().get(c));
      }
      MixProblem problem = MixProblem.of(spend, data.outcome(), new double[0][],
          new MixProblem.Settings(0, settings.maxHalfLife(), settings.seasonLength(), settings.fourierOrder(),
              settings.ridge()));
      double[] y = problem.outcome();
      MixFitter.Point two = MixFitter.fit(problem, y, 2, settings.seed(), EVALUATIONS);
      MixFitter.Point eight = MixFitter.fit(problem, y, 8, settings.seed(), EVALUATIONS);
      MixFitter.Point global = cmaes(problem, y, seed);
      double[] truth = trueUnit(world, data, settings.maxHalfLife());
      System.out.printf(Locale.ROOT, "seed %d, first stage: two starts %.2f, eight starts %.2f, CMA-ES %.2f, "
          + "truth %.2f%n", seed, two.evaluation().objective(), eight.evaluation().objective(),
          global.evaluation().objective(), problem.objective(truth, y));
      List<MixProblem.RoiPrior> rois = new ArrayList<>();
      MixPriors.Roi roi = MixPriors.defaults().roi();
      for (int c = 0; c < spend.length && roi != null; c++) {
        rois.add(new MixProblem.RoiPrior(c, roi.mean(), roi.sd()));
      }
      MixProblem second = problem.calibrated(List.of(), rois, Math.sqrt(two.evaluation().rss() / y.length));
      MixFitter.Point fit = MixFitter.search(second, y, two.unit(), 0.1, EVALUATIONS);
      MixFitter.Point fromTruth = MixFitter.search(second, y, truth, 0.1, EVALUATIONS);
      System.out.printf(Locale.ROOT, "  second stage: fit %.2f, truth %.2f, searched from the truth %.2f%n",
          fit.evaluation().objective(), second.objective(truth, y), fromTruth.evaluation().objective());
      System.out.printf(Locale.ROOT, "  shares (%s)%n    fit   %s%n    truth's transforms %s%n    true  %s%n",
          String.join(", ", data.channels()), shares(second, fit.unit(), fit.evaluation(), data),
          shares(second, truth, second.evaluate(truth, y), data), trueShares(world, data));
    }
  }

  private static MixFitter.Point cmaes(MixProblem problem, double[] y, long seed) {
    int d = problem.dimension();
    double[] lower = new double[d];
    double[] upper = new double[d];
    double[] centre = new double[d];
    double[] sigma = new double[d];
    Arrays.fill(upper, 1);
    Arrays.fill(centre, 0.5);
    Arrays.fill(sigma, 0.3);
    double[] best = centre.clone();
    double[] bestValue = {Double.POSITIVE_INFINITY};
    CMAESOptimizer optimizer = new CMAESOptimizer(2 * EVALUATIONS, Double.NEGATIVE_INFINITY, true, 0, 0,
        new Well19937c(seed), false, new SimpleValueChecker(1e-9, 1e-12));
    try {
      optimizer.optimize(new MaxEval(2 * EVALUATIONS), new ObjectiveFunction(unit -> {
        double value = problem.objective(unit, y);
        if (value < bestValue[0]) {
          bestValue[0] = value;
          System.arraycopy(unit, 0, best, 0, d);
        }
        return value;
      }), GoalType.MINIMIZE, new InitialGuess(centre), new SimpleBounds(lower, upper),
          new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(d))));
    } catch (MathIllegalStateException e) {
      // the evaluation budget ran out: the best point seen is polished
    }
    return MixFitter.search(problem, y, best, 0.1, EVALUATIONS);
  }

  /** The true parameters in the model's unit box (geometric carry-over: half-life, half-saturation, shape). */
  private static double[] trueUnit(MixWorld world, MixData data, double maxHalfLife) {
    double[] unit = new double[3 * data.channels().size()];
    for (int c = 0; c < data.channels().size(); c++) {
      int w = world.channels().indexOf(data.channels().get(c));
      MixChannel channel = world.spec().channels().get(w);
      // the model's half-saturation is relative to the data's mean spend, the world's to its planned mean
      double halfSaturation = channel.halfSaturation() * channel.meanSpend() / world.meanSpend(w);
      unit[3 * c] = clamp(Math.log(Math.max(channel.halfLife(), MIN_HALF_LIFE) / MIN_HALF_LIFE)
          / Math.log(maxHalfLife / MIN_HALF_LIFE));
      unit[3 * c + 1] = clamp(Math.log(halfSaturation / MIN_HALF_SATURATION)
          / Math.log(MAX_HALF_SATURATION / MIN_HALF_SATURATION));
      unit[3 * c + 2] = clamp((channel.shape() - MIN_SHAPE) / (MAX_SHAPE - MIN_SHAPE));
    }
    return unit;
  }

  private static String shares(MixProblem problem, double[] unit, MixProblem.Evaluation evaluation,
      MixData data) {
    double[] totals = new double[data.channels().size()];
    for (int c = 0; c < totals.length; c++) {
      for (double v : problem.curve(unit, evaluation.coefficients(), c)
          .contributions(data.spend(data.channels().get(c)))) {
        totals[c] += v;
      }
    }
    double sum = Arrays.stream(totals).sum();
    return format(Arrays.stream(totals).map(v -> v / sum).toArray());
  }

  private static String trueShares(MixWorld world, MixData data) {
    double[] truth = world.trueShares();
    return format(data.channels().stream().mapToDouble(name -> truth[world.channels().indexOf(name)])
        .toArray());
  }

  private static String format(double[] values) {
    StringBuilder out = new StringBuilder();
    for (double v : values) {
      out.append(String.format(Locale.ROOT, "%.3f ", v));
    }
    return out.toString().trim();
  }

  private static double clamp(double u) {
    return Math.max(0, Math.min(1, u));
  }
}
