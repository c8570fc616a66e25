package org.engagement.simulator.mix;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixSettings;
import org.engagement.roi.mix.internal.ChannelCurve;
import org.engagement.roi.mix.internal.MixProblem;

/**
 * What limits issue 14's third aim (95 % of the true optimum's gain)? For seeds 1 to 8 of {@link
 * MixWorldSpec#defaults} (or {@code -Dfrom=N -Dworld=s-curves|misallocated}, {@link MixWorlds#spec}) this prints, per seed: the true optimum's gain
 * per period (today's total, each channel between half and twice its spend) against the outcome and the noise;
 * the gain ratio of a plan made from an <em>oracle fit</em>, every channel's carry-over and saturation held at the
 * truth and only the linear part (levels, baseline) solved on the noisy series, with the model's ridge and
 * without; and how precisely the levels must be known: the gain ratio of plans made from the true curves with
 * each channel's level multiplied by {@code exp(s·z)}, {@code z} standard normal, for a few {@code s}. Plans
 * are the best split of the budget on a grid ({@link TrueOptimum}) under the curves given, valued on the true
 * curves; with {@code -Dhold=channel} also the oracle's plan with that channel held at its current spend (as the
 * cautious plan holds a channel the fit cannot pin down). A diagnosis, not a test: it reaches into roi's internal
 * package. Run with {@code java -cp ... org.engagement.simulator.mix.MixGainDiagnosis}.
 */
final class MixGainDiagnosis {
  private static final double[] LEVEL_ERRORS = {0.05, 0.1, 0.2, 0.35};
  private static final int DRAWS = 100;

  private MixGainDiagnosis() {}

  public static void main(String[] args) {
    long first = Long.getLong("from", 1);
    MixSettings settings = MixSettings.weekly();
    for (long seed = first; seed < first + 8; seed++) {
      MixWorldSpec spec = MixWorlds.spec(seed);
      MixWorld world = MixSimulation.generate(spec);
      int channels = world.channels().size();
      DoubleUnaryOperator[] truth = new DoubleUnaryOperator[channels];
      double[] current = new double[channels];
      for (int c = 0; c < channels; c++) {
        truth[c] = spec.channels().get(c)::steadyResponse;
        current[c] = world.meanSpend(c);
      }
      double budget = MixAims.budget(world);
      double[] best = plan(truth, budget, current);
      double gain = value(truth, best) - value(truth, current);
      double outcome = Arrays.stream(world.outcome()).average().orElseThrow();
      double noise = spec.noise() * spec.baseline();
      System.out.printf(Locale.ROOT, "seed %d: optimum's gain %.0f per period = %.2f %% of the outcome (%.0f),"
          + " %.2f %% of media's (%.0f), %.2f noise sd (%.0f); budget %.0f%n", seed, gain, 100 * gain / outcome,
          outcome, 100 * gain / value(truth, current), value(truth, current), gain / noise, noise, budget);
      MixData data = MixWorlds.data(world);
      for (double ridge : new double[] {settings.ridge(), 0}) {
        DoubleUnaryOperator[] oracle = oracle(spec, world, data, settings, ridge);
        double[] planned = plan(oracle, budget, current);
        System.out.printf(Locale.ROOT, "  oracle fit (true curves, levels solved), ridge %.2f: gain ratio %.3f;"
            + " levels/true %s%n", ridge, ratio(truth, planned, current, best),
            levelRatios(oracle, truth, current));
      }
      int held = world.channels().indexOf(System.getProperty("hold", ""));
      if (held >= 0) {
        double[] low = new double[channels];
        double[] high = new double[channels];
        for (int c = 0; c < channels; c++) {
          low[c] = c == held ? current[c] - budget / 1_000 : 0.5 * current[c];
          high[c] = c == held ? current[c] + budget / 1_000 : 2 * current[c];
        }
        double[] planned = TrueOptimum.best(oracle(spec, world, data, settings, settings.ridge()), budget, low, high);
        System.out.printf(Locale.ROOT, "  oracle fit, ridge %.2f, %s held: gain ratio %.3f%n", settings.ridge(),
            world.channels().get(held), ratio(truth, planned, current, best));
      }
      StringBuilder levels = new StringBuilder("  true curves, levels off by exp(s z):");
      SplittableRandom random = new SplittableRandom(seed);
      for (double s : LEVEL_ERRORS) {
        double[] ratios = new double[DRAWS];
        for (int k = 0; k < DRAWS; k++) {
          DoubleUnaryOperator[] off = new DoubleUnaryOperator[channels];
          for (int c = 0; c < channels; c++) {
            double factor = Math.exp(s * random.nextGaussian());
            DoubleUnaryOperator curve = truth[c];
            off[c] = x -> factor * curve.applyAsDouble(x);
          }
          ratios[k] = ratio(truth, plan(off, budget, current), current, best);
        }
        Arrays.sort(ratios);
        long above = Arrays.stream(ratios).filter(r -> r >= 0.95).count();
        levels.append(String.format(Locale.ROOT, " s %.2f: median %.3f, mean %.3f, >= 0.95 in %d %%;", s,
            ratios[DRAWS / 2], Arrays.stream(ratios).average().orElseThrow(), 100 * above / DRAWS));
      }
      System.out.println(levels);
    }
  }

