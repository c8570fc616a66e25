package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The transforms of Jin et al. 2017 (eq. 1 and the Hill function, eq. 3), normalised. */
class CarryoverTest {

  @Test
  void geometricCarryOverOfAConstantSpendApproachesThatSpend() {
    double[] spend = new double[200];
    Arrays.fill(spend, 3);
    double[] out = new double[spend.length];
    Carryover.geometric(spend, 0.9, out);
    assertThat(out[0]).isCloseTo(0.3, within(1e-12));
    assertThat(out[199]).isCloseTo(3, within(1e-6));
  }

  @Test
  void aPulseDecaysByHalfEachHalfLife() {
    double[] spend = new double[30];
    spend[0] = 1;
    double decay = Math.pow(0.5, 1 / 4.0);
    double[] out = new double[spend.length];
    Carryover.geometric(spend, decay, out);
    assertThat(out[4] / out[0]).isCloseTo(0.5, within(1e-12));
    assertThat(Carryover.geometricHalfLife(decay)).isCloseTo(4, within(1e-9));
  }

  @Test
  void delayedWeightsSumToOneAndPeakAtTheDelay() {
    double[] weights = Carryover.delayedWeights(0.8, 3, 13);
    assertThat(Arrays.stream(weights).sum()).isCloseTo(1, within(1e-12));
    for (int l = 0; l < weights.length; l++) {
      assertThat(weights[l]).isLessThanOrEqualTo(weights[3]);
    }
    assertThat(Carryover.medianLag(weights)).isBetween(3.0, 5.0);
  }

  @Test
  void weightedCarryOverMovesAPulseToItsWeights() {
    double[] weights = Carryover.delayedWeights(0.5, 2, 8);
    double[] spend = new double[12];
    spend[1] = 2;
    double[] out = new double[spend.length];
    Carryover.weighted(spend, weights, out);
    assertThat(out[0]).isZero();
    assertThat(out[3]).isCloseTo(2 * weights[2], within(1e-12));
  }

  @Test
  void hillIsHalfAtTheHalfSaturationPoint() {
    assertThat(Carryover.hill(1.7, 1.7, 2.5)).isCloseTo(0.5, within(1e-12));
    assertThat(Carryover.hill(0, 1, 1)).isZero();
    assertThat(Carryover.hill(1e9, 1, 1)).isCloseTo(1, within(1e-6));
  }
}
