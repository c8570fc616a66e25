package org.engagement.core.conversation.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tallies' columns add up, per (cell, customer) pair, what a map of counters adds up. */
class CellTalliesTest {

  @Test
  void addsUpPerPairAsAMapOfCounters() {
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      CellTallies tallies = new CellTallies();
      Map<List<Integer>, long[]> reference = new HashMap<>();
      int cells = 1 + random.nextInt(400);
      int customers = 1 + random.nextInt(60_000);
      for (int k = 0; k < 50_000; k++) {
        int cell = random.nextInt(cells);
        int customer = random.nextInt(customers);
        long mentions = random.nextInt(2);
        long shares = 1 - mentions;
        long reach = random.nextLong(1L << 40);
        tallies.add(cell, customer, mentions, shares, reach);
        long[] counts = reference.computeIfAbsent(List.of(cell, customer), p -> new long[3]);
        counts[0] += mentions;
        counts[1] += shares;
        counts[2] += reach;
      }
      assertThat(tallies.size()).isEqualTo(reference.size());
      Map<List<Integer>, long[]> visited = new HashMap<>();
      tallies.forEach((cell, customer, mentions, shares, reach) ->
          visited.put(List.of(cell, customer), new long[] {mentions, shares, reach}));
      assertThat(visited).as("seed %d", seed).hasSameSizeAs(reference);
      long differing = reference.entrySet().stream()
          .filter(e -> !Arrays.equals(e.getValue(), visited.get(e.getKey()))).count();
      assertThat(differing).as("seed %d", seed).isZero();
    }
  }
}
