package org.engagement.attribution.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.HazardWorld;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class AdditiveHazardModelTest {

  /** The fit lands near the generator's own hazards (100,000 people; standard errors about 0.005). */
  @Test
  void theFitRecoversTheGeneratorsHazards() {
    HazardWorld world = HazardWorld.of(11, 100_000, null);
    double[] h = AdditiveHazardModel.create().hazards(world.journeys());
    assertThat(h[0]).isCloseTo(HazardWorld.baseline(), within(0.02));
    double[] effects = HazardWorld.effects();
    for (int c = 0; c < effects.length; c++) {
      int id = world.journeys().channels().id(HazardWorld.CHANNELS.get(c)).orElseThrow();
      assertThat(h[1 + id]).as(HazardWorld.CHANNELS.get(c)).isCloseTo(effects[c], within(0.02));
    }
  }

  /** The aim (mean absolute error of shares at most 0.03) on the world whose mechanism it assumes. */
  @Test
  void sharesAreNearTheTruthAndTheCreditsAddUp() {
    for (long seed = 1; seed <= 3; seed++) {
      HazardWorld world = HazardWorld.of(seed, 30_000, null);
      AttributionResult result = AttributionModels.defaults().create("additive-hazard").attribute(world.journeys());
      double error = 0;
      for (Map.Entry<String, Double> e : world.trueShares().entrySet()) {
        error += Math.abs(result.conversions(e.getKey()) / result.totalConversions() - e.getValue());
      }
      assertThat(error / HazardWorld.CHANNELS.size()).as("seed " + seed).isLessThanOrEqualTo(0.03);
      assertThat(result.conversionsByChannel().values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(world.journeys().totalConversions(), within(1e-6));
      assertThat(result.valueByChannel().values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(world.journeys().totalValue(), within(1e-4));
    }
  }

  /** A channel that goes with lower conversion gets no effect and no credit; the others share the totals. */
  @Test
  void aHarmfulChannelGetsNothing() {
    JourneySet journeys = JourneySet.builder().add(List.of("good"), 300, 3_000, 700)
        .add(List.of("bad"), 20, 200, 980).add(List.of("good", "bad"), 250, 2_500, 750)
        .add(List.of("other"), 100, 1_000, 900).build();
    AttributionResult result = AdditiveHazardModel.create().attribute(journeys);
    assertThat(result.conversions("bad")).isCloseTo(0, within(1e-3));
    assertThat(result.conversions("good")).isGreaterThan(result.conversions("other"));
  }

  @Test
  void refusesSetsItCannotFit() {
    JourneySet onlyConversions = JourneySet.builder().add(List.of("a"), 3, 30, 0).build();
    assertThatThrownBy(() -> AdditiveHazardModel.create().attribute(onlyConversions))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("totalNulls");
    JourneySet.Builder many = JourneySet.builder();
    for (int c = 0; c <= AdditiveHazardModel.MAX_CHANNELS; c++) {
      many.add(List.of("ch" + c), 1, 1, 1);
    }
    assertThatThrownBy(() -> AdditiveHazardModel.create().attribute(many.build()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("channels");
  }
}
