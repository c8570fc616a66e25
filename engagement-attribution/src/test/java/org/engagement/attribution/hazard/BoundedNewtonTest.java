package org.engagement.attribution.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class BoundedNewtonTest {
  private static final double[][] A = {{2, 1, 0}, {1, 2, 0}, {0, 0, 1}};

  /**
   * {@code f(x) = ½ (x − c)ᵀ A (x − c)} on {@code [0, 10]³}: with {@code c = (3, −2, 12)} the second variable stops
   * at its lower bound and the third at its upper one; then the first solves {@code 2 (x₁ − 3) + (0 + 2) = 0}, so
   * the minimum is {@code (2, 0, 10)} (worked by hand: the gradient there is {@code (0, 3, −2)}, pointing out of
   * the box at both bounds), where {@code f = 5}.
   */
  @Test
  void findsTheMinimumOfAQuadraticWithBothBoundsActive() {
    double[] c = {3, -2, 12};
    BoundedNewton.Minimum minimum = BoundedNewton.minimise(quadratic(c), new double[] {5, 5, 5},
        new double[] {0, 0, 0}, new double[] {10, 10, 10});
    assertThat(minimum.point()).containsExactly(new double[] {2, 0, 10}, offset(1e-12));
    assertThat(minimum.value()).isCloseTo(5, offset(1e-12));
  }

  /** From a corner where the gradient points into the box, the variables are freed and the inside minimum found. */
  @Test
  void freesVariablesWhoseGradientPointsIntoTheBox() {
    double[] c = {1, 2, 3};
    BoundedNewton.Minimum minimum = BoundedNewton.minimise(quadratic(c), new double[] {0, 0, 0},
        new double[] {0, 0, 0}, new double[] {10, 10, 10});
    assertThat(minimum.point()).containsExactly(c, offset(1e-12));
    assertThat(minimum.iterations()).isLessThan(10);
  }

  /** A variable the objective is linear in (no curvature) goes to the bound its gradient points at. */
  @Test
  void aVariableWithoutCurvatureGoesToItsBound() {
    BoundedNewton.Objective objective = new BoundedNewton.Objective() {
      @Override
      public double value(double[] x) {
        return (x[0] - 1) * (x[0] - 1) + 3 * x[1];
      }

      @Override
      public void derivatives(double[] x, double[] gradient, double[][] hessian) {
        gradient[0] = 2 * (x[0] - 1);
        gradient[1] = 3;
        hessian[0][0] = 2;
      }
    };
    BoundedNewton.Minimum minimum = BoundedNewton.minimise(objective, new double[] {4, 4}, new double[] {0, 0},
        new double[] {10, 10});
    assertThat(minimum.point()).containsExactly(new double[] {1, 0}, offset(1e-12));
  }

  private static BoundedNewton.Objective quadratic(double[] c) {
    return new BoundedNewton.Objective() {
      @Override
      public double value(double[] x) {
        double v = 0;
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            v += 0.5 * (x[i] - c[i]) * A[i][j] * (x[j] - c[j]);
          }
        }
        return v;
      }

      @Override
      public void derivatives(double[] x, double[] gradient, double[][] hessian) {
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            gradient[i] += A[i][j] * (x[j] - c[j]);
            hessian[i][j] = A[i][j];
          }
        }
      }
    };
  }
}
