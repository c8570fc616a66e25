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
 *
 * <p>Measured (error / Spearman; seeds {@value SampleWorld#SEED}, 1, 2, 3, 4):
 * <ul>
 *   <li>the 5,000-person truth against the expected truth: 0.0061 / 0.68, 0.0040 / 0.89, 0.0050 / 0.92,
 *       0.0025 / 0.96, 0.0033 / 0.94: the bundled seed's truth ranks its own channels no better than Markov
 *       order 1 ranks them against it (0.68);
 *   <li>Markov order 1 (recommended's choice on every seed, the validation selecting order 1) against the
 *       expected truth: 0.0046 / 0.93, 0.0040 / 0.92, 0.0036 / 0.98, 0.0017 / 0.96, 0.0026 / 1.00, mean error
 *       0.0033, the best of every model on every seed;
 *   <li>Markov orders 2 and 3 are closer to the 5,000-person truth (order 3: mean error 0.0019 against order 1's
 *       0.0031; Spearman 0.88 against 0.68 at the bundled seed) but further from the expected truth (mean error
 *       0.0040 and 0.0043 against 0.0033): the drawn truth is counted on the very people whose paths a higher
 *       order memorises, so a higher order tracks that sample's noise, not the mechanism. A rule that picked
 *       the higher order would "beat" Markov order 1 on the table and be worse at the question the table stands
 *       for; the held-out validation rightly keeps order 1.
 * </ul>
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
    Map<String, double[]> drawnErrors = new LinkedHashMap<>();
    Map<String, double[]> expectedErrors = new LinkedHashMap<>();
    for (int s = 0; s < SEEDS.length; s++) {
      long seed = SEEDS[s];
      int index = s;
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
        drawnErrors.computeIfAbsent(name, n -> new double[SEEDS.length])[index] = drawn.meanAbsoluteError();
        expectedErrors.computeIfAbsent(name, n -> new double[SEEDS.length])[index] = mean.meanAbsoluteError();
        System.out.printf(Locale.ROOT, "markov seed %d: %-16s truth %.4f / %.2f, expected truth %.4f / %.2f%s%n",
            seed, name, drawn.meanAbsoluteError(), drawn.rankCorrelation(), mean.meanAbsoluteError(),
            mean.rankCorrelation(), name.equals("recommended") ? "  " + result.notes().stream()
                .filter(note -> note.startsWith("recommended: ") && note.contains(", because")).findFirst().map(note -> note.substring(0, note.indexOf(','))).orElse("")
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
    // Over the seeds: higher orders fit the drawn truth better and the expected truth worse.
    assertThat(mean(drawnErrors.get("markov-3"))).isLessThan(mean(drawnErrors.get("markov-1")));
    assertThat(mean(expectedErrors.get("markov-1"))).isLessThan(mean(expectedErrors.get("markov-2")))
        .isLessThan(mean(expectedErrors.get("markov-3")));
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
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
