package org.engagement.roi.mix.internal;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The risk-aware parts of a budget recommendation, over a set of draws of the channels' curves (the estimate's
 * and the bootstrap's): each channel's response valued at a lower quantile of its change from the current
 * spend, and a plan scaled back towards the current split until it gains in most draws. Stateless and
 * thread-safe.
 */
public final class Caution {
  /** The standard normal quantile of 10 %: a change is valued at its mean less this many standard deviations. */
  private static final double Z10 = 1.2815515655446004;
  private static final int SCALE_STEPS = 10;

  private Caution() {}

  /**
   * Each channel's cautious response: the mean response over the draws less {@code 1.28} standard
   * deviations of the change from the current spend (a normal 10 % quantile of the change), so a move
   * whose effect the draws disagree on is worth less than its mean; at the current spend it is the mean
   * response. The sum over channels is conservative, the channels' changes being treated as if they could
   * all fall short together.
   *
   * @param draws the sets of curves, each with one curve per channel
   * @param current each channel's current spend per period
   * @return the responses, one per channel
   */
  public static DoubleUnaryOperator[] responses(List<List<ChannelCurve>> draws, double[] current) {
    DoubleUnaryOperator[] out = new DoubleUnaryOperator[current.length];
    for (int c = 0; c < out.length; c++) {
      int channel = c;
      double[] base = new double[draws.size()];
      for (int d = 0; d < base.length; d++) {
        base[d] = draws.get(d).get(c).steady(current[c]);
      }
      out[c] = spend -> {
        double mean = 0;
        double[] delta = new double[base.length];
        for (int d = 0; d < base.length; d++) {
          double value = draws.get(d).get(channel).steady(spend);
          delta[d] = value - base[d];
          mean += value / base.length;
        }
        return mean - Z10 * sd(delta);
      };
    }
    return out;
  }

  /**
   * The sample standard deviation, 0 for fewer than two values. Each deviation from the mean is divided by the
   * largest before it is squared, so that changes of any finite size, 1e-300 or 1e300, neither underflow to no
   * spread nor overflow to an infinite (and then, less the mean, undefined) one.
   */
  static double sd(double[] values) {
    int n = values.length;
    if (n < 2) {
      return 0;
    }
    double mean = 0;
    for (double v : values) {
      mean += v / n;
    }
    double largest = 0;
    for (double v : values) {
      largest = Math.max(largest, Math.abs(v - mean));
    }
    if (largest == 0) {
      return 0;
    }
    double square = 0;
    for (double v : values) {
      double scaled = (v - mean) / largest;
      square += scaled * scaled;
    }
    return largest * Math.sqrt(square / (n - 1));
  }

  /**
   * The recommended split scaled back towards the current one, {@code current + a (recommended - current)}
   * for the largest {@code a} in {@code 1, 0.9, ..., 0.1} whose gain over the current split is positive under
   * the estimate and in at least {@code confidence} of the draws; the current split when none is. The total
   * and the bounds hold at every {@code a}, both splits meeting them.
   *
   * @param estimate the estimate's curves
   * @param draws the bootstrap's sets of curves
   * @param current the current split
   * @param recommended the recommended split
   * @param confidence the share of draws in which the gain must be positive
   * @return the split
   */
  public static double[] scaledBack(List<ChannelCurve> estimate, List<List<ChannelCurve>> draws,
      double[] current, double[] recommended, double confidence) {
    for (int step = SCALE_STEPS; step >= 1; step--) {
      double a = (double) step / SCALE_STEPS;
      double[] split = new double[current.length];
      for (int c = 0; c < split.length; c++) {
        split[c] = current[c] + a * (recommended[c] - current[c]);
      }
      if (gain(estimate, current, split) > 0 && positiveShare(draws, current, split) >= confidence) {
        return split;
      }
    }
    return current.clone();
  }

  private static double positiveShare(List<List<ChannelCurve>> draws, double[] current, double[] split) {
    int positive = 0;
    for (List<ChannelCurve> draw : draws) {
      positive += gain(draw, current, split) > 0 ? 1 : 0;
    }
    return draws.isEmpty() ? 1 : (double) positive / draws.size();
  }

  /** The gain in steady outcome per period of {@code split} over {@code current} under the curves. */
  public static double gain(List<ChannelCurve> curves, double[] current, double[] split) {
    double gain = 0;
    for (int c = 0; c < current.length; c++) {
      gain += curves.get(c).steady(split[c]) - curves.get(c).steady(current[c]);
    }
    return gain;
  }
}
