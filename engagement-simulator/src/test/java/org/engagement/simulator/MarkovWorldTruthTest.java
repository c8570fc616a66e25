package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.markov.MarkovModel;
import org.engagement.attribution.shapley.ShaoLiModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why nothing beats Markov order 1 on the {@linkplain WorldMechanism#MARKOV Markov} world, and why its
 * Spearman correlation with the truth swings from seed to seed (issue 13).
 *
 * <p>A 5,000-person world's {@code truth.csv} is one draw: each channel's true incremental conversions are
 * counted on that world's people, so they carry the same sampling noise as any estimate from its journeys. The
 * world's <em>expected</em> truth, what the mechanism makes each channel cause per person, is estimated here by
 * the truth of a 200,000-person world of the same spec (another seed): forty times the people, so about a sixth
 * of the noise. Against it the 5,000-person truth is itself an estimator, and its ranking is far from perfect,
 * because the default channel table has an exact tie (LinkedIn and Google Ads: reach 0.20, conversion 0.06 per
 * step) and near-ties (partner referrals, trade shows and press at reach 0.10; X and Facebook Ads). The world's
 * truth is a first-order chain's removal effect, which is what Markov order 1 estimates: it is the maximum
 * likelihood estimate of the chain, so an estimator can only tie it on the expected truth, not beat it, unless
 * it knows more of the mechanism than the journeys say. Printed per seed: each model's error and Spearman
 * against the 5,000-person truth and against the expected truth, and the 5,000-person truth's own.
 */
@Tag("heavy")
class MarkovWorldTruthTest {
  static final long[] SEEDS = {SampleWorld.SEED, 1, 2, 3, 4};
  private static final int LARGE = 200_000;

  @Test
  void theRankingIsLimitedByTheTruthsOwnNoise() {
    AttributionModels registry = AttributionModels.defaults();
    Map<String, AttributionModel> models = new LinkedHashMap<>();
    models.put("recommended", registry.create("recommended"));
    models.put("markov-1", MarkovModel.of(1, true));
    models.put("markov-2", MarkovModel.of(2, true));
    models.put("markov-3", MarkovModel.of(3, true));
    models.put("first-touch", registry.create("first-touch"));
    models.put("linear", registry.create("linear"));
    models.put("shao-li", ShaoLiModel.create());
    models.put("additive-hazard", registry.create("additive-hazard"));
    for (long seed : SEEDS) {
      WorldSpec spec = WorldSpec.builder().seed(seed).mechanism(WorldMechanism.MARKOV).build();
      World world = WorldGenerator.generate(spec);
      Map<String, Double> expected = WorldGenerator.stream(WorldSpec.builder().seed(10_000 + seed)
          .customers(LARGE).mechanism(WorldMechanism.MARKOV).build(), new WorldVisitor() {}).shares();
      Map<String, Double> truth = world.truth().shares();
      Map<String, Instant> arrivals = new HashMap<>();
      world.customers().forEach(c -> arrivals.put(c.id(), c.firstSeen()));
      JourneySet journeys = AttributionRecoveryTest.journeys(new WorldFiles(world.interactions(), arrivals, truth),
          Duration.ofDays(7L * spec.inMarketWeeks()));
      AttributionRecoveryTest.Fit truthFit = fit(truth, expected);
      System.out.printf(Locale.ROOT, "markov seed %d: 5,000-person truth against the expected truth %.4f / %.2f%n",
          seed, truthFit.meanAbsoluteError(), truthFit.rankCorrelation());
      Map<String, AttributionRecoveryTest.Fit> againstExpected = new LinkedHashMap<>();
      models.forEach((name, model) -> {
        var result = model.attribute(journeys);
        AttributionRecoveryTest.Fit drawn = AttributionRecoveryTest.Fit.of(result, truth);
        AttributionRecoveryTest.Fit mean = AttributionRecoveryTest.Fit.of(result, expected);
        againstExpected.put(name, mean);
        System.out.printf(Locale.ROOT, "markov seed %d: %-16s truth %.4f / %.2f, expected truth %.4f / %.2f%s%n",
            seed, name, drawn.meanAbsoluteError(), drawn.rankCorrelation(), mean.meanAbsoluteError(),
            mean.rankCorrelation(), name.equals("recommended") ? "  " + result.notes().stream()
                .filter(note -> note.startsWith("recommended: markov order") || note.startsWith("recommended: ")
                    && note.contains(", because")).findFirst().map(note -> note.substring(0, note.indexOf(','))).orElse("")
                : "");
      });
      String description = "seed " + seed;
      // Markov order 1 is at least as close to the expected truth as the drawn truth itself is.
      assertThat(againstExpected.get("markov-1").meanAbsoluteError()).as(description)
          .isLessThanOrEqualTo(truthFit.meanAbsoluteError() * 1.5);
      for (String other : List.of("first-touch", "linear", "shao-li", "additive-hazard")) {
        assertThat(againstExpected.get("markov-1").meanAbsoluteError()).as(description + " " + other)
            .isLessThan(againstExpected.get(other).meanAbsoluteError());
      }
    }
  }

  private static AttributionRecoveryTest.Fit fit(Map<String, Double> shares, Map<String, Double> truth) {
    double[] a = new double[truth.size()];
    double[] b = new double[truth.size()];
    double error = 0;
    int i = 0;
    for (Map.Entry<String, Double> channel : truth.entrySet()) {
      a[i] = shares.getOrDefault(channel.getKey(), 0.0);
      b[i] = channel.getValue();
      error += Math.abs(a[i] - b[i]);
      i++;
    }
    return new AttributionRecoveryTest.Fit(shares, error / truth.size(),
        new org.hipparchus.stat.correlation.SpearmansCorrelation().correlation(a, b));
  }
}
