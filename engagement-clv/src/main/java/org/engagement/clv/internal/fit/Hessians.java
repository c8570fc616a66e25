package org.engagement.clv.internal.fit;

import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.jspecify.annotations.Nullable;

/** Central-difference Hessians and their inverse, for standard errors. Stateless. */
final class Hessians {
  /** Step on the transformed scale: about eps^(1/4), the optimum for second central differences. */
  private static final double STEP = 1e-4;
  /** Smallest accepted ratio of the smallest to the largest eigenvalue. */
  private static final double CONDITION_LIMIT = 1e-6;

  private Hessians() {}

  /** The Hessian of {@code f} at {@code x} by central differences. */
  static double[][] of(MultivariateFunction f, double[] x) {
    int n = x.length;
    double[][] h = new double[n][n];
    double centre = f.value(x);
    double[] p = x.clone();
    for (int i = 0; i < n; i++) {
      p[i] = x[i] + STEP;
      double plus = f.value(p);
      p[i] = x[i] - STEP;
      double minus = f.value(p);
      p[i] = x[i];
      h[i][i] = (plus - 2 * centre + minus) / (STEP * STEP);
      for (int j = 0; j < i; j++) {
        h[i][j] = mixed(f, p, i, j);
        h[j][i] = h[i][j];
      }
    }
    return h;
  }

  private static double mixed(MultivariateFunction f, double[] p, int i, int j) {
    double xi = p[i];
    double xj = p[j];
    double sum = 0;
    for (int si = -1; si <= 1; si += 2) {
      for (int sj = -1; sj <= 1; sj += 2) {
        p[i] = xi + si * STEP;
        p[j] = xj + sj * STEP;
        sum += si * sj * f.value(p);
      }
    }
    p[i] = xi;
    p[j] = xj;
    return sum / (4 * STEP * STEP);
  }

  /**
   * The inverse of {@code h}, or null if it is not finite and clearly positive definite: its smallest
   * eigenvalue must exceed {@value #CONDITION_LIMIT} times the largest, since finite differences leave
   * noise of about {@code 1e-8} relative in a singular direction.
   */
  static double @Nullable [][] inverseIfPositiveDefinite(double[][] h) {
    for (double[] row : h) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return null;
        }
      }
    }
    RealMatrix m = MatrixUtils.createRealMatrix(h);
    try {
      double[] eigen = new EigenDecompositionSymmetric(m, 1e-12, true).getEigenvalues();
      double largest = Double.NEGATIVE_INFINITY;
      double smallest = Double.POSITIVE_INFINITY;
      for (double e : eigen) {
        largest = Math.max(largest, e);
        smallest = Math.min(smallest, e);
      }
      if (!(largest > 0 && smallest > largest * CONDITION_LIMIT)) {
        return null;
      }
      return new CholeskyDecomposition(m, 1e-8, 0).getSolver().getInverse().getData();
    } catch (MathRuntimeException e) {
      return null;
    }
  }
}
