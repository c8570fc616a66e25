package org.engagement.roi.mix.internal;

import java.util.Arrays;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Can the data tell a channel's ROI from half and from twice the estimate? The objective (negative log
 * posterior, or profile negative log-likelihood without priors) is minimised again with the channel's ROI
 * held at each of the two values: its own carry-over and saturation searched afresh (a slow channel may trade a
 * long carry-over and a larger effect against the trend), the other channels' non-linear parameters kept at the
 * estimate, every linear coefficient (intercept, trend, season, the other channels' effects) solved around it.
 * The rise of the best objective over the estimate's is half a likelihood-ratio statistic: below
 * {@link #RISE_90} (half the 90 % quantile of chi-square with one degree of freedom, 2.706) the data do not
 * rule that ROI out at 90 %. The other channels' parameters are not searched, so the rise is an upper bound
 * of the full profile's and a channel found unidentified by it is unidentified by the full profile too.
 * Stateless and thread-safe.
 */
public final class RoiProfile {
  /** Half the 90 % quantile of the chi-square distribution with one degree of freedom. */
  public static final double RISE_90 = 2.705543454095404 / 2;
  /** Coarser than the fit's: the rise is compared with 1.35, not reported to many digits. */
  private static final double STOP_RADIUS = 1e-3;

  private RoiProfile() {}

  /**
   * The rise of the best objective when channel {@code c}'s ROI is held at {@code roi}.
   *
   * @param problem the problem the estimate minimises
   * @param estimate the estimate
   * @param c the channel's index
   * @param roi the ROI held
   * @param evaluations the evaluation budget of the search
   * @return the rise, not negative
   */
  public static double rise(MixProblem problem, MixFitter.Point estimate, int c, double roi, int evaluations) {
    double best = minimum(problem.withRoiHeld(c, roi), estimate.unit(), c, evaluations);
    return Math.max(0, best - estimate.evaluation().objective());
  }

  /**
   * The least objective over channel {@code c}'s own non-linear parameters, searched from {@code unit}'s, the
   * other channels' held at {@code unit}.
   *
   * @param problem the problem
   * @param unit the starting point in the unit cube
   * @param c the channel's index
   * @param evaluations the evaluation budget of the search
   * @return the least objective seen
   */
  public static double minimum(MixProblem problem, double[] unit, int c, int evaluations) {
    return ownSearch(problem, unit, c, evaluations).objective();
  }

  /**
   * The least objective over channel {@code c}'s own non-linear parameters and every other channel's carry-over
   * together, the other channels' saturation held at {@code unit}: first the own search of {@link #minimum}, then
   * one bounded search of the {@code k + channels - 1} coordinates from its best point, limited to {@code
   * wideEvaluations} evaluations of the whole objective. Where a slow channel's ROI is held, the other channels'
   * carry-over may take up what the held effect leaves of the trend and season; the own search cannot see that.
   *
   * @param problem the problem
   * @param unit the starting point in the unit cube
   * @param c the channel's index
   * @param evaluations the evaluation budget of the own search
   * @param wideEvaluations the evaluation budget of the search that adds the other channels' carry-over
   * @return the least objective seen, never above {@link #minimum}'s from the same start
   */
  public static double wideMinimum(MixProblem problem, double[] unit, int c, int evaluations,
      int wideEvaluations) {
    Found own = ownSearch(problem, unit, c, evaluations);
    int k = problem.parametersPerChannel();
    int[] free = new int[k + problem.channels() - 1];
    int i = 0;
    for (int j = 0; j < k; j++) {
      free[i++] = c * k + j;
    }
    for (int other = 0; other < problem.channels(); other++) {
      if (other != c) {
        free[i++] = other * k;
      }
    }
    double[] from = own.unit();
    double[] target = problem.outcome();
    return Math.min(own.objective(), search(point -> {
      double[] full = from.clone();
      for (int j = 0; j < free.length; j++) {
        full[free[j]] = point[j];
      }
      return problem.objective(full, target);
    }, pick(from, free), wideEvaluations).objective());
  }

  private static Found ownSearch(MixProblem problem, double[] unit, int c, int evaluations) {
    int k = problem.parametersPerChannel();
    java.util.function.ToDoubleFunction<double[]> own = problem.channelObjective(unit, c, problem.outcome());
    Found found = search(own, Arrays.copyOfRange(unit, c * k, c * k + k), evaluations);
    double[] point = unit.clone();
    System.arraycopy(found.unit(), 0, point, c * k, k);
    return new Found(point, found.objective());
  }

  /** A bounded BOBYQA search of the unit cube from {@code start}, keeping the best point seen. */
  private static Found search(java.util.function.ToDoubleFunction<double[]> objective, double[] start,
      int evaluations) {
    int d = start.length;
    double[][] best = {start.clone()};
    double[] value = {objective.applyAsDouble(start)};
    double[] lower = new double[d];
    double[] upper = new double[d];
    Arrays.fill(upper, 1);
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * d + 1, 0.2, STOP_RADIUS);
    try {
      optimizer.optimize(new MaxEval(evaluations), new ObjectiveFunction(point -> {
        double v = objective.applyAsDouble(point);
        if (v < value[0]) {
          value[0] = v;
          best[0] = point.clone();
        }
        return v;
      }), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
    } catch (MathIllegalStateException e) {
      // the budget ran out or a step could not improve: the best objective seen is the profile's bound
    }
    return new Found(best[0], value[0]);
  }

  private static double[] pick(double[] unit, int[] indices) {
    double[] out = new double[indices.length];
    for (int j = 0; j < indices.length; j++) {
      out[j] = unit[indices[j]];
    }
    return out;
  }

  /** A point of a search (owned, not copied: private to this class) and its objective. */
  private static final class Found {
    private final double[] unit;
    private final double objective;

    Found(double[] unit, double objective) {
      this.unit = unit;
      this.objective = objective;
    }

    double[] unit() {
      return unit;
    }

    double objective() {
      return objective;
    }
  }
}
