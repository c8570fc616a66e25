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
      int differing = 0;
      for (int t = 0; t < tallies.size(); t++) {
        long[] counts = reference.get(List.of(tallies.cell(t), tallies.customer(t)));
        long[] columns = {tallies.mentions(t), tallies.shares(t), tallies.reach(t)};
        differing += Arrays.equals(counts, columns) ? 0 : 1;
      }
      assertThat(differing).as("seed %d", seed).isZero();
    }
  }
}
