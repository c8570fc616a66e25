package org.engagement.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BoundedDraws} returns what {@link SplittableRandom#nextInt(int)} does, draw for draw, and leaves the
 * generator where it leaves it: the summary's resamples, and so the page's intervals, stay those of {@code
 * nextInt(bound)}. If a JDK changes how it bounds its ints, these fail.
 */
class BoundedDrawsTest {
  private static final int DRAWS = 2_000;

  @Test
  void theDrawsAreThoseOfNextIntOnEveryKindOfBound() {
    for (int bound : bounds()) {
      for (long seed : new long[] {0, 1, 42, -7, 0x9E3779B97F4A7C15L}) {
        SplittableRandom expected = new SplittableRandom(seed);
        SplittableRandom actual = new SplittableRandom(seed);
        BoundedDraws draws = BoundedDraws.below(bound);
        for (int d = 0; d < DRAWS; d++) {
          int want = expected.nextInt(bound);
          int got = draws.next(actual);
          if (got != want) {
            assertThat(got).as("bound %d, seed %d, draw %d", bound, seed, d).isEqualTo(want);
          }
        }
        assertThat(actual.nextLong()).as("the generator's state after bound %d, seed %d", bound, seed)
            .isEqualTo(expected.nextLong());
      }
    }
  }

  /**
   * Near {@code 2^31} most reads are rejected, and the quotient's multiplication is at its widest: the draws still
   * agree, and some are above {@code 2^30} (the reads taken in full, not just their low bits).
   */
  @Test
  void boundsNearTheLargestIntRejectAsNextIntDoes() {
    int bound = (1 << 30) + 1;
    SplittableRandom expected = new SplittableRandom(3);
    SplittableRandom actual = new SplittableRandom(3);
    BoundedDraws draws = BoundedDraws.below(bound);
    int high = 0;
    for (int d = 0; d < 100_000; d++) {
      int got = draws.next(actual);
      assertThat(got).isEqualTo(expected.nextInt(bound));
      high += got >= 1 << 29 ? 1 : 0;
    }
    assertThat(high).isGreaterThan(10_000);
    assertThat(actual.nextLong()).isEqualTo(expected.nextLong());
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThatThrownBy(() -> BoundedDraws.below(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> BoundedDraws.below(-5)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Every bound to 1,100, powers of two and their neighbours, bounds near the largest int, and random ones. */
  private static List<Integer> bounds() {
    List<Integer> bounds = new ArrayList<>();
    for (int b = 1; b <= 1_100; b++) {
      bounds.add(b);
    }
    for (int p = 11; p <= 30; p++) {
      bounds.add((1 << p) - 1);
      bounds.add(1 << p);
      bounds.add((1 << p) + 1);
    }
    bounds.add(Integer.MAX_VALUE);
    bounds.add(Integer.MAX_VALUE - 1);
    bounds.add((1 << 30) + (1 << 29));
    bounds.add(1_860_000);
    bounds.add(1_857_223);
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 300; i++) {
      bounds.add(1 + random.nextInt(Integer.MAX_VALUE));
      bounds.add(1 + random.nextInt(1 << (1 + random.nextInt(30))));
    }
    return bounds;
  }
}
