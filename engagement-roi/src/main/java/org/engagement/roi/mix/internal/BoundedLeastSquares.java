package org.engagement.roi.mix.internal;

import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealVector;

/**
 * Minimises {@code β'Aβ - 2b'β} for a symmetric positive-definite {@code A} with box bounds on some
 * coordinates, by an active-set method: solve on the free coordinates (Hipparchus's Cholesky decomposition),
 * pin the worst bound violation, free a pinned coordinate whose gradient points inside, until neither
 * happens. A coordinate whose bounds are equal is held there throughout. The systems are small (tens of
 * coordinates). Stateless and thread-safe.
 */
final class BoundedLeastSquares {
  private static final double TOLERANCE = 1e-12;

  private BoundedLeastSquares() {}

  /**
   * Solves the bounded problem.
   *
   * @param a the matrix, row-major, symmetric positive definite
   * @param b the right-hand side
   * @param lower the lower bounds ({@code -∞} for none)
   * @param upper the upper bounds ({@code +∞} for none)
   * @return the minimiser
   */
  static double[] solve(double[][] a, double[] b, double[] lower, double[] upper) {
    int p = b.length;
    double[] beta = new double[p];
    boolean[] pinned = new boolean[p];
    for (int i = 0; i < p; i++) {
      if (lower[i] == upper[i]) {
        beta[i] = lower[i];
        pinned[i] = true;
      }
    }
    for (int iteration = 0; iteration < 6 * p + 10; iteration++) {
      solveFree(a, b, pinned, beta);
      int worst = worstViolation(beta, pinned, lower, upper);
      if (worst >= 0) {
        beta[worst] = beta[worst] < lower[worst] ? lower[worst] : upper[worst];
        pinned[worst] = true;
        continue;
      }
      int release = bestRelease(a, b, beta, pinned, lower, upper);
      if (release < 0) {
        return beta;
      }
      pinned[release] = false;
    }
    clamp(beta, lower, upper);
    return beta;
  }

  private static void solveFree(double[][] a, double[] b, boolean[] pinned, double[] beta) {
    int p = b.length;
    int[] free = new int[p];
    int m = 0;
    for (int i = 0; i < p; i++) {
      if (!pinned[i]) {
        free[m++] = i;
      }
    }
    if (m == 0) {
      return;
    }
    double[][] sub = new double[m][m];
    double[] rhs = new double[m];
    for (int i = 0; i < m; i++) {
      int r = free[i];
      double value = b[r];
      for (int j = 0; j < p; j++) {
        if (pinned[j]) {
          value -= a[r][j] * beta[j];
        }
      }
      rhs[i] = value;
      for (int k = 0; k < m; k++) {
        sub[i][k] = a[r][free[k]];
      }
    }
    RealVector solution = new CholeskyDecomposition(MatrixUtils.createRealMatrix(sub), 1e-9, 1e-14)
        .getSolver().solve(new ArrayRealVector(rhs, false));
    for (int i = 0; i < m; i++) {
      beta[free[i]] = solution.getEntry(i);
    }
  }

  private static int worstViolation(double[] beta, boolean[] pinned, double[] lower, double[] upper) {
    int worst = -1;
    double amount = TOLERANCE;
    for (int i = 0; i < beta.length; i++) {
      if (pinned[i]) {
        continue;
      }
      double violation = Math.max(lower[i] - beta[i], beta[i] - upper[i]);
      if (violation > amount) {
        amount = violation;
        worst = i;
      }
    }
    return worst;
  }

  private static int bestRelease(double[][] a, double[] b, double[] beta, boolean[] pinned, double[] lower,
      double[] upper) {
    int best = -1;
    double amount = TOLERANCE;
    for (int i = 0; i < beta.length; i++) {
      if (!pinned[i] || lower[i] == upper[i]) {
        continue;
      }
      double gradient = b[i];
      for (int j = 0; j < beta.length; j++) {
        gradient -= a[i][j] * beta[j];
      }
      boolean inward = beta[i] <= lower[i] ? gradient > amount : beta[i] >= upper[i] && -gradient > amount;
      if (inward) {
        amount = Math.abs(gradient);
        best = i;
      }
    }
    return best;
  }

  private static void clamp(double[] beta, double[] lower, double[] upper) {
    for (int i = 0; i < beta.length; i++) {
      beta[i] = Math.min(upper[i], Math.max(lower[i], beta[i]));
    }
  }
}
