package org.engagement.attribution.hazard;

import java.util.Arrays;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;
import org.jspecify.annotations.Nullable;

/**
 * Minimises a smooth convex function under lower and upper bounds on each variable by an active-set Newton
 * method: Newton steps on the variables off their bounds (Hipparchus's {@link CholeskyDecomposition} of the
 * Hessian's free block), an Armijo backtracking line search cut at the first bound the step meets, a variable
 * freed again when its gradient points into the box.
 *
 * <h2>Why not a Hipparchus optimiser</h2>
 * The hazard likelihoods are convex in their parameters with an analytic gradient and Hessian that cost one pass
 * over the distinct channel sets, and their bounds are simple boxes. Hipparchus's bounded optimisers do not use
 * that: BOBYQA is derivative-free and, in 36 dimensions (ten channels, 25 synergy pairs and the baseline), spends
 * about 98 % of the widened fit in its own interpolation algebra over tens of thousands of evaluations; CMA-ES is
 * stochastic; {@code SQPOptimizerS}/{@code SQPOptimizerGM} solve each quadratic subproblem with an ADMM solver
 * whose default tolerance ({@code ADMMQPOption.DEFAULT_EPS}, 1e-5) stops short of the precision the credits are
 * compared at, use a quasi-Newton Hessian by default, and treat each bound as a general linear constraint (not
 * measured here). The gradient optimisers
 * ({@code NonLinearConjugateGradientOptimizer}) take no bounds. A Newton method on a convex box-constrained
 * problem is the textbook case (Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed., ch. 16.7 and 18),
 * a few dozen lines around the library's Cholesky; it reaches the optimum to rounding in a few tens of
 * iterations, each one pass over the data.
 *
 * <p>Stateless; each call works on its own arrays.
 */
final class BoundedNewton {
  /** Iterations allowed: each frees or fixes a variable or takes a Newton step, so a few dozen suffice. */
  private static final int MAX_ITERATIONS = 500;
  private static final double ARMIJO = 1e-4;
  private static final int MAX_HALVINGS = 60;
  /** A Newton decrement below this fraction of the objective's size is at the rounding of its value. */
  private static final double POLISH = 1e-12;
  /** Full Newton steps taken from there, each from a gradient computed afresh. */
  private static final int POLISH_STEPS = 3;

  private BoundedNewton() {}

  /** A convex objective with its first and second derivatives. Not necessarily thread-safe: one per fit. */
  interface Objective {
    /** The value at {@code x}, or {@code +∞} where it is not defined. */
    double value(double[] x);

    /** Writes the gradient and the Hessian (full, symmetric) at {@code x} into the arrays given, zeroed. */
    void derivatives(double[] x, double[] gradient, double[][] hessian);
  }

  /** The minimum found: the point, its value and the Newton iterations taken. */
  static final class Minimum {
    private final double[] point;
    private final double value;
    private final int iterations;

    Minimum(double[] point, double value, int iterations) {
      this.point = point.clone();
      this.value = value;
      this.iterations = iterations;
    }

    double[] point() {
      return point.clone();
    }

    double value() {
      return value;
    }

    int iterations() {
      return iterations;
    }
  }

