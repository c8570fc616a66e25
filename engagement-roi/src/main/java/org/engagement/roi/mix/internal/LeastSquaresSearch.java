package org.engagement.roi.mix.internal;

import java.util.function.Function;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * A local search of the unit cube for the least half sum of squared residuals: Hipparchus's Levenberg-Marquardt
 * with a forward-difference Jacobian (one step of {@value #DIFFERENCE_STEP} per coordinate, backwards at the
 * cube's upper face), each trial point clamped into the cube.
 *
 * <p>Why beside BOBYQA: the calibrated mix objective is a sum of squares ({@link MixProblem#residuals}), so a
 * search from a nearby point (a bootstrap refit from the estimate) converges
 * in a few iterations of {@code d + 1} evaluations each, with next to no work of its own; BOBYQA's own linear
 * algebra costs several evaluations' worth for each of its evaluations (h-budget9's profile: ~85 % of the fit).
 * Stateless and thread-safe.
 */
final class LeastSquaresSearch {
  private static final double DIFFERENCE_STEP = 1e-6;
  private static final double COST_TOLERANCE = 1e-8;
  private static final double PARAMETER_TOLERANCE = 1e-6;

  private LeastSquaresSearch() {}

  /** The best point evaluated (owned by the caller: not copied) and its half sum of squares. */
  static final class Found {
    private final double[] unit;
    private final double value;

    Found(double[] unit, double value) {
      this.unit = unit;
      this.value = value;
    }

    double[] unit() {
      return unit;
    }

    double value() {
      return value;
    }
  }

  /**
   * Searches from {@code start}.
   *
   * @param residuals the residuals at a point of the unit cube
   * @param start the starting point
   * @param iterations the most iterations
   * @return the best point evaluated, never worse than the start
   */
  static Found minimise(Function<double[], double[]> residuals, double[] start, int iterations) {
    int d = start.length;
    double[][] best = {start.clone()};
    double[] value = {Double.POSITIVE_INFINITY};
    MultivariateJacobianFunction model = at -> {
      double[] unit = at.toArray();
      double[] r = residuals.apply(unit);
      double sum = 0;
      for (double x : r) {
        sum += x * x;
      }
      double half = 0.5 * sum;
      if (half < value[0]) {
        value[0] = half;
        best[0] = unit.clone();
      }
      double[][] jacobian = new double[r.length][d];
      for (int j = 0; j < d; j++) {
        double step = unit[j] + DIFFERENCE_STEP <= 1 ? DIFFERENCE_STEP : -DIFFERENCE_STEP;
        double[] moved = unit.clone();
        moved[j] += step;
        double[] rj = residuals.apply(moved);
        for (int i = 0; i < r.length; i++) {
          jacobian[i][j] = (rj[i] - r[i]) / step;
        }
      }
      return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(jacobian, false));
    };
    int m = residuals.apply(start).length;
    LeastSquaresProblem problem = new LeastSquaresBuilder().start(start).model(model).target(new double[m])
        .parameterValidator(LeastSquaresSearch::clamp).lazyEvaluation(false).maxIterations(iterations)
        .maxEvaluations(4 * iterations).build();
    try {
      new LevenbergMarquardtOptimizer().withCostRelativeTolerance(COST_TOLERANCE)
          .withParameterRelativeTolerance(PARAMETER_TOLERANCE).optimize(problem);
    } catch (MathIllegalStateException e) {
      // the iteration budget ran out: the best point evaluated is kept
    }
    return new Found(best[0], value[0]);
  }

  private static RealVector clamp(RealVector point) {
    double[] unit = point.toArray();
    for (int i = 0; i < unit.length; i++) {
      unit[i] = Math.min(1, Math.max(0, unit[i]));
    }
    return new ArrayRealVector(unit, false);
  }
}
