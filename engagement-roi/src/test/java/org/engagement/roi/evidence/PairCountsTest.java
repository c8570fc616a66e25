package org.engagement.roi.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The primitive pair counts the evidence keeps (issue 16) hold what the {@code HashMap<Long, Long>} they replaced
 * held: the same count for every pair after adds and subtractions, through the table's growth, with pairs whose
 * halves' exclusive or is equal (one bucket for {@code Long}'s hash), handed out in ascending order without the
 * pairs whose count fell to 0, and a copy that does not share the original's counts.
 */
class PairCountsTest {
  @Test
  void countsAsTheBoxedMapDid() {
    Random random = new Random(5);
    for (int round = 0; round < 40; round++) {
      PairCounts counts = new PairCounts();
      Map<Long, Long> reference = new HashMap<>();
      int range = 1 + random.nextInt(round < 20 ? 8 : 400);
      for (int k = 0; k < 2_000; k++) {
        long pair = ((long) random.nextInt(range) << 32) + random.nextInt(range);
        long n = random.nextInt(5) == 0 && reference.getOrDefault(pair, 0L) > 0 ? -1 : 1;
        counts.add(pair, n);
        reference.merge(pair, n, Long::sum);
      }
      PairCounts copy = counts.copy();
      copy.add(0, 7);

      Map<Long, Long> seen = new HashMap<>();
      counts.forEach(seen::put);
      assertThat(seen).isEqualTo(reference);
      assertThat(counts.total()).isEqualTo(reference.values().stream().mapToLong(Long::longValue).sum());
      assertThat(copy.total()).isEqualTo(counts.total() + 7);
      TreeMap<Long, Long> nonZero = new TreeMap<>(reference);
      nonZero.values().removeIf(n -> n == 0);
      long[][] ascending = counts.ascending();
      assertThat(ascending[0]).containsExactly(nonZero.keySet().stream().mapToLong(Long::longValue).toArray());
      assertThat(ascending[1]).containsExactly(nonZero.values().stream().mapToLong(Long::longValue).toArray());
    }
  }
}
