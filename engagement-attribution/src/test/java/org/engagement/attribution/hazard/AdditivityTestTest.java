package org.engagement.attribution.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.engagement.attribution.HazardWorld;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class AdditivityTestTest {
  /**
   * Where effects add exactly (HazardWorld), the p-value is uniform: over 40 seeds of 3,000 people about 5 % of
   * the tests reject at 0.05 (at most 6 of 40 here; a binomial(40, 0.05) exceeds 6 with probability 0.014), and
   * the test has one degree of freedom per frequent pair (5 channels: 10 pairs).
   */
  @Test
  void whereEffectsAddThePValueIsUniform() {
    int rejected = 0;
    double sumP = 0;
    for (long seed = 1; seed <= 40; seed++) {
      AdditivityTest test = AdditivityTest.of(HazardWorld.of(seed, 3_000, null).journeys());
      assertThat(test.pairs()).isEqualTo(10);
      assertThat(test.degreesOfFreedom()).isBetween(10, 10 + test.channelsAtZero());
      rejected += test.rejectsAt(0.05) ? 1 : 0;
      sumP += test.pValue();
    }
    assertThat(rejected).isLessThanOrEqualTo(6);
    assertThat(sumP / 40).isBetween(0.35, 0.65);
  }

  /** Two channels that only work together: the pair's term is far from 0 and the test rejects. */
  @Test
  void detectsSynergyBetweenTwoChannels() {
    JourneySet journeys = JourneySet.builder()
        .add(List.of("a"), 20, 200, 980).add(List.of("b"), 20, 200, 980)
        .add(List.of("a", "b"), 400, 4_000, 600).add(List.of("c"), 100, 1_000, 900)
        .add(List.of("a", "c"), 110, 1_100, 890).add(List.of("b", "c"), 110, 1_100, 890).build();
    AdditivityTest test = AdditivityTest.of(journeys);
    assertThat(test.pValue()).isLessThan(1e-6);
    assertThat(test.pairs()).isEqualTo(3);
  }

  /**
   * A weaker synergy, half the simulator's (a pair worth 1.5 times the sum of its effects on top of them, about
   * 35 extra conversions among the 450 people the pair reaches), among five channels and 5,000 people: rejected
   * at 0.01, whereas the same world without the pair term is not. (At a sixth of the simulator's factor, 0.5, the
   * pair adds about 11 conversions against a standard error of about 8, and no test can see it.)
   */
  @Test
  void detectsAModestSynergyAmongFiveChannels() {
    AdditivityTest synergy = AdditivityTest.of(world(7, 1.5));
    AdditivityTest additive = AdditivityTest.of(world(7, 0));
    assertThat(synergy.rejectsAt(0.01)).as("p %s", synergy.pValue()).isTrue();
    assertThat(additive.rejectsAt(0.01)).as("p %s", additive.pValue()).isFalse();
  }

  /** A channel that lowers conversion is fitted at 0, and the test, allowed a negative effect, rejects. */
  @Test
  void detectsAChannelThatHurts() {
    JourneySet journeys = JourneySet.builder()
        .add(List.of("a"), 300, 3_000, 700).add(List.of("b"), 100, 1_000, 900)
        .add(List.of("a", "b"), 200, 2_000, 800).add(List.of("c"), 150, 1_500, 850)
        .add(List.of("b", "c"), 120, 1_200, 880).add(List.of("a", "c"), 380, 3_800, 620).build();
    AdditivityTest test = AdditivityTest.of(journeys);
    assertThat(test.channelsAtZero()).isEqualTo(1);
    assertThat(test.pValue()).isLessThan(1e-6);
  }

  @Test
  void withoutTestableTermsThePValueIsOne() {
    JourneySet journeys = JourneySet.builder().add(List.of("a"), 10, 100, 90).add(List.of("b"), 20, 200, 80).build();
    AdditivityTest test = AdditivityTest.of(journeys);
    assertThat(test.pairs()).isZero();
    assertThat(test.degreesOfFreedom()).isZero();
    assertThat(test.pValue()).isEqualTo(1);
    assertThat(test.rejectsAt(0.05)).isFalse();
  }

  @Test
  void refusesALevelOutsideZeroToOne() {
    AdditivityTest test = new AdditivityTest(1, 1, 0.3, 1, 0);
    assertThatThrownBy(() -> test.rejectsAt(1)).isInstanceOf(InvalidFieldException.class).hasMessageContaining("level");
    assertThatThrownBy(() -> new AdditivityTest(-1, 1, 0.3, 1, 0)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("statistic");
  }

  /**
   * 5,000 people, five channels each reached with probability 0.3, additive hazards 0.02 + Σ β with β = 0.02,
   * 0.04, 0.06, 0.08, 0.10, plus {@code synergy} times (β_0 + β_1) when channels 0 and 1 are both touched.
   */
  private static JourneySet world(long seed, double synergy) {
    double[] effect = {0.02, 0.04, 0.06, 0.08, 0.10};
    SplittableRandom random = new SplittableRandom(seed);
    JourneySet.Builder builder = JourneySet.builder();
    for (int i = 0; i < 5_000; i++) {
      List<String> path = new ArrayList<>();
      double hazard = 0.02;
      for (int c = 0; c < effect.length; c++) {
        if (random.nextDouble() < 0.3) {
          path.add("c" + c);
          hazard += effect[c];
        }
      }
      if (path.contains("c0") && path.contains("c1")) {
        hazard += synergy * (effect[0] + effect[1]);
      }
      boolean converts = random.nextDouble() < -Math.expm1(-hazard);
      if (!path.isEmpty()) {
        builder.add(path, converts ? 1 : 0, converts ? 1 : 0, converts ? 0 : 1);
      }
    }
    return builder.build();
  }
}
