package org.engagement.simulator.mix;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The best split of a budget under the true response curves, by a dynamic programme over a grid of 1,000 steps
 * of the budget (the curves may be S-shaped, where equalising marginal returns can stop at a poor point).
 * Written here rather than borrowed from roi's optimiser so that the optimiser is judged by an independent
 * reckoning.
 */
final class TrueOptimum {
  private static final int STEPS = 1_000;

  private TrueOptimum() {}

  static double[] best(DoubleUnaryOperator[] curves, double budget, double[] low, double[] high) {
    double unit = budget / STEPS;
    double[] value = new double[STEPS + 1];
    Arrays.fill(value, Double.NEGATIVE_INFINITY);
    value[0] = 0;
    int[][] choice = new int[curves.length][STEPS + 1];
    for (int c = 0; c < curves.length; c++) {
      int from = (int) Math.ceil(low[c] / unit - 1e-9);
      int to = (int) Math.min(STEPS, Math.floor(high[c] / unit + 1e-9));
      double[] next = new double[STEPS + 1];
      Arrays.fill(next, Double.NEGATIVE_INFINITY);
      for (int k = from; k <= to; k++) {
        double gain = curves[c].applyAsDouble(k * unit);
        for (int used = k; used <= STEPS; used++) {
          double candidate = value[used - k] + gain;
          if (candidate > next[used]) {
            next[used] = candidate;
            choice[c][used] = k;
          }
        }
      }
      value = next;
    }
    double[] spend = new double[curves.length];
    int left = STEPS;
    for (int c = curves.length - 1; c >= 0; c--) {
      spend[c] = choice[c][left] * unit;
      left -= choice[c][left];
    }
    return spend;
  }
}
