package org.engagement.simulator.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The campaign spend plans ({@link MixWorldSpec.Plans#CAMPAIGNS}) on {@link MixWorldSpec#defaults}: each
 * channel's mean spend is its own, channels that go dark run in flights with about their share of dark weeks,
 * in flights of 2 to 6 weeks, the others pulse without a dark week, and the original plans stay the default.
 */
class MixPlansTest {
  private static final MixWorldSpec SPEC = MixWorldSpec.defaults(4).withPlans(MixWorldSpec.Plans.CAMPAIGNS);
  private static final MixWorld WORLD = MixSimulation.generate(SPEC);

  @Test
  void eachChannelSpendsItsMeanOverTheSeries() {
    for (int c = 0; c < WORLD.channels().size(); c++) {
      double mean = SPEC.channels().get(c).meanSpend();
      assertThat(WORLD.meanSpend(c)).as(WORLD.channels().get(c)).isCloseTo(mean, within(1e-9 * mean));
    }
  }

  @Test
  void flightedChannelsGoDarkAboutAsOftenAsStatedAndTheOthersNever() {
    for (int c = 0; c < WORLD.channels().size(); c++) {
      MixChannel channel = SPEC.channels().get(c);
      double darkShare = (double) Arrays.stream(WORLD.spend(c)).filter(v -> v == 0).count() / SPEC.periods();
      if (channel.dark() >= 0.3) {
        assertThat(darkShare).as(channel.name()).isCloseTo(channel.dark(), within(0.15));
        assertThat(flights(WORLD.spend(c))).as(channel.name() + " flights").isNotEmpty()
            .allSatisfy(weeks -> assertThat(weeks).isBetween(2, 6));
      } else {
        assertThat(darkShare).as(channel.name()).isZero();
      }
    }
  }

  @Test
  void theSameSpecGivesTheSameWorldAndTheOriginalPlansStayTheDefault() {
    assertThat(MixSimulation.generate(SPEC).spend(0)).containsExactly(WORLD.spend(0));
    assertThat(MixWorldSpec.defaults(4).plans()).isEqualTo(MixWorldSpec.Plans.WEEKLY_DRAWS);
    assertThat(MixSimulation.generate(MixWorldSpec.defaults(4)).spend(0)).isNotEqualTo(WORLD.spend(0));
  }

  /** The lengths of the runs of weeks with spend, but the last (which the series' end may cut short). */
  private static java.util.List<Integer> flights(double[] spend) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    int run = 0;
    for (double v : spend) {
      if (v > 0) {
        run++;
      } else if (run > 0) {
        out.add(run);
        run = 0;
      }
    }
    return out;
  }
}
