package org.engagement.core.conversation.message;

/**
 * The tallies of {@link PullThrough}, one per (cell, customer) pair, both given as numbers: one open-addressing table
 * (linear probing, at most two thirds full) whose slot holds the pair and its mentions, shares and reach side by side
 * in four {@code long}s, so that adding to a tally reads one cache line. No object per tally, where a map of maps
 * made an entry and a counter object per tally that the collector copied while the rest of a report filled the heap
 * (issue 16: 720,000 tallies at 10 million interactions).
 *
 * <p>Not thread-safe.
 */
final class CellTallies {
  /** The longs a slot takes: the pair (0 when empty), mentions, shares, reach. */
  private static final int WIDTH = 4;
  private static final int FIRST_SLOTS = 32;
  private long[] table = new long[FIRST_SLOTS * WIDTH];
  private int shift = Long.SIZE - Integer.numberOfTrailingZeros(FIRST_SLOTS);
  private int size;

  /** What {@link #forEach} hands each tally. */
  @FunctionalInterface
  interface Visitor {
    void visit(int cell, int customer, long mentions, long shares, long reach);
  }

  /** Adds counts to the tally of customer {@code customer} in cell {@code cell}, made empty if there is none. */
  void add(int cell, int customer, long mentions, long shares, long reach) {
    int at = slotOf(pair(cell, customer));
    table[at + 1] += mentions;
    table[at + 2] += shares;
    table[at + 3] += reach;
  }

  /** How many (cell, customer) tallies there are. */
  int size() {
    return size;
  }

  /** Visits every tally, in no particular order. */
  void forEach(Visitor visitor) {
    long[] t = table;
    for (int at = 0; at < t.length; at += WIDTH) {
      long pair = t[at];
      if (pair != 0) {
        visitor.visit((int) (pair >>> Integer.SIZE) - 1, (int) pair, t[at + 1], t[at + 2], t[at + 3]);
      }
    }
  }

  /** The pair as a non-zero key: the cell plus one in the high half, the customer in the low half. */
  private static long pair(int cell, int customer) {
    return ((cell + 1L) << Integer.SIZE) | (customer & 0xFFFF_FFFFL);
  }

  /** The index in the table of the pair's slot, taken if the pair has none. */
  private int slotOf(long pair) {
    int mask = table.length / WIDTH - 1;
    for (int slot = home(pair); ; slot = (slot + 1) & mask) {
      int at = slot * WIDTH;
      long there = table[at];
      if (there == pair) {
        return at;
      }
      if (there == 0) {
        table[at] = pair;
        if (3 * ++size > 2 * (mask + 1)) {
          grow();
          return slotOf(pair);
        }
        return at;
      }
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    shift--;
    int mask = table.length / WIDTH - 1;
    for (int from = 0; from < old.length; from += WIDTH) {
      if (old[from] != 0) {
        int slot = home(old[from]);
        while (table[slot * WIDTH] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, from, table, slot * WIDTH, WIDTH);
      }
    }
  }

  /** Fibonacci hashing: the top bits of the pair times 2^64 / phi, as many as the table has slots. */
  private int home(long pair) {
    return (int) ((pair * 0x9E3779B97F4A7C15L) >>> shift);
  }
}
