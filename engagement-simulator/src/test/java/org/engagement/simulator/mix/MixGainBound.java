package org.engagement.simulator.mix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * How much of the true optimum's gain can <em>any</em> plan made from a world's series collect? Issue 14's third
 * aim asks 95 %. This computes an upper bound on what the data allow, granting more than any fit has: the unseen
 * demand known, the noise white with its standard deviation known, the baseline's form (intercept, trend, the
 * season's first harmonics, which span the world's) known. Unknown are each channel's level {@code λ_c}
 * (multiplying its true return at today's spend) and the baseline's coefficients, and with {@code -Dfree=curves}
 * also each channel's carry-over half-life, half-saturation and Hill shape (in logs, within the model's search
 * ranges).
 *
 * <p>With the levels alone unknown the outcome is linear in them, so their least-squares estimate is exact and
 * normal, {@code λ̂ ~ N(1, σ² (XᵀX)⁻¹)}, X holding each channel's true contribution series and the baseline's
 * columns: the smallest covariance of any unbiased estimate (Gauss-Markov). With the curves unknown too, the same
 * holds to first order (Laplace): X is the Jacobian of the outcome in every parameter at the truth, and the
 * parameters are drawn from the normal with the inverse Fisher information as covariance. That approximation is
 * rough here and errs low: a channel's level is then weakly identified (relative sd up to 7), the normal spreads
 * the draws far past where the likelihood rises again, and its figures fall below what the SDK's own fit reaches
 * (the misallocated world's plan without caution: 0.69 against +0.88), so they are indicative only; {@link
 * MixPosteriorBound} samples that posterior instead.
 *
 * <p>Two figures per seed, from {@value #DATA} draws of the data:
 *
 * <ul>
 *   <li><b>plug-in</b>: the plan made from the estimate, valued on the true curves, over the true optimum's gain,
 *       as issue 14's aim values a plan (mean, and how often at least 0.95);
 *   <li><b>Bayes bound</b>: for each data draw, the posterior of the parameters under a flat prior on the
 *       non-negative levels is that normal centred at the estimate, truncated where a level is negative; the plan
 *       with the largest posterior-expected outcome maximises the posterior-mean response curves (with the levels
 *       alone unknown: the curves at the posterior mean), and no rule that sees only the data collects more, in
 *       expectation over the worlds the data cannot tell apart. The bound is that plan's expected gain over the
 *       expected gain of each such world's own optimum ({@value #WORLDS} posterior draws), averaged over the data
 *       draws.
 * </ul>
 *
 * Plans are the best split of today's total within half to twice each channel's spend ({@link TrueOptimum}), as
 * in {@link MixAims#trueGainRatio}. Seeds 1 to 8 of {@link MixWorldSpec#defaults}, or {@code -Dfrom=N
 * -Dseeds=K -Dworld=misallocated|s-curves|blended:w} ({@link MixWorlds#spec}); {@code -Dnoise=X} sets the white noise
 * relative to the baseline. A diagnosis, not a test; run with {@code
 * java -cp ... org.engagement.simulator.mix.MixGainBound}.
 */
final class MixGainBound {
  private static final int DATA = 40;
  private static final int WORLDS = 40;
  private static final int PER_CHANNEL = VariedWorld.PER_CHANNEL;
  private static final double STEP = 1e-4;

  private MixGainBound() {}

  public static void main(String[] args) {
    long first = Long.getLong("from", 1);
    int seeds = Integer.getInteger("seeds", 8);
    boolean curves = "curves".equals(System.getProperty("free", "levels"));
    String noise = System.getProperty("noise");
    double[] sums = new double[4];
    for (long seed = first; seed < first + seeds; seed++) {
      MixWorldSpec spec = MixWorlds.spec(seed);
      if (noise != null) {
        spec = withNoise(spec, Double.parseDouble(noise));
      }
      Figures figures = of(spec, curves);
      System.out.printf(Locale.ROOT, "seed %d: optimum's gain %.2f %% of the outcome; level sd %s; plug-in %.3f"
          + " (>= 0.95 in %.0f %%), share error %.4f; Bayes bound %.3f%n", seed, 100 * figures.optimumShare(),
          format(figures.levelSd()), figures.plugIn(), 100 * figures.plugInAbove(), figures.shareError(),
          figures.bayes());
      sums[0] += figures.plugIn();
      sums[1] += figures.plugInAbove();
      sums[2] += figures.shareError();
      sums[3] += figures.bayes();
    }
    System.out.printf(Locale.ROOT, "mean over %d seeds, %s unknown: plug-in %.3f (>= 0.95 in %.0f %%), share error"
        + " %.4f; Bayes bound %.3f%n", seeds, curves ? "levels and curves" : "levels", sums[0] / seeds,
        100 * sums[1] / seeds, sums[2] / seeds, sums[3] / seeds);
  }

  /**
   * A world's figures.
   *
   * @param optimumShare the true optimum's gain per period over the mean outcome
   * @param levelSd each channel's level's standard deviation (relative to the truth)
   * @param plugIn the mean gain ratio of the plan made from the estimate, valued on the truth
   * @param plugInAbove how often that ratio is at least 0.95
   * @param shareError the estimate's mean absolute error of the contribution shares
   * @param bayes the Bayes bound on the gain ratio
   */
  record Figures(double optimumShare, List<Double> levelSd, double plugIn, double plugInAbove, double shareError,
      double bayes) {}

  /** The figures of a world, levels unknown or, if {@code curves}, levels and curves unknown. */
  static Figures of(MixWorldSpec spec, boolean curves) {
    return new Bound(spec, curves).figures();
  }

  /** The spec with another white noise, relative to the baseline. */
  static MixWorldSpec withNoise(MixWorldSpec spec, double noise) {
    return new MixWorldSpec(spec.start(), spec.periods(), spec.periodDays(), spec.seasonLength(), spec.baseline(),
        spec.trend(), spec.seasonality(), spec.demand(), noise, spec.channels(), spec.seed(), spec.plans());
  }

  /** One world: its true parameters, the free ones' covariance, and plans under drawn parameters. */
  private static final class Bound {
    private final VariedWorld world;
    private final int[] free;
    private final double[] truth;
    private final RealMatrix root;
    private final double[] sd;

    Bound(MixWorldSpec spec, boolean curves) {
      this.world = new VariedWorld(spec);
      this.free = IntStream.range(0, PER_CHANNEL * world.channels())
          .filter(i -> curves || i % PER_CHANNEL == 0).toArray();
      this.truth = world.truth();
      RealMatrix covariance = covariance();
      this.root = new CholeskyDecomposition(covariance, 1e-12, 1e-14).getL();
      this.sd = new double[world.channels()];
      for (int c = 0; c < sd.length; c++) {
        sd[c] = Math.sqrt(covariance.getEntry(index(PER_CHANNEL * c), index(PER_CHANNEL * c)));
      }
    }

    Figures figures() {
      SplittableRandom random = new SplittableRandom(world.spec().seed());
      int channels = world.channels();
      double[] plugIn = new double[DATA];
      double shareError = 0;
      double bound = 0;
      double[] trueShares = world.shares(truth);
      double optimum = world.optimumGain(truth);
      for (int r = 0; r < DATA; r++) {
        double[] estimate = draw(truth, random);
        plugIn[r] = world.gain(truth, world.plan(List.of(estimate))) / optimum;
        double[] estimated = world.shares(estimate);
        for (int c = 0; c < channels; c++) {
          shareError += Math.abs(estimated[c] - trueShares[c]) / (channels * DATA);
        }
        List<double[]> worlds = new ArrayList<>();
        for (int k = 0; k < WORLDS; k++) {
          worlds.add(draw(estimate, random));
        }
        bound += world.bayesRatio(worlds);
      }
      double above = Arrays.stream(plugIn).filter(x -> x >= 0.95).count() / (double) DATA;
      return new Figures(optimum / Arrays.stream(world.world().outcome()).average().orElseThrow(),
          Arrays.stream(sd).boxed().toList(), Arrays.stream(plugIn).average().orElseThrow(), above, shareError,
          bound / DATA);
    }

    /**
     * The inverse Fisher information of the free parameters and the baseline's coefficients, restricted to the
     * free parameters: {@code σ² (JᵀJ)⁻¹}, J the outcome's Jacobian at the truth (by central differences).
     */
    private RealMatrix covariance() {
      int n = world.spec().periods();
      int columns = free.length + VariedWorld.BASELINE_COLUMNS;
      RealMatrix jacobian = MatrixUtils.createRealMatrix(n, columns);
      for (int j = 0; j < free.length; j++) {
        int c = free[j] / PER_CHANNEL;
        double[] up = truth.clone();
        double[] down = truth.clone();
        up[free[j]] += STEP;
        down[free[j]] -= STEP;
        double[] high = world.contribution(up, c);
        double[] low = world.contribution(down, c);
        for (int t = 0; t < n; t++) {
          jacobian.setEntry(t, j, (high[t] - low[t]) / (2 * STEP));
        }
      }
      for (int t = 0; t < n; t++) {
        for (int b = 0; b < VariedWorld.BASELINE_COLUMNS; b++) {
          jacobian.setEntry(t, free.length + b, world.baseline(b, t));
        }
      }
      double sigma = world.spec().noise() * world.spec().baseline();
      RealMatrix inverse = MatrixUtils.inverse(jacobian.transposeMultiply(jacobian));
      RealMatrix block = inverse.getSubMatrix(0, free.length - 1, 0, free.length - 1);
      return block.add(block.transpose()).scalarMultiply(sigma * sigma / 2);
    }

    private int index(int parameter) {
      return Arrays.binarySearch(free, parameter);
    }

    /**
     * A draw of the normal centred at {@code mean} with the free parameters' covariance, redrawn while a level
     * is negative, the curves' parameters clamped to the model's search ranges.
     */
    private double[] draw(double[] mean, SplittableRandom random) {
      for (int tries = 0; tries < 100_000; tries++) {
        double[] z = new double[free.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = random.nextGaussian();
        }
        double[] shift = root.operate(z);
        double[] out = mean.clone();
        boolean negative = false;
        for (int j = 0; j < free.length; j++) {
          int kind = free[j] % PER_CHANNEL;
          out[free[j]] = VariedWorld.clamp(kind, out[free[j]] + shift[j]);
          negative |= kind == 0 && out[free[j]] <= 0;
        }
        if (!negative) {
          return out;
        }
      }
      throw new IllegalStateException("the truncated posterior is too thin to sample by rejection");
    }
  }

  private static String format(List<Double> values) {
    StringBuilder out = new StringBuilder();
    for (double v : values) {
      out.append(String.format(Locale.ROOT, "%.2f ", v));
    }
    return out.toString().trim();
  }
}
