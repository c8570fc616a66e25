package org.engagement.roi.mix.internal;

import java.util.function.DoubleUnaryOperator;

/**
 * Splits a budget per period among channels to maximise the sum of their steady-state responses, within
 * per-channel bounds, by dynamic programming over a grid of the budget: exact on the grid for any response
 * shape, including S-shaped curves where marginal-return equalisation can stop at a poor point. The cost is
 * {@code channels × steps²}. Stateless and thread-safe.
 */
public final class Allocation {
  private Allocation() {}

  /**
   * The best split on the grid.
   *
   * @param responses each channel's outcome per period as a function of its spend per period
   * @param budget the total spend per period
   * @param lower each channel's least spend per period
   * @param upper each channel's most spend per period
   * @param steps the grid's number of steps over the budget
   * @return the spend per period of each channel; {@code null} when the bounds cannot meet the budget
   */
  public static double @org.jspecify.annotations.Nullable [] best(DoubleUnaryOperator[] responses,
      double budget, double[] lower, double[] upper, int steps) {
    return best(responses, budget, lower, upper, steps, 0);
  }

  /**
   * The best split on the grid of at most {@code budget} whose outcome per unit spent is at least
   * {@code minimumRoi}: the dynamic programme values every total on the grid at once, so this is the total
   * with the largest outcome among those returning the target (all of the budget when {@code minimumRoi} is
   * 0).
   *
   * @param responses each channel's outcome per period as a function of its spend per period
   * @param budget the largest total spend per period
   * @param lower each channel's least spend per period
   * @param upper each channel's most spend per period
   * @param steps the grid's number of steps over the budget
   * @param minimumRoi the least outcome per unit spent of the split, 0 for the whole budget
   * @return the spend per period of each channel; {@code null} when no total meets the bounds and the target
   */
  public static double @org.jspecify.annotations.Nullable [] best(DoubleUnaryOperator[] responses,
      double budget, double[] lower, double[] upper, int steps, double minimumRoi) {
    return best(responses, budget, lower, upper, steps, minimumRoi, 0, 0);
  }

  /**
   * As {@link #best(DoubleUnaryOperator[], double, double[], double[], int, double)} beside channels held
   * elsewhere, whose spend and outcome count towards the minimum ROI but are not split here.
   *
   * @param responses each free channel's outcome per period as a function of its spend per period
   * @param budget the largest total spend per period of the free channels
   * @param lower each free channel's least spend per period
   * @param upper each free channel's most spend per period
   * @param steps the grid's number of steps over the budget
   * @param minimumRoi the least outcome per unit spent of the whole split, held channels included
   * @param heldOutcome the held channels' outcome per period
   * @param heldSpend the held channels' spend per period
   * @return the spend per period of each free channel; {@code null} when no total meets the bounds and target
   */
  public static double @org.jspecify.annotations.Nullable [] best(DoubleUnaryOperator[] responses,
      double budget, double[] lower, double[] upper, int steps, double minimumRoi, double heldOutcome,
      double heldSpend) {
    int channels = responses.length;
    double unit = budget / steps;
    int[] low = new int[channels];
    int[] high = new int[channels];
    for (int c = 0; c < channels; c++) {
      low[c] = (int) Math.ceil(lower[c] / unit - 1e-9);
      high[c] = (int) Math.min(steps, Math.floor(upper[c] / unit + 1e-9));
      if (low[c] > high[c]) {
        return null;
      }
    }
    double[] value = new double[steps + 1];
    java.util.Arrays.fill(value, Double.NEGATIVE_INFINITY);
    value[0] = 0;
    int[][] choice = new int[channels][steps + 1];
    for (int c = 0; c < channels; c++) {
      double[] gain = new double[high[c] + 1];
      for (int k = low[c]; k <= high[c]; k++) {
        gain[k] = responses[c].applyAsDouble(k * unit);
      }
      double[] next = new double[steps + 1];
      java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
      for (int used = 0; used <= steps; used++) {
        for (int k = low[c]; k <= high[c] && k <= used; k++) {
          double candidate = value[used - k] + gain[k];
          if (candidate > next[used]) {
            next[used] = candidate;
            choice[c][used] = k;
          }
        }
      }
      value = next;
    }
    int left = total(value, unit, steps, minimumRoi, heldOutcome, heldSpend);
    if (left < 0) {
      return null;
    }
    double[] spend = new double[channels];
    for (int c = channels - 1; c >= 0; c--) {
      spend[c] = choice[c][left] * unit;
      left -= choice[c][left];
    }
    return spend;
  }

  private static int total(double[] value, double unit, int steps, double minimumRoi, double heldOutcome,
      double heldSpend) {
    if (minimumRoi <= 0) {
      return value[steps] == Double.NEGATIVE_INFINITY ? -1 : steps;
    }
    int best = -1;
    for (int k = 1; k <= steps; k++) {
      boolean meets = value[k] != Double.NEGATIVE_INFINITY
          && value[k] + heldOutcome >= minimumRoi * (k * unit + heldSpend);
      if (meets && (best < 0 || value[k] > value[best])) {
        best = k;
      }
    }
    return best;
  }
}
