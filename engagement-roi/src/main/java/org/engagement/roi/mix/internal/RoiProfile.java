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
  /** The 90 % level of the profile intervals' small-sample threshold ({@link #intervalRise}). */
  private static final double LEVEL = 0.90;
  /** Coarser than the fit's: the rise is compared with 1.35, not reported to many digits. */
  private static final double STOP_RADIUS = 1e-3;

  private RoiProfile() {}

  /**
   * The rise at which a profile interval rules a held ROI out at 90 %, calibrated for a noise level estimated
   * from the same short series: Bates and Watts (1988, <i>Nonlinear Regression Analysis and Its
   * Applications</i>, section 6.1) rule a parameter value out when {@code S(held) - S(estimate) >= s² F(1, n - p;
   * 0.90)} with {@code s² = S(estimate) / (n - p)}. The objective's rise is {@code (S(held) - S(estimate)) / (2
   * σ²)} at the maximum-likelihood noise level {@code σ² = S / n} (a {@linkplain MixProblem#sumOfSquares() sum of
   * squares}), or {@code (n / 2) ln(S(held) / S(estimate))} (the profile log-likelihood), so the threshold is
   * {@code n F / (2 (n - p))} or {@code (n / 2) ln(1 + F / (n - p))}: 1.82 and 1.80 for 156 weeks and 38
   * parameters, against the asymptotic {@link #RISE_90} of 1.35, which treats the noise level as known and the 38
   * parameters as free. With no degree of freedom left the data rule nothing out (infinity).
   *
   * @param problem the problem, for its periods and whether its objective is a sum of squares
   * @param parameters every fitted parameter: the non-linear ones and every linear coefficient
   * @return the threshold, at least {@link #RISE_90}'s order
   */
  public static double intervalRise(MixProblem problem, int parameters) {
    int n = problem.periods();
    int residualDf = n - parameters;
    if (residualDf < 1) {
      return Double.POSITIVE_INFINITY;
    }
    double f = new org.hipparchus.distribution.continuous.FDistribution(1, residualDf)
        .inverseCumulativeProbability(LEVEL);
    return problem.sumOfSquares() ? n * f / (2.0 * residualDf) : n / 2.0 * Math.log1p(f / residualDf);
  }

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
   * Where {@link #minimum} finds its least objective: the unit cube's point with channel {@code c}'s own
   * parameters searched from {@code unit}'s and every other coordinate as in {@code unit}.
   *
   * @param problem the problem
   * @param unit the starting point in the unit cube
   * @param c the channel's index
   * @param evaluations the evaluation budget of the search
   * @return the point, a new array
   */
  public static double[] ownBest(MixProblem problem, double[] unit, int c, int evaluations) {
    return ownSearch(problem, unit, c, evaluations).unit().clone();
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
