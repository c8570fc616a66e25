package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class AllocationTest {

  @Test
  void concaveCurvesMeetWhereMarginalReturnsAreEqual() {
    // r_i(s) = a_i ln(1 + s): equal marginal returns a_i / (1 + s_i) give s = (a_i / λ) - 1.
    double[] a = {1, 2, 3};
    DoubleUnaryOperator[] curves = new DoubleUnaryOperator[3];
    for (int i = 0; i < 3; i++) {
      double scale = a[i];
      curves[i] = s -> scale * Math.log1p(s);
    }
    double budget = 9;
    double lambda = 6 / (budget + 3);
    double[] best = Allocation.best(curves, budget, new double[3], new double[] {9, 9, 9}, 900);
    for (int i = 0; i < 3; i++) {
      assertThat(best[i]).isCloseTo(a[i] / lambda - 1, within(0.02));
    }
  }

  @Test
  void anSCurveGetsAllOrNothingWhereEqualisingMarginsWouldSplit() {
    DoubleUnaryOperator s = x -> x * x * x / (x * x * x + 1);
    double[] best = Allocation.best(new DoubleUnaryOperator[] {s, s}, 2, new double[2], new double[] {2, 2},
        200);
    double value = s.applyAsDouble(best[0]) + s.applyAsDouble(best[1]);
    assertThat(value).isGreaterThanOrEqualTo(2 * s.applyAsDouble(1) - 1e-12);
    assertThat(value).isGreaterThanOrEqualTo(s.applyAsDouble(2) - 1e-12);
  }

  @Test
  void boundsThatCannotMeetTheBudgetGiveNoAllocation() {
    DoubleUnaryOperator line = x -> x;
    assertThat(Allocation.best(new DoubleUnaryOperator[] {line}, 10, new double[] {0}, new double[] {5}, 100))
        .isNull();
  }

  @Test
  void aMinimumRoiSpendsAsMuchAsKeepsTheReturnPerUnitAtTheTarget() {
    // r(s) = 4 √s returns 4 / √s per unit: at least 2 up to s = 4, so 4 of a budget of 10 is spent.
    DoubleUnaryOperator root = s -> 4 * Math.sqrt(s);
    double[] best = Allocation.best(new DoubleUnaryOperator[] {root}, 10, new double[] {0}, new double[] {10},
        1000, 2);
    assertThat(best[0]).isCloseTo(4, within(0.01));
    double[] unconstrained = Allocation.best(new DoubleUnaryOperator[] {root}, 10, new double[] {0},
        new double[] {10}, 1000, 0);
    assertThat(unconstrained[0]).isCloseTo(10, within(1e-9));
  }

  @Test
  void aMinimumRoiNoSplitReachesGivesNoAllocation() {
    DoubleUnaryOperator line = x -> 0.5 * x;
    assertThat(Allocation.best(new DoubleUnaryOperator[] {line}, 10, new double[] {0}, new double[] {10}, 100,
        1)).isNull();
  }
}
