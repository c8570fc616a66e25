package org.engagement.attribution.shapley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;
import org.junit.jupiter.api.Test;

/**
 * What {@code negative=clamp|keep} gives on journeys where each of eight channels raises the conversion
 * probability: the case, where clamping the exact-set game took the credit of channels with a real
 * effect.
 */
class ShapleyNegativeValuesTest {
  private static final int CHANNELS = 8;
  /** Exposure probability per channel: a few reach channels and several rare ones, as in real data. */
  private static final double[] EXPOSURE = {0.6, 0.5, 0.35, 0.2, 0.12, 0.08, 0.05, 0.03};
  /** Additive effect on the conversion probability per channel: all positive. */
  private static final double[] EFFECT = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08};
  private static final double BASE = 0.02;

  /** Journeys with independent exposures, a conversion probability additive in the channels touched. */
  static JourneySet positiveEffects(long seed, int journeys) {
    SplittableRandom random = new SplittableRandom(seed);
    JourneySet.Builder builder = JourneySet.builder();
    for (int j = 0; j < journeys; j++) {
      List<String> path = new ArrayList<>();
      double p = BASE;
      for (int c = 0; c < CHANNELS; c++) {
        if (random.nextDouble() < EXPOSURE[c]) {
          path.add("ch" + c);
          p += EFFECT[c];
        }
      }
      if (path.isEmpty()) {
        continue;
      }
      java.util.Collections.shuffle(path, new java.util.Random(random.nextLong()));
      boolean converted = random.nextDouble() < p;
      builder.add(path, converted ? 1 : 0, converted ? 10 : 0, converted ? 0 : 1);
    }
    return builder.build();
  }

  private static AttributionResult attribute(JourneySet journeys, String worth, String negative) {
    return AttributionModels.builder().registerAll(ShapleyModelProviders.all()).build()
        .create("shapley", ModelParameters.of(Map.of("worth", worth, "negative", negative))).attribute(journeys);
  }

  private static long zeros(AttributionResult result) {
    return result.conversionsByChannel().values().stream().filter(v -> v <= 0).count();
  }

  /**
   * The channels' true incremental conversions are {@code EFFECT[c] × EXPOSURE[c] × journeys}: every one
   * positive. Clamping the exact-set game nevertheless gives some of them nothing (the rare channels, whose
   * coalitions are mostly unseen), and says so in a note.
   */
  @Test
  void clampingTheExactGameTakesTheCreditOfChannelsWithARealEffectAndSaysSo() {
    JourneySet journeys = positiveEffects(7, 20_000);
    double[] phi = ShapleyModel.create().shapleyValues(journeys);
    AttributionResult clamped = attribute(journeys, "exact", "clamp");
    long negative = java.util.Arrays.stream(phi).filter(v -> v < 0).count();
    assertThat(negative).as("channels with a positive effect but a negative exact-game value").isPositive();
    assertThat(zeros(clamped)).isEqualTo(negative);
    assertThat(clamped.conversionsByChannel().values()).allSatisfy(v -> assertThat(v).isNotNegative());
    assertThat(sum(clamped)).isCloseTo(journeys.totalConversions(), within(1e-9));
    assertThat(clamped.notes()).singleElement().asString().contains("negative=clamp")
        .contains(negative + " channel(s)");
  }

  /** Kept, the signed values are the shares: {@code φ_c / Σ φ × total}, negative ones included. */
  @Test
  void keepingGivesTheSignedShares() {
    JourneySet journeys = positiveEffects(7, 20_000);
    double[] phi = ShapleyModel.create().withWorth(CoalitionWorth.SUBSETS).shapleyValues(journeys);
    double total = java.util.Arrays.stream(phi).sum();
    assertThat(total).isPositive();
    AttributionResult kept = attribute(journeys, "subsets", "keep");
    for (int c = 0; c < phi.length; c++) {
      assertThat(kept.conversions(c)).isCloseTo(phi[c] / total * journeys.totalConversions(), within(1e-9));
      assertThat(kept.value(c)).isCloseTo(phi[c] / total * journeys.totalValue(), within(1e-9));
    }
    assertThat(sum(kept)).isCloseTo(journeys.totalConversions(), within(1e-9));
    assertThat(kept.notes()).isEmpty();
  }

  /**
   * In the exact-set game the values add up to {@code v(N)}, the rate of the journeys that touched every
   * channel; with eight channels no journey did, so signed shares cannot be formed and keep falls back to
   * the simplified Shapley value, with a note: this is why clamp stays the default.
   */
  @Test
  void keepingTheExactGameFallsBackWhenTheGrandCoalitionIsUnseen() {
    JourneySet journeys = positiveEffects(7, 20_000);
    AttributionResult kept = attribute(journeys, "exact", "keep");
    AttributionResult simplified = SimplifiedShapleyModel.create().attribute(journeys);
    for (int c = 0; c < CHANNELS; c++) {
      assertThat(kept.conversions(c)).isCloseTo(simplified.conversions(c), within(1e-9));
    }
    assertThat(kept.notes()).singleElement().asString().contains("cannot be split");
  }

  /** Subsets worth with the default clamp gives credit to more of the channels than the exact game does. */
  @Test
  void theSubsetsWorthLeavesFewerChannelsWithout() {
    JourneySet journeys = positiveEffects(7, 20_000);
    assertThat(zeros(attribute(journeys, "subsets", "clamp"))).isLessThan(zeros(attribute(journeys, "exact", "clamp")));
  }

  @Test
  void theParameterIsShownOnlyWhenNotTheDefault() {
    AttributionModels models = AttributionModels.builder().registerAll(ShapleyModelProviders.all()).build();
    assertThat(models.create("shapley").parameters().asText()).doesNotContainKey("negative");
    ShapleyModel keep = (ShapleyModel) models.create("shapley", ModelParameters.of(Map.of("negative", "keep")));
    assertThat(keep.negative()).isEqualTo(NegativeValues.KEEP);
    assertThat(keep.parameters().asText()).containsEntry("negative", "keep");
    assertThat(models.create("shapley", keep.parameters())).hasToString(keep.toString());
  }

  private static double sum(AttributionResult result) {
    return result.conversionsByChannel().values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
