package org.engagement.roi.evidence;

import java.util.Arrays;

/**
 * Counts by (first half, second half) pair of engagement, the pair packed in a {@code long}: an open-addressing
 * table of primitive keys and counts (issue 16), where a {@code HashMap<Long, Long>} boxed both on every customer
 * folded and, since {@code Long}'s hash of a packed pair is the halves' exclusive or, piled pairs such as (1, 2) and
 * (2, 1) into one bucket that it then kept as a tree. Exact: counts are added as integers, and the pairs are handed
 * out in ascending key order, so what is computed from them does not depend on the table's layout. Not thread-safe.
 */
final class PairCounts {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] keys;
  private long[] counts;
  private int size;

  PairCounts() {
    this(16);
  }

  private PairCounts(int capacity) {
    keys = new long[capacity];
    counts = new long[capacity];
    Arrays.fill(keys, EMPTY);
  }

  /** Adds {@code n} (which may be negative) to the count of {@code pair}, a key of {@code ChannelEvidence.pair}. */
  void add(long pair, long n) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int at = slot(keys, pair);
    if (keys[at] == EMPTY) {
      keys[at] = pair;
      size++;
    }
    counts[at] += n;
  }

  /** A copy with the same counts. */
  PairCounts copy() {
    PairCounts copy = new PairCounts(keys.length);
    System.arraycopy(keys, 0, copy.keys, 0, keys.length);
    System.arraycopy(counts, 0, copy.counts, 0, counts.length);
    copy.size = size;
    return copy;
  }

  /** Calls {@code each} with every pair and its count. */
  void forEach(PairConsumer each) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        each.accept(keys[i], counts[i]);
      }
    }
  }

  /** The sum of the counts. */
  long total() {
    long total = 0;
    for (int i = 0; i < keys.length; i++) {
      total += keys[i] != EMPTY ? counts[i] : 0;
    }
    return total;
  }

  /** The pairs whose count is not 0, in ascending order, and their counts at the same index. */
  long[][] ascending() {
    long[] sorted = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && counts[i] != 0) {
        sorted[n++] = keys[i];
      }
    }
    sorted = Arrays.copyOf(sorted, n);
    Arrays.sort(sorted);
    long[] sortedCounts = new long[n];
    for (int k = 0; k < n; k++) {
      sortedCounts[k] = counts[slot(keys, sorted[k])];
    }
    return new long[][] {sorted, sortedCounts};
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int at = slot(keys, oldKeys[i]);
        keys[at] = oldKeys[i];
        counts[at] = oldCounts[i];
      }
    }
  }

  /** Where {@code key} is in {@code table}, or the empty slot where it goes (linear probing). */
  private static int slot(long[] table, long key) {
    int mask = table.length - 1;
    long mixed = key * 0x9E37_79B9_7F4A_7C15L;
    int at = (int) (mixed ^ (mixed >>> 32)) & mask;
    while (table[at] != EMPTY && table[at] != key) {
      at = (at + 1) & mask;
    }
    return at;
  }

  /** Takes a pair and its count. */
  @FunctionalInterface
  interface PairConsumer {
    void accept(long pair, long count);
  }
}
