package org.engagement.simulator.mix;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A simulated mix world whose channels' parameters may be other than the truth, as the gain bounds ({@link
 * MixGainBound}, {@link MixPosteriorBound}) draw them: per channel {@value #PER_CHANNEL} numbers, its level (a factor
 * on its return at its mean spend), and the logs of its carry-over half-life, half-saturation (relative to its mean
 * spend) and Hill shape. It plans today's total within half to twice each channel's spend ({@link TrueOptimum}), as
 * {@link MixAims#trueGainRatio} values plans, and values splits and shares under any such parameters. The baseline's
 * form (intercept, trend, the season's first two harmonics, which span the world's) is here too.
 */
final class VariedWorld {
  /** Numbers per channel: the level, log half-life, log half-saturation, log shape. */
  static final int PER_CHANNEL = 4;
  /** The baseline's columns: intercept, trend, and a sine and cosine per harmonic. */
  static final int BASELINE_COLUMNS = 6;
  /**
   * The model's search ranges for a curve's numbers, by their place in a channel's {@value #PER_CHANNEL} (1: log
   * half-life, 0.1-52 periods; 2: log half-saturation, 0.2-5 times the mean spend; 3: log shape, 0.5-3); the level
   * (place 0) has none here.
   */
  private static final double[] CURVE_LOW = {Double.NEGATIVE_INFINITY, Math.log(0.1), Math.log(0.2), Math.log(0.5)};
  private static final double[] CURVE_HIGH = {Double.POSITIVE_INFINITY, Math.log(52), Math.log(5), Math.log(3)};

  private final MixWorldSpec spec;
  private final MixWorld world;
  private final double[] truth;
  private final double[] current;
  private final double budget;

  /** A curve's number at place {@code kind} of a channel's, moved into the model's search range. */
  static double clamp(int kind, double value) {
    return Math.min(CURVE_HIGH[kind], Math.max(CURVE_LOW[kind], value));
  }

  /** Whether a curve's number at place {@code kind} of a channel's lies in the model's search range. */
  static boolean inRange(int kind, double value) {
    return value >= CURVE_LOW[kind] && value <= CURVE_HIGH[kind];
  }

  VariedWorld(MixWorldSpec spec) {
    this.spec = spec;
    this.world = MixSimulation.generate(spec);
    int channels = world.channels().size();
    this.truth = new double[PER_CHANNEL * channels];
    this.current = new double[channels];
    for (int c = 0; c < channels; c++) {
      MixChannel channel = spec.channels().get(c);
      truth[PER_CHANNEL * c] = 1;
      truth[PER_CHANNEL * c + 1] = Math.log(channel.halfLife());
      truth[PER_CHANNEL * c + 2] = Math.log(channel.halfSaturation());
      truth[PER_CHANNEL * c + 3] = Math.log(channel.shape());
      current[c] = world.meanSpend(c);
    }
    this.budget = MixAims.budget(world);
  }

  MixWorldSpec spec() {
    return spec;
  }

  MixWorld world() {
    return world;
  }

  int channels() {
    return current.length;
  }

  /** The true parameters (a copy). */
  double[] truth() {
    return truth.clone();
  }

  /** Channel {@code c} under the given parameters. */
  MixChannel channel(double[] point, int c) {
    MixChannel truthful = spec.channels().get(c);
    int at = PER_CHANNEL * c;
    return new MixChannel(truthful.name(), truthful.meanSpend(), Math.exp(point[at + 1]),
        Math.exp(point[at + 2]), Math.exp(point[at + 3]), truthful.roi() * point[at], truthful.dark(),
        truthful.demandFollowing(), truthful.delay());
  }

  /** Channel {@code c}'s contribution per period to the series under the given parameters. */
  double[] contribution(double[] point, int c) {
    return MixSimulation.contribution(channel(point, c), world.spend(c));
  }

  /** The channels' summed contribution per period under the given parameters. */
  double[] media(double[] point) {
    double[] out = new double[spec.periods()];
    for (int c = 0; c < channels(); c++) {
      double[] contribution = contribution(point, c);
      for (int t = 0; t < out.length; t++) {
        out[t] += contribution[t];
      }
    }
    return out;
  }

  /** Each channel's share of the media's contribution over the series under the given parameters. */
  double[] shares(double[] point) {
    double[] shares = new double[channels()];
    double total = 0;
    for (int c = 0; c < shares.length; c++) {
      shares[c] = Arrays.stream(contribution(point, c)).sum();
      total += shares[c];
    }
    for (int c = 0; c < shares.length; c++) {
      shares[c] /= total;
    }
    return shares;
  }

  /** The split of today's total maximising the response curves averaged over parameter vectors. */
  double[] plan(List<double[]> points) {
    int channels = channels();
    MixChannel[][] drawn = new MixChannel[points.size()][channels];
    for (int k = 0; k < points.size(); k++) {
      for (int c = 0; c < channels; c++) {
        drawn[k][c] = channel(points.get(k), c);
      }
    }
    DoubleUnaryOperator[] curves = new DoubleUnaryOperator[channels];
    double[] low = new double[channels];
    double[] high = new double[channels];
    for (int c = 0; c < channels; c++) {
      int channel = c;
      curves[c] = x -> Arrays.stream(drawn).mapToDouble(row -> row[channel].steadyResponse(x)).average()
          .orElseThrow();
      low[c] = 0.5 * current[c];
      high[c] = 2 * current[c];
    }
    return TrueOptimum.best(curves, budget, low, high);
  }

  /** The gain per period of a split over today's, under the given parameters. */
  double gain(double[] point, double[] split) {
    double sum = 0;
    for (int c = 0; c < channels(); c++) {
      MixChannel channel = channel(point, c);
      sum += channel.steadyResponse(split[c]) - channel.steadyResponse(current[c]);
    }
    return sum;
  }

  /** The gain per period of the best split under the given parameters. */
  double optimumGain(double[] point) {
    return gain(point, plan(List.of(point)));
  }

  /**
   * The expected gain of the plan maximising the averaged curves over the expected gain of each world's own optimum:
   * with the worlds drawn from a posterior, the most a rule seeing only the data can collect in expectation.
   */
  double bayesRatio(List<double[]> worlds) {
    double[] split = plan(worlds);
    double expected = 0;
    double best = 0;
    for (double[] point : worlds) {
      expected += gain(point, split);
      best += optimumGain(point);
    }
    return expected / best;
  }

  /** Column {@code b} of the baseline at period {@code t}: intercept, trend, then the season's harmonics. */
  double baseline(int b, int t) {
    if (b < 2) {
      return b == 0 ? 1 : (double) t / spec.periods();
    }
    int harmonic = b / 2;
    double angle = 2 * Math.PI * harmonic * t / spec.seasonLength();
    return b % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
  }
}
