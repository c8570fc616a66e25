package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedLeastSquaresTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void withoutActiveBoundsItSolvesTheNormalEquations() {
    double[][] a = {{4, 1}, {1, 3}};
    double[] beta = BoundedLeastSquares.solve(a, new double[] {1, 2}, new double[] {-INF, -INF},
        new double[] {INF, INF});
    assertThat(beta[0]).isCloseTo(1.0 / 11, within(1e-12));
    assertThat(beta[1]).isCloseTo(7.0 / 11, within(1e-12));
  }

  @Test
  void aNegativeUnconstrainedSolutionIsHeldAtItsBoundAndTheRestRefitted() {
    double[][] a = {{1, 0.9}, {0.9, 1}};
    double[] b = {1, 0.5};
    double[] beta = BoundedLeastSquares.solve(a, b, new double[] {0, 0}, new double[] {INF, INF});
    // unconstrained: beta_2 < 0; with beta_2 = 0 the best beta_1 is b_1 / a_11 = 1
    assertThat(beta[1]).isZero();
    assertThat(beta[0]).isCloseTo(1, within(1e-12));
  }

  @Test
  void anUpperBoundHolds() {
    double[][] a = {{1}};
    double[] beta = BoundedLeastSquares.solve(a, new double[] {5}, new double[] {0}, new double[] {2});
    assertThat(beta[0]).isEqualTo(2);
  }

  @Test
  void equalBoundsHoldTheCoordinateAndTheRestIsSolvedAroundIt() {
    double[][] a = {{4, 1}, {1, 3}};
    double[] beta = BoundedLeastSquares.solve(a, new double[] {1, 2}, new double[] {-INF, 0.5},
        new double[] {INF, 0.5});
    // beta_2 held at 0.5 (the unconstrained 7/11 lies above it): 4 beta_1 = 1 - 0.5
    assertThat(beta[1]).isEqualTo(0.5);
    assertThat(beta[0]).isCloseTo(0.125, within(1e-12));
  }
}
