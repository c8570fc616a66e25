package org.engagement.attribution.shapley;

import org.engagement.attribution.internal.IdsKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.engagement.attribution.journey.JourneySet;

/**
 * The distinct channel sets of a journey set with their worth, flat: the members of set {@code t} are
 * {@code members[offsets[t] .. offsets[t + 1] - 1]}. Sets are also found by a 64-bit Zobrist hash (the
 * XOR of per-channel random keys) in an open-addressing table, verified member by member, so look-ups
 * are exact. The permutation-sampling estimate of the Shapley values runs over them, for journey sets
 * with too many channels to enumerate the coalitions. Immutable after construction.
 */
final class ChannelSetGame {
  private static final long KEY_SEED = 0x5eed_5a91_e7a1_1e75L;

  final long[] keys;
  final int[] offsets;
  final int[] members;
  final double[] worth;
  final double[] converted;
  final double[] exposed;
  final long[] hashes;
  final int[] table;
  final int mask;

  private ChannelSetGame(long[] keys, int[] offsets, int[] members, double[] converted, double[] exposed,
      long[] hashes) {
    this.keys = keys;
    this.offsets = offsets;
    this.members = members;
    this.converted = converted;
    this.exposed = exposed;
    this.worth = new double[converted.length];
    for (int t = 0; t < worth.length; t++) {
      worth[t] = exposed[t] > 0 ? converted[t] / exposed[t] : 0;
    }
    this.hashes = hashes;
    int capacity = Integer.highestOneBit(Math.max(4, worth.length * 2 + 1)) << 1;
    this.table = new int[capacity];
    Arrays.fill(table, -1);
    this.mask = capacity - 1;
    for (int t = 0; t < worth.length; t++) {
      int slot = spread(hashes[t]) & mask;
      while (table[slot] != -1) {
        slot = (slot + 1) & mask;
      }
      table[slot] = t;
    }
  }

  private static int spread(long hash) {
    return (int) (hash ^ (hash >>> 32));
  }

  static ChannelSetGame of(JourneySet journeys) {
    int n = journeys.channels().size();
    long[] keys = new long[n];
    SplittableRandom random = new SplittableRandom(KEY_SEED);
    for (int c = 0; c < n; c++) {
      keys[c] = random.nextLong();
    }
    Map<IdsKey, Integer> index = new HashMap<>();
    int[] stamp = new int[n];
    Arrays.fill(stamp, -1);
    int[] scratch = new int[n];
    int[] offsets = new int[journeys.pathCount() + 1];
    int[] members = new int[journeys.touchCount()];
    double[] converted = new double[journeys.pathCount()];
    double[] exposed = new double[journeys.pathCount()];
    long[] hashes = new long[journeys.pathCount()];
    int sets = 0;
    for (int p = 0; p < journeys.pathCount(); p++) {
      int count = 0;
      for (int i = journeys.start(p); i < journeys.end(p); i++) {
        int ch = journeys.channelAt(i);
        if (stamp[ch] != p) {
          stamp[ch] = p;
          scratch[count++] = ch;
        }
      }
      int[] sorted = Arrays.copyOf(scratch, count);
      Arrays.sort(sorted);
      IdsKey key = new IdsKey(sorted);
      Integer known = index.get(key);
      int t;
      if (known == null) {
        t = sets++;
        index.put(key, t);
        System.arraycopy(sorted, 0, members, offsets[t], count);
        offsets[t + 1] = offsets[t] + count;
        long hash = 0;
        for (int ch : sorted) {
          hash ^= keys[ch];
        }
        hashes[t] = hash;
      } else {
        t = known;
      }
      converted[t] += journeys.conversions(p);
      exposed[t] += journeys.conversions(p) + journeys.nulls(p);
    }
    return new ChannelSetGame(keys, Arrays.copyOf(offsets, sets + 1), Arrays.copyOf(members, offsets[sets]),
        Arrays.copyOf(converted, sets), Arrays.copyOf(exposed, sets), Arrays.copyOf(hashes, sets));
  }

  /** The worth of the coalition of {@code size} channels marked {@code inPrefix[c] == stamp}. */
  double worthOf(long hash, int size, long[] inPrefix, long stamp) {
    int slot = spread(hash) & mask;
    while (table[slot] != -1) {
      int t = table[slot];
      if (hashes[t] == hash && offsets[t + 1] - offsets[t] == size && contains(t, inPrefix, stamp)) {
        return worth[t];
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  private boolean contains(int t, long[] inPrefix, long stamp) {
    for (int k = offsets[t]; k < offsets[t + 1]; k++) {
      if (inPrefix[members[k]] != stamp) {
        return false;
      }
    }
    return true;
  }

  /** The largest worth: the largest conversion rate of an exact channel set. */
  double maxWorth() {
    double max = 0;
    for (double w : worth) {
      max = Math.max(max, w);
    }
    return max;
  }

  /** Sampled: mean marginal contributions over seeded random permutations. */
  double[] sampled(int n, long samples, long seed) {
    double[] sum = new double[n];
    if (n == 0) {
      return sum;
    }
    int[] order = identity(n);
    long[] inPrefix = new long[n];
    Arrays.fill(inPrefix, -1);
    SplittableRandom random = new SplittableRandom(seed);
    for (long s = 0; s < samples; s++) {
      shuffle(order, random);
      long hash = 0;
      double previous = 0;
      for (int k = 0; k < n; k++) {
        int c = order[k];
        inPrefix[c] = s;
        hash ^= keys[c];
        double current = worthOf(hash, k + 1, inPrefix, s);
        sum[c] += current - previous;
        previous = current;
      }
    }
    for (int c = 0; c < n; c++) {
      sum[c] /= samples;
    }
    return sum;
  }

  /**
   * Sampled, subsets worth: along each order, a channel set joins the coalition with its last member, so
   * the conversions and exposures gained at each position are bucketed and the worth is a running ratio.
   */
  double[] sampledSubsets(int n, long samples, long seed) {
    double[] sum = new double[n];
    if (n == 0) {
      return sum;
    }
    int[] order = identity(n);
    int[] position = new int[n];
    double[] gainedConversions = new double[n];
    double[] gainedExposures = new double[n];
    SplittableRandom random = new SplittableRandom(seed);
    for (long s = 0; s < samples; s++) {
      shuffle(order, random);
      for (int k = 0; k < n; k++) {
        position[order[k]] = k;
      }
      Arrays.fill(gainedConversions, 0);
      Arrays.fill(gainedExposures, 0);
      for (int t = 0; t < worth.length; t++) {
        int last = 0;
        for (int i = offsets[t]; i < offsets[t + 1]; i++) {
          last = Math.max(last, position[members[i]]);
        }
        gainedConversions[last] += converted[t];
        gainedExposures[last] += exposed[t];
      }
      double conversions = 0;
      double exposures = 0;
      double previous = 0;
      for (int k = 0; k < n; k++) {
        conversions += gainedConversions[k];
        exposures += gainedExposures[k];
        double current = exposures > 0 ? conversions / exposures : 0;
        sum[order[k]] += current - previous;
        previous = current;
      }
    }
    for (int c = 0; c < n; c++) {
      sum[c] /= samples;
    }
    return sum;
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int c = 0; c < n; c++) {
      order[c] = c;
    }
    return order;
  }

  /** Fisher-Yates, in the same draw order as the exact-set sampler. */
  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
