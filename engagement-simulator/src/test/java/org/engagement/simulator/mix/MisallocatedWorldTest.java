package org.engagement.simulator.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link MixWorldSpec#misallocated}: the default world's true curves with today's budget laid out far from the
 * optimum, so that the budget plan can be judged where moving money pays. Checks that only the spend differs
 * and that the world's prize is what its rule asks: the true optimum's gain at least 10 % of the outcome.
 */
class MisallocatedWorldTest {
  private static final MixWorldSpec DEFAULTS = MixWorldSpec.defaults(3);
  private static final MixWorldSpec MISALLOCATED = MixWorldSpec.misallocated(3);

  @Test
  void theCurvesAreTheDefaultsAndOnlyTheSpendMoves() {
    double defaultTotal = 0;
    double total = 0;
    for (int c = 0; c < DEFAULTS.channels().size(); c++) {
      MixChannel d = DEFAULTS.channels().get(c);
      MixChannel m = MISALLOCATED.channels().get(c);
      assertThat(m.name()).isEqualTo(d.name());
      assertThat(m.halfLife()).isEqualTo(d.halfLife());
      assertThat(m.shape()).isEqualTo(d.shape());
      assertThat(m.dark()).isEqualTo(d.dark());
      for (double spend : new double[] {0.3 * d.meanSpend(), d.meanSpend(), 2.7 * d.meanSpend()}) {
        assertThat(m.steadyResponse(spend)).as(d.name()).isCloseTo(d.steadyResponse(spend),
            within(1e-9 * d.steadyResponse(spend)));
      }
      double factor = m.meanSpend() / d.meanSpend();
      assertThat(factor).as(d.name()).satisfiesAnyOf(
          f -> assertThat(f).isCloseTo(0.5, within(1e-12)), f -> assertThat(f).isGreaterThan(2.5));
      defaultTotal += d.meanSpend();
      total += m.meanSpend();
    }
    assertThat(total).isCloseTo(defaultTotal, within(1e-6));
    assertThat(MISALLOCATED.noise()).isEqualTo(DEFAULTS.noise());
    assertThat(MISALLOCATED.demand()).isEqualTo(DEFAULTS.demand());
  }

  /** The world's rule, on the spend each seed drew: 10.9 % on the nominal spend. */
  @Test
  void theTrueOptimumGainsAtLeastATenthOfTheOutcome() {
    for (long seed = 1; seed <= 4; seed++) {
      MixWorldSpec spec = MixWorldSpec.misallocated(seed);
      MixWorld world = MixSimulation.generate(spec);
      int channels = world.channels().size();
      DoubleUnaryOperator[] truth = new DoubleUnaryOperator[channels];
      double[] current = new double[channels];
      double[] low = new double[channels];
      double[] high = new double[channels];
      for (int c = 0; c < channels; c++) {
        truth[c] = spec.channels().get(c)::steadyResponse;
        current[c] = world.meanSpend(c);
        low[c] = 0.5 * current[c];
        high[c] = 2 * current[c];
      }
      double[] best = TrueOptimum.best(truth, MixAims.budget(world), low, high);
      double gain = value(truth, best) - value(truth, current);
      double outcome = Arrays.stream(world.outcome()).average().orElseThrow();
      assertThat(gain / outcome).as("seed %d", seed).isBetween(0.09, 0.2);
    }
  }

  private static double value(DoubleUnaryOperator[] curves, double[] spend) {
    double sum = 0;
    for (int c = 0; c < curves.length; c++) {
      sum += curves[c].applyAsDouble(spend[c]);
    }
    return sum;
  }
}
