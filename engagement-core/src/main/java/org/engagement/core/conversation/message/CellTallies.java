package org.engagement.core.conversation.message;

import java.util.Arrays;

/**
 * The tallies of {@link PullThrough}, one per (cell, customer) pair, both given as numbers: mentions, shares and
 * reach in three {@code long} columns in the order the pairs were first met, found through one open-addressing
 * table (linear probing, at most two thirds full) keyed by the pair. About 40 bytes a tally and no object per
 * tally, where a map of maps took about 110 with its entries and counters (issue 16: 720,000 tallies at 10
 * million interactions, each an object the collector copied while the rest of a report filled the heap).
 *
 * <p>Not thread-safe.
 */
final class CellTallies {
  private static final int FIRST_CAPACITY = 16;
  /** Each slot holds a tally's position plus one, or 0 when empty. */
  private int[] slots = new int[FIRST_CAPACITY * 2];
  private int shift = Long.SIZE - Integer.numberOfTrailingZeros(FIRST_CAPACITY * 2);
  private long[] pairs = new long[FIRST_CAPACITY];
  private long[] mentions = new long[FIRST_CAPACITY];
  private long[] shares = new long[FIRST_CAPACITY];
  private long[] reach = new long[FIRST_CAPACITY];
  private int size;

  /** Adds counts to the tally of customer {@code customer} in cell {@code cell}, made empty if there is none. */
  void add(int cell, int customer, long mentionCount, long shareCount, long reachSum) {
    int at = positionOf(pair(cell, customer));
    mentions[at] += mentionCount;
    shares[at] += shareCount;
    reach[at] += reachSum;
  }

  /** How many (cell, customer) tallies there are. */
  int size() {
    return size;
  }

  /** The cell of the tally at {@code position} (0 to {@link #size()} - 1). */
  int cell(int position) {
    return (int) (pairs[position] >>> Integer.SIZE);
  }

  /** The customer of the tally at {@code position}. */
  int customer(int position) {
    return (int) pairs[position];
  }

  long mentions(int position) {
    return mentions[position];
  }

  long shares(int position) {
    return shares[position];
  }

  long reach(int position) {
    return reach[position];
  }

  private static long pair(int cell, int customer) {
    return ((long) cell << Integer.SIZE) | (customer & 0xFFFF_FFFFL);
  }

  private int positionOf(long pair) {
    int mask = slots.length - 1;
    for (int slot = slotOf(pair); ; slot = (slot + 1) & mask) {
      int there = slots[slot];
      if (there == 0) {
        return append(pair, slot);
      }
      if (pairs[there - 1] == pair) {
        return there - 1;
      }
    }
  }

  private int append(long pair, int slot) {
    if (size == pairs.length) {
      int capacity = size * 2;
      pairs = Arrays.copyOf(pairs, capacity);
      mentions = Arrays.copyOf(mentions, capacity);
      shares = Arrays.copyOf(shares, capacity);
      reach = Arrays.copyOf(reach, capacity);
    }
    pairs[size] = pair;
    slots[slot] = ++size;
    if (3 * size > 2 * slots.length) {
      rehash();
    }
    return size - 1;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    shift--;
    int mask = slots.length - 1;
    for (int p = 0; p < size; p++) {
      int slot = slotOf(pairs[p]);
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = p + 1;
    }
  }

  /** Fibonacci hashing: the top bits of the pair times 2^64 / phi, as many as the table has slots. */
  private int slotOf(long pair) {
    return (int) ((pair * 0x9E3779B97F4A7C15L) >>> shift);
  }
}