  /** The steady curves of a fit whose non-linear parameters are the truth, in the world's channel order. */
  private static DoubleUnaryOperator[] oracle(MixWorldSpec spec, MixWorld world, MixData data,
      MixSettings settings, double ridge) {
    int channels = data.channels().size();
    double[][] spend = new double[channels][];
    double[] unit = new double[3 * channels];
    for (int d = 0; d < channels; d++) {
      String name = data.channels().get(d);
      spend[d] = data.spend(name);
      int c = world.channels().indexOf(name);
      MixChannel channel = spec.channels().get(c);
      unit[3 * d] = Math.log(Math.max(channel.halfLife(), 0.1) / 0.1) / Math.log(settings.maxHalfLife() / 0.1);
      double k = channel.halfSaturation() * channel.meanSpend() / world.meanSpend(c);
      unit[3 * d + 1] = Math.log(k / 0.2) / Math.log(5 / 0.2);
      unit[3 * d + 2] = (channel.shape() - 0.5) / 2.5;
    }
    MixProblem problem = MixProblem.of(spend, data.outcome(), new double[0][],
        new MixProblem.Settings(0, settings.maxHalfLife(), settings.seasonLength(), settings.fourierOrder(), ridge));
    double[] coefficients = problem.evaluate(unit, problem.outcome()).coefficients();
    DoubleUnaryOperator[] out = new DoubleUnaryOperator[channels];
    for (int d = 0; d < channels; d++) {
      ChannelCurve curve = problem.curve(unit, coefficients, d);
      out[world.channels().indexOf(data.channels().get(d))] = curve::steady;
    }
    return out;
  }

  private static String levelRatios(DoubleUnaryOperator[] estimate, DoubleUnaryOperator[] truth, double[] at) {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c < truth.length; c++) {
      out.append(String.format(Locale.ROOT, "%.2f ", estimate[c].applyAsDouble(at[c]) / truth[c].applyAsDouble(at[c])));
    }
    return out.toString().trim();
  }

  private static double[] plan(DoubleUnaryOperator[] curves, double budget, double[] current) {
    double[] low = new double[current.length];
    double[] high = new double[current.length];
    for (int c = 0; c < current.length; c++) {
      low[c] = 0.5 * current[c];
      high[c] = 2 * current[c];
    }
    return TrueOptimum.best(curves, budget, low, high);
  }

  private static double ratio(DoubleUnaryOperator[] truth, double[] plan, double[] current, double[] best) {
    return (value(truth, plan) - value(truth, current)) / (value(truth, best) - value(truth, current));
  }

  private static double value(DoubleUnaryOperator[] curves, double[] spend) {
    double sum = 0;
    for (int c = 0; c < curves.length; c++) {
      sum += curves[c].applyAsDouble(spend[c]);
    }
    return sum;
  }
}