  /**
   * The minimum of {@code objective} on the box {@code [lower, upper]}, from {@code start} (moved into the box).
   * The objective must be convex on the box for the minimum to be global.
   */
  static Minimum minimise(Objective objective, double[] start, double[] lower, double[] upper) {
    int n = start.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.min(upper[i], Math.max(lower[i], start[i]));
    }
    double f = objective.value(x);
    double[] g = new double[n];
    double[][] h = new double[n][n];
    int polished = 0;
    for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
      for (double[] row : h) {
        Arrays.fill(row, 0);
      }
      Arrays.fill(g, 0);
      objective.derivatives(x, g, h);
      double[] d = direction(x, g, h, free(x, g, lower, upper), lower, upper);
      double slope = 0;
      for (int i = 0; i < n; i++) {
        slope += g[i] * d[i];
      }
      if (!(slope < 0) || polished == POLISH_STEPS) {
        return new Minimum(x, f, iteration);
      }
      if (-slope <= POLISH * (1 + Math.abs(f))) {
        // Within rounding of the optimum in value, so a line search cannot tell better from worse; the gradient
        // still can, and full Newton steps from it converge quadratically. Stopping here instead left the credits
        // of an ill-conditioned fit up to 5e-9 (relative) from the optimum reached from another start.
        polished++;
        x = trial(x, d, limit(x, d, lower, upper), lower, upper);
        f = objective.value(x);
        continue;
      }
      Step step = search(objective, x, f, d, slope, lower, upper);
      if (step == null) {
        return new Minimum(x, f, iteration);
      }
      x = step.point;
      f = step.value;
    }
    return new Minimum(x, f, MAX_ITERATIONS);
  }

  /** Variables off their bounds, or on one with the gradient pointing into the box. */
  private static boolean[] free(double[] x, double[] g, double[] lower, double[] upper) {
    boolean[] free = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      free[i] = !((x[i] <= lower[i] && g[i] >= 0) || (x[i] >= upper[i] && g[i] <= 0));
    }
    return free;
  }

  /**
   * The Newton direction on the free variables, with a variable on a bound that the direction would leave the box
   * by fixed and the direction solved again.
   */
  private static double[] direction(double[] x, double[] g, double[][] h, boolean[] free, double[] lower,
      double[] upper) {
    while (true) {
      double[] d = newton(x, g, h, free, lower, upper);
      boolean fixed = false;
      for (int i = 0; i < x.length; i++) {
        if (free[i] && ((x[i] <= lower[i] && d[i] < 0) || (x[i] >= upper[i] && d[i] > 0))) {
          free[i] = false;
          fixed = true;
        }
      }
      if (!fixed) {
        return d;
      }
    }
  }

  /**
   * The Newton direction on the free variables (0 on the others), from the unit-diagonal form of the free block;
   * a ridge is added while the block is not numerically positive definite. A free variable without curvature
   * (the objective linear in it) goes to the bound its gradient points at.
   */
  private static double[] newton(double[] x, double[] g, double[][] h, boolean[] free, double[] lower,
      double[] upper) {
    int n = g.length;
    double[] d = new double[n];
    int[] index = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (free[i] && h[i][i] > 0) {
        index[m++] = i;
      } else if (free[i]) {
        d[i] = g[i] > 0 ? lower[i] - x[i] : g[i] < 0 ? upper[i] - x[i] : 0;
      }
    }
    double[] scale = new double[m];
    double[][] block = new double[m][m];
    double[] rhs = new double[m];
    for (int a = 0; a < m; a++) {
      scale[a] = Math.sqrt(h[index[a]][index[a]]);
    }
    for (int a = 0; a < m; a++) {
      rhs[a] = -g[index[a]] / scale[a];
      for (int b = 0; b < m; b++) {
        block[a][b] = h[index[a]][index[b]] / (scale[a] * scale[b]);
      }
    }
    if (m > 0) {
      RealVector solution = solve(block, rhs);
      for (int a = 0; a < m; a++) {
        d[index[a]] = solution.getEntry(a) / scale[a];
      }
    }
    return d;
  }

  private static RealVector solve(double[][] block, double[] rhs) {
    for (double ridge = 0; ; ridge = ridge == 0 ? 1e-12 : ridge * 100) {
      double[][] shifted = new double[block.length][];
      for (int a = 0; a < block.length; a++) {
        shifted[a] = block[a].clone();
        shifted[a][a] += ridge;
      }
      try {
        return new CholeskyDecomposition(new Array2DRowRealMatrix(shifted, false), 1e-12, 1e-14).getSolver()
            .solve(new ArrayRealVector(rhs, false));
      } catch (MathIllegalArgumentException e) {
        if (ridge > 1) {
          throw e;
        }
      }
    }
  }

  /** A point the line search accepted, with its value. */
  private static final class Step {
    private final double[] point;
    private final double value;

    Step(double[] point, double value) {
      this.point = point;
      this.value = value;
    }
  }

  /**
   * Backtracks from the full step, or from the first bound it meets, until the Armijo condition holds; null when
   * no step decreases the objective (the point is optimal to rounding).
   */
  private static @Nullable Step search(Objective objective, double[] x, double f, double[] d, double slope,
      double[] lower, double[] upper) {
    double limit = limit(x, d, lower, upper);
    double alpha = limit;
    for (int halving = 0; halving <= MAX_HALVINGS; halving++, alpha /= 2) {
      double[] trial = trial(x, d, alpha, lower, upper);
      double value = objective.value(trial);
      if (value <= f + ARMIJO * alpha * slope && value < f) {
        return new Step(trial, value);
      }
    }
    return null;
  }

  /** The longest step along {@code d}, at most 1, that stays in the box. */
  private static double limit(double[] x, double[] d, double[] lower, double[] upper) {
    double limit = 1;
    for (int i = 0; i < x.length; i++) {
      if (d[i] < 0 && lower[i] - x[i] > limit * d[i]) {
        limit = (lower[i] - x[i]) / d[i];
      } else if (d[i] > 0 && upper[i] - x[i] < limit * d[i]) {
        limit = (upper[i] - x[i]) / d[i];
      }
    }
    return limit;
  }

  /**
   * {@code x + alpha d} in the box, a variable that the step takes to a bound (to the rounding of the step) put
   * exactly on it, so that it counts as on the bound next.
   */
  private static double[] trial(double[] x, double[] d, double alpha, double[] lower, double[] upper) {
    double[] trial = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      trial[i] = Math.min(upper[i], Math.max(lower[i], x[i] + alpha * d[i]));
      double rounding = 4 * Math.ulp(x[i]);
      if (d[i] < 0 && x[i] + alpha * d[i] <= lower[i] + rounding) {
        trial[i] = lower[i];
      } else if (d[i] > 0 && x[i] + alpha * d[i] >= upper[i] - rounding) {
        trial[i] = upper[i];
      }
    }
    return trial;
  }
}
