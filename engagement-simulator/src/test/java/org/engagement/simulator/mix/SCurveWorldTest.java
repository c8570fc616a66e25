package org.engagement.simulator.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link MixWorldSpec#sCurves}: the default world with every channel's response S-shaped, so that a model
 * default judged on the default world (whose search, display and email are concave) can be checked on curves
 * it does not favour. Only the shapes differ: the same spend is drawn and a constant mean spend returns the same
 * ROI.
 */
class SCurveWorldTest {
  private static final MixWorldSpec DEFAULTS = MixWorldSpec.defaults(3);
  private static final MixWorldSpec S_CURVES = MixWorldSpec.sCurves(3);

  @Test
  void everyChannelIsSShapedAndOtherwiseTheDefault() {
    assertThat(S_CURVES.channels()).hasSameSizeAs(DEFAULTS.channels());
    for (int c = 0; c < DEFAULTS.channels().size(); c++) {
      MixChannel s = S_CURVES.channels().get(c);
      MixChannel d = DEFAULTS.channels().get(c);
      assertThat(s.shape()).as(s.name()).isBetween(2.0, 2.8);
      assertThat(s.withShape(d.shape())).isEqualTo(d);
      // convex at low spend: the second step of the response is larger than the first
      double step = 0.05 * s.meanSpend();
      assertThat(s.steadyResponse(2 * step) - s.steadyResponse(step))
          .as(s.name()).isGreaterThan(s.steadyResponse(step) - s.steadyResponse(0));
      assertThat(s.steadyResponse(s.meanSpend()) / s.meanSpend()).isCloseTo(s.roi(), within(1e-9));
    }
  }

  @Test
  void theSpendDrawnIsTheDefaultWorlds() {
    MixWorld s = MixSimulation.generate(S_CURVES);
    MixWorld d = MixSimulation.generate(DEFAULTS);
    for (int c = 0; c < d.channels().size(); c++) {
      assertThat(s.spend(c)).as(d.channels().get(c)).containsExactly(d.spend(c));
    }
    assertThat(s.outcome()).isNotEqualTo(d.outcome());
  }
}
