package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneySet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code recommended} rule on every mechanism and four seeds (5,000 people each), in the {@code recovery}
 * profile because it takes minutes: the test of path dependence picks Markov order 1 on the Markov world and
 * only there, and on the additive, synergy, slow and Markov worlds the recommended credits meet the issue's
 * error aim (the confounded world needs experiments: {@link ExperimentCalibrationRecoveryTest}).
 *
 * <p>Measured (mean absolute error / Spearman): additive 0.020 to 0.024 / 0.98 to 0.99, synergy 0.027 to 0.029
 * / 0.97, slow 0.018 to 0.023 / 0.97 to 0.99, Markov 0.002 to 0.004 / 0.68 to 0.98. The Markov world's
 * ranking at seed {@value SampleWorld#SEED} (0.68) is Markov order 1's own: LinkedIn and Google Ads have the
 * same reach and lift there, so their true shares differ by noise only, as do several small channels; the
 * error, 0.004, is the smallest of any mechanism.
 */
@Tag("heavy")
class RecommendedRuleAcrossSeedsTest {
  @Test
  void theRulePicksMarkovOnlyWhereTheProcessIsMarkovAndMeetsTheErrorAim() {
    AttributionModels models = AttributionModels.defaults();
    for (WorldMechanism mechanism : List.of(WorldMechanism.ADDITIVE, WorldMechanism.SYNERGY, WorldMechanism.SLOW,
        WorldMechanism.MARKOV)) {
      for (long seed : new long[] {SampleWorld.SEED, 1, 2, 3}) {
        World world = WorldGenerator.generate(WorldSpec.builder().seed(seed).mechanism(mechanism).build());
        Map<String, Instant> arrivals = new HashMap<>();
        world.customers().forEach(c -> arrivals.put(c.id(), c.firstSeen()));
        WorldFiles files = new WorldFiles(world.interactions(), arrivals, world.truth().shares());
        JourneySet journeys = AttributionRecoveryTest.journeys(files,
            Duration.ofDays(7L * world.spec().inMarketWeeks()));
        AttributionResult recommended = models.create("recommended").attribute(journeys);
        AttributionRecoveryTest.Fit fit = AttributionRecoveryTest.Fit.of(recommended, files.trueShares());
        AttributionRecoveryTest.Fit lastTouch = AttributionRecoveryTest.Fit.of(
            models.create("last-touch").attribute(journeys), files.trueShares());
        System.out.printf(Locale.ROOT, "%s seed %d: recommended %.3f / %.2f, last touch %.3f / %.2f%n",
            mechanism.id(), seed, fit.meanAbsoluteError(), fit.rankCorrelation(), lastTouch.meanAbsoluteError(),
            lastTouch.rankCorrelation());
        String description = mechanism.id() + " seed " + seed;
        boolean choseMarkov = recommended.notes().stream().anyMatch(n -> n.startsWith("recommended: markov order"));
        assertThat(choseMarkov).as(description).isEqualTo(mechanism == WorldMechanism.MARKOV);
        assertThat(fit.meanAbsoluteError()).as(description).isLessThanOrEqualTo(0.03)
            .isLessThan(lastTouch.meanAbsoluteError());
        if (mechanism != WorldMechanism.MARKOV) {
          assertThat(fit.rankCorrelation()).as(description).isGreaterThanOrEqualTo(0.8);
        }
      }
    }
  }
}
