package org.engagement.simulator.mix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's gain aim against what the data allow ({@link MixGainBound}): on the default world no plan made from
 * the series can be expected to collect 95 % of the true optimum's gain, even with every channel's carry-over and
 * saturation, the unseen demand and the noise level given; the bound is no artefact of its reckoning, since it
 * reaches the whole gain where the noise is small and 95 % where today's budget is far from its optimum. The
 * bound is Bayes decision theory's (the plan with the largest posterior-expected outcome collects the most in
 * expectation over the worlds the data cannot tell apart; Berger 1985, "Statistical Decision Theory and Bayesian
 * Analysis", section 4.4), for a linear model whose posterior is exact. Tagged heavy: about 20 s.
 */
@Tag("heavy")
class MixGainBoundTest {
  @Test
  void onTheDefaultWorldNoPlanIsExpectedToReach95PercentEvenWithTheCurvesKnown() {
    double sum = 0;
    for (long seed = 1; seed <= 4; seed++) {
      MixGainBound.Figures figures = MixGainBound.of(MixWorldSpec.defaults(seed), false);
      assertThat(figures.optimumShare()).as("seed %d's prize", seed).isLessThan(0.02);
      assertThat(figures.bayes()).as("seed %d", seed).isLessThan(0.95);
      sum += figures.bayes();
    }
    assertThat(sum / 4).isLessThan(0.9);
  }

  @Test
  void whereTheNoiseIsATenthTheBoundReachesTheWholeGain() {
    for (long seed = 1; seed <= 2; seed++) {
      MixGainBound.Figures figures =
          MixGainBound.of(MixGainBound.withNoise(MixWorldSpec.defaults(seed), 0.003), false);
      assertThat(figures.bayes()).as("seed %d", seed).isGreaterThan(0.99);
      assertThat(figures.plugIn()).as("seed %d", seed).isGreaterThan(0.99);
    }
  }

  @Test
  void whereTodaysBudgetIsFarFromItsOptimumKnownCurvesWouldReach95Percent() {
    double sum = 0;
    for (long seed = 1; seed <= 4; seed++) {
      MixGainBound.Figures figures = MixGainBound.of(MixWorldSpec.misallocated(seed), false);
      assertThat(figures.optimumShare()).as("seed %d's prize", seed).isGreaterThan(0.09);
      sum += figures.bayes();
    }
    assertThat(sum / 4).isGreaterThan(0.95);
  }
}
