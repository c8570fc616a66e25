package org.engagement.benchmarks.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.attribution.journey.JourneySet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JourneyGeneratorTest {
  private static final int JOURNEYS = 10_000;
  private static final long SEED = 7;

  private static JourneySet set;

  @BeforeAll
  static void generate() {
    set = JourneyGenerator.withSeed(SEED).generate(JOURNEYS);
  }

  @Test
  void sameSeedGivesTheSameSetPathForPath() {
    JourneySet again = JourneyGenerator.withSeed(SEED).generate(JOURNEYS);
    assertThat(again.pathCount()).isEqualTo(set.pathCount());
    assertThat(again.touchCount()).isEqualTo(set.touchCount());
    for (int p = 0; p < set.pathCount(); p++) {
      assertThat(again.pathNames(p)).isEqualTo(set.pathNames(p));
      assertThat(again.conversions(p)).isEqualTo(set.conversions(p));
      assertThat(again.value(p)).isEqualTo(set.value(p));
      assertThat(again.nulls(p)).isEqualTo(set.nulls(p));
    }
  }

  @Test
  void anotherSeedGivesAnotherSet() {
    JourneySet other = JourneyGenerator.withSeed(SEED + 1).generate(JOURNEYS);
    assertThat(other.totalConversions() != set.totalConversions()
        || other.pathCount() != set.pathCount()
        || !other.pathNames(0).equals(set.pathNames(0))).isTrue();
  }

  @Test
  void everyJourneyIsCountedOnceOnADistinctPath() {
    double journeys = 0;
    Set<List<String>> distinct = new HashSet<>();
    for (int p = 0; p < set.pathCount(); p++) {
      journeys += set.conversions(p) + set.nulls(p);
      assertThat(set.conversions(p) + set.nulls(p)).isPositive();
      assertThat(set.value(p) > 0).isEqualTo(set.conversions(p) > 0);
      assertThat(set.length(p)).isBetween(1, JourneyGenerator.MAX_LENGTH);
      assertThat(distinct.add(set.pathNames(p))).isTrue();
    }
    assertThat(journeys).isEqualTo(JOURNEYS);
    assertThat(set.totalConversions() + set.totalNulls()).isEqualTo(JOURNEYS);
  }

  @Test
  void dataLooksLikeMarketingData() {
    assertThat(set.channels().size()).isEqualTo(JourneyGenerator.CHANNEL_COUNT);
    assertThat(set.totalConversions() / JOURNEYS).isBetween(0.04, 0.12);
    assertThat(set.totalValue() / set.totalConversions()).isBetween(40.0, 100.0);
    assertThat(set.pathCount()).isBetween(JOURNEYS / 10, JOURNEYS / 2);
  }

  @Test
  void conversionDependsOnTheChannels() {
    int email = set.channels().id("email").orElseThrow();
    int display = set.channels().id("display").orElseThrow();
    double[] withEmail = new double[2];
    double[] displayOnly = new double[2];
    for (int p = 0; p < set.pathCount(); p++) {
      int[] path = set.path(p);
      boolean hasEmail = false;
      boolean allDisplay = true;
      for (int channel : path) {
        hasEmail |= channel == email;
        allDisplay &= channel == display;
      }
      double[] bucket = hasEmail ? withEmail : allDisplay ? displayOnly : null;
      if (bucket != null) {
        bucket[0] += set.conversions(p);
        bucket[1] += set.conversions(p) + set.nulls(p);
      }
    }
    assertThat(withEmail[0] / withEmail[1]).isGreaterThan(2 * displayOnly[0] / displayOnly[1]);
  }

  @Test
  void rejectsAnEmptyRun() {
    assertThatThrownBy(() -> JourneyGenerator.withSeed(SEED).generate(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
