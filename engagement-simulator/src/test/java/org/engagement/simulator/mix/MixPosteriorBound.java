package org.engagement.simulator.mix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * {@link MixGainBound} without its first-order approximation: the posterior of a world's parameters sampled by
 * adaptive Metropolis (Haario, Saksman and Tamminen 2001, "An adaptive Metropolis algorithm", Bernoulli 7(2)),
 * so that the gain aim can be judged where the curves are not given. The data are one draw per seed: each
 * channel's true contribution series plus white noise of the world's standard deviation (the unseen demand given,
 * the baseline's form known and its coefficients integrated out under a flat prior, which leaves the residual
 * outside the baseline's columns). Unknown are each channel's level (a factor on its return at today's spend),
 * and with {@code -Dfree=curves} also its carry-over half-life, half-saturation and Hill shape, all in logs under
 * flat priors within the model's search ranges ({@code λ} 0.05-20, half-life 0.1-52 periods, half-saturation
 * 0.2-5 times the mean spend, shape 0.5-3).
 *
 * <p>Per seed: the plan with the largest posterior-expected outcome (the split maximising the response curves
 * averaged over the draws), valued on the true curves as issue 14's aim values a plan; and the bound, that plan's
 * posterior-expected gain over the posterior-expected gain of each drawn world's own optimum. For the shares:
 * the posterior median's mean absolute error against the truth, and the least mean absolute error any estimate
 * can be expected to have over the posterior (each channel's median's expected absolute error). Two chains from
 * different seeds show whether the sampler has settled. Seeds 1 to 8 of {@link MixWorldSpec#defaults}, or {@code
 * -Dfrom=N -Dseeds=K -Dworld=...} ({@link MixWorlds#spec}); {@code -Diterations=N} per chain (200,000). A
 * diagnosis, not a test.
 */
final class MixPosteriorBound {
  private static final int PER_CHANNEL = VariedWorld.PER_CHANNEL;
  private static final int KEPT = 400;
  private static final int ADAPT_EVERY = 500;
  /** The flat prior's range for a level's log: 0.05-20 (the curves' are the model's, {@link VariedWorld#inRange}). */
  private static final double LOW_LEVEL = Math.log(0.05);
  private static final double HIGH_LEVEL = Math.log(20);

  private MixPosteriorBound() {}

  public static void main(String[] args) {
    long first = Long.getLong("from", 1);
    int seeds = Integer.getInteger("seeds", 8);
    int iterations = Integer.getInteger("iterations", 200_000);
    boolean curves = "curves".equals(System.getProperty("free", "levels"));
    double[] sums = new double[8];
    for (long seed = first; seed < first + seeds; seed++) {
      MixWorldSpec spec = MixWorlds.spec(seed);
      Figures one = of(spec, curves, seed * 2, iterations);
      Figures two = of(spec, curves, seed * 2 + 1, iterations);
      System.out.printf(Locale.ROOT, "seed %d: Bayes plan on the truth %.3f / %.3f, bound %.3f / %.3f; median shares'"
          + " error %.4f / %.4f, least expected %.4f / %.4f (two chains; acceptance %.2f / %.2f)%n", seed,
          one.onTruth(), two.onTruth(), one.bound(), two.bound(), one.medianShareError(), two.medianShareError(),
          one.leastShareError(), two.leastShareError(), one.acceptance(), two.acceptance());
      double[] both = {one.onTruth(), two.onTruth(), one.bound(), two.bound(), one.medianShareError(),
          two.medianShareError(), one.leastShareError(), two.leastShareError()};
      for (int i = 0; i < sums.length; i++) {
        sums[i] += both[i] / seeds;
      }
    }
    System.out.printf(Locale.ROOT, "mean over %d seeds, %s unknown: Bayes plan on the truth %.3f / %.3f, bound"
        + " %.3f / %.3f; median shares' error %.4f / %.4f, least expected %.4f / %.4f%n", seeds,
        curves ? "levels and curves" : "levels", sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6],
        sums[7]);
  }

  /**
   * One chain's figures.
   *
   * @param onTruth the Bayes plan's gain over the true optimum's, on the true curves
   * @param bound the Bayes plan's posterior-expected gain over the drawn worlds' own optima
   * @param medianShareError the posterior median shares' mean absolute error against the truth
   * @param leastShareError the least posterior-expected mean absolute error of any estimate of the shares
   * @param acceptance the share of proposals accepted
   * @param levelSd each channel's level's posterior standard deviation
   */
  record Figures(double onTruth, double bound, double medianShareError, double leastShareError, double acceptance,
      List<Double> levelSd) {}

  /** The figures of one chain of {@code iterations} on a world, the levels unknown and, if {@code curves}, the curves. */
  static Figures of(MixWorldSpec spec, boolean curves, long chainSeed, int iterations) {
    return new Posterior(spec, curves).figures(chainSeed, iterations);
  }

  /**
   * One world's data and the posterior of its free parameters. The chain moves in logs throughout (the level's log
   * too, so that its flat prior is on the log); {@link #levels} turns a point into {@link VariedWorld}'s terms.
   */
  private static final class Posterior {
    private final VariedWorld world;
    private final int channels;
    private final int[] free;
    private final double[] start;
    private final double[] data;
    private final RealMatrix basis;
    private final double sigma;

    Posterior(MixWorldSpec spec, boolean curves) {
      this.world = new VariedWorld(spec);
      this.channels = world.channels();
      this.free = IntStream.range(0, PER_CHANNEL * channels)
          .filter(i -> curves || i % PER_CHANNEL == 0).toArray();
      this.start = world.truth();
      for (int c = 0; c < channels; c++) {
        start[PER_CHANNEL * c] = 0;
      }
      this.sigma = spec.noise() * spec.baseline();
      int n = spec.periods();
      this.data = world.media(world.truth());
      SplittableRandom noise = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
      for (int t = 0; t < n; t++) {
        data[t] += sigma * noise.nextGaussian();
      }
      RealMatrix columns = MatrixUtils.createRealMatrix(n, VariedWorld.BASELINE_COLUMNS);
      for (int t = 0; t < n; t++) {
        for (int b = 0; b < VariedWorld.BASELINE_COLUMNS; b++) {
          columns.setEntry(t, b, world.baseline(b, t));
        }
      }
      this.basis = new QRDecomposition(columns).getQ().getSubMatrix(0, n - 1, 0, VariedWorld.BASELINE_COLUMNS - 1);
    }

    Figures figures(long chainSeed, int iterations) {
      SplittableRandom random = new SplittableRandom(chainSeed);
      int d = free.length;
      double[] point = start.clone();
      double logPost = logPosterior(point);
      double[] mean = new double[d];
      double[][] scatter = new double[d][d];
      RealMatrix step = MatrixUtils.createRealIdentityMatrix(d).scalarMultiply(0.02);
      int burn = iterations / 4;
      int thin = Math.max(1, (iterations - burn) / KEPT);
      List<double[]> kept = new ArrayList<>();
      int accepted = 0;
      for (int i = 1; i <= iterations; i++) {
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
          z[j] = random.nextGaussian();
        }
        double[] shift = step.operate(z);
        double[] proposal = point.clone();
        for (int j = 0; j < d; j++) {
          proposal[free[j]] += shift[j];
        }
        double proposed = logPosterior(proposal);
        if (Math.log(random.nextDouble()) < proposed - logPost) {
          point = proposal;
          logPost = proposed;
          accepted++;
        }
        update(mean, scatter, point, i);
        if (i % ADAPT_EVERY == 0 && i >= 2 * ADAPT_EVERY) {
          step = proposalRoot(scatter, i);
        }
        if (i > burn && (i - burn) % thin == 0) {
          kept.add(levels(point));
        }
      }
      double[] truth = world.truth();
      double onTruth = world.gain(truth, world.plan(kept)) / world.optimumGain(truth);
      double[] shareErrors = shareErrors(kept);
      return new Figures(onTruth, world.bayesRatio(kept), shareErrors[0], shareErrors[1],
          (double) accepted / iterations, levelSd(kept));
    }

    /** A chain's point with each level's log turned into the level. */
    private double[] levels(double[] point) {
      double[] out = point.clone();
      for (int c = 0; c < channels; c++) {
        out[PER_CHANNEL * c] = Math.exp(point[PER_CHANNEL * c]);
      }
      return out;
    }

    private List<Double> levelSd(List<double[]> kept) {
      List<Double> sd = new ArrayList<>();
      for (int c = 0; c < channels; c++) {
        int at = PER_CHANNEL * c;
        double mean = kept.stream().mapToDouble(p -> p[at]).average().orElseThrow();
        double squares = kept.stream().mapToDouble(p -> (p[at] - mean) * (p[at] - mean)).sum();
        sd.add(Math.sqrt(squares / (kept.size() - 1)));
      }
      return sd;
    }

    /**
     * {the posterior median shares' mean absolute error against the truth, the least posterior-expected mean
     * absolute error of any estimate}: per channel the median minimises the expected absolute error, and its
     * expected absolute error over the draws is that least value.
     */
    private double[] shareErrors(List<double[]> kept) {
      double[][] shares = new double[channels][kept.size()];
      for (int k = 0; k < kept.size(); k++) {
        double[] one = world.shares(kept.get(k));
        for (int c = 0; c < channels; c++) {
          shares[c][k] = one[c];
        }
      }
      double[] trueShares = world.shares(world.truth());
      double againstTruth = 0;
      double least = 0;
      for (int c = 0; c < channels; c++) {
        double[] sorted = shares[c].clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        againstTruth += Math.abs(median - trueShares[c]) / channels;
        for (double share : sorted) {
          least += Math.abs(share - median) / (channels * sorted.length);
        }
      }
      return new double[] {againstTruth, least};
    }

    /** Welford's running mean and scatter of the free coordinates. */
    private void update(double[] mean, double[][] scatter, double[] point, int count) {
      double[] delta = new double[mean.length];
      for (int j = 0; j < mean.length; j++) {
        delta[j] = point[free[j]] - mean[j];
        mean[j] += delta[j] / count;
      }
      for (int j = 0; j < mean.length; j++) {
        for (int k = 0; k < mean.length; k++) {
          scatter[j][k] += delta[j] * (point[free[k]] - mean[k]);
        }
      }
    }

    /** Haario et al.'s proposal: {@code 2.38² / d} times the chain's covariance plus a small ridge, as a root. */
    private static RealMatrix proposalRoot(double[][] scatter, int count) {
      int d = scatter.length;
      RealMatrix covariance = MatrixUtils.createRealMatrix(d, d);
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          covariance.setEntry(j, k, 2.38 * 2.38 / d * (scatter[j][k] + scatter[k][j]) / (2 * (count - 1))
              + (j == k ? 1e-8 : 0));
        }
      }
      return new CholeskyDecomposition(covariance, 1e-6, 1e-16).getL();
    }

    /** The log posterior: flat within the box, the residual outside the baseline's columns. */
    private double logPosterior(double[] point) {
      for (int j : free) {
        int kind = j % PER_CHANNEL;
        boolean inside = kind == 0 ? point[j] >= LOW_LEVEL && point[j] <= HIGH_LEVEL
            : VariedWorld.inRange(kind, point[j]);
        if (!inside) {
          return Double.NEGATIVE_INFINITY;
        }
      }
      double[] modelled = world.media(levels(point));
      double[] residual = new double[modelled.length];
      for (int t = 0; t < residual.length; t++) {
        residual[t] = data[t] - modelled[t];
      }
      double[] projected = basis.operate(basis.preMultiply(residual));
      double squares = 0;
      for (int t = 0; t < residual.length; t++) {
        double r = residual[t] - projected[t];
        squares += r * r;
      }
      return -squares / (2 * sigma * sigma);
    }
  }
}
