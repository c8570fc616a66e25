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
    int k = problem.parametersPerChannel();
    double[] start = Arrays.copyOfRange(unit, c * k, c * k + k);
    java.util.function.ToDoubleFunction<double[]> own = problem.channelObjective(unit, c, problem.outcome());
    double[] best = {own.applyAsDouble(start)};
    double[] lower = new double[k];
    double[] upper = new double[k];
    Arrays.fill(upper, 1);
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * k + 1, 0.2, STOP_RADIUS);
    try {
      optimizer.optimize(new MaxEval(evaluations), new ObjectiveFunction(point -> {
        double value = own.applyAsDouble(point);
        best[0] = Math.min(best[0], value);
        return value;
      }), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
    } catch (MathIllegalStateException e) {
      // the budget ran out or a step could not improve: the best objective seen is the profile's bound
    }
    return best[0];
  }
}
