package org.engagement.core.internal.column;

import java.util.Arrays;

/**
 * Which rows of a column have an entry in a side list, and where: a bit a row and, once {@linkplain #trim() trimmed},
 * the count of marked rows before every 64 (issue 16: the few interactions with a value or content point into a side
 * list with about 1.5 bits a row instead of an int index a row). Marked rows are numbered 0, 1, 2, ... in row order.
 *
 * <p>Not thread-safe while it is filled; safe to read from any thread once trimmed and published.
 */
public final class SparseRows {
  private long[] bits = new long[16];
  private int[] before = new int[0];
  private int size;
  private int marked;

  /** No rows yet. */
  public SparseRows() {}

  /** Appends a row, marked or not. */
  public void add(boolean mark) {
    int word = size >>> 6;
    if (word == bits.length) {
      bits = Arrays.copyOf(bits, NarrowInts.grown(bits.length));
    }
    if (mark) {
      bits[word] |= 1L << size;
      marked++;
    }
    size++;
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /** The number of marked rows. */
  public int marked() {
    return marked;
  }

  /** Drops the spare capacity and counts the marked rows before each word; call once the rows are complete. */
  public void trim() {
    int words = (size + 63) >>> 6;
    bits = bits.length == words ? bits : Arrays.copyOf(bits, words);
    int[] counts = new int[words];
    int sum = 0;
    for (int w = 0; w < words; w++) {
      counts[w] = sum;
      sum += Long.bitCount(bits[w]);
    }
    before = counts;
  }

  /** The number of row {@code row} among the marked rows, or -1 if it is not marked; only after {@link #trim()}. */
  public int indexOf(int row) {
    int w = row >>> 6;
    long word = bits[w];
    long at = 1L << row;
    return (word & at) == 0 ? -1 : before[w] + Long.bitCount(word & (at - 1));
  }
}
