package org.engagement.core.internal.column;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growing column of epoch seconds kept as an int a row, the offset from the first row's second, while every offset
 * fits in an int (about 68 years either side), and widened once to a long a row when one does not (issue 16: ten
 * million instants take 40 MB instead of 80). Values read back exactly as added.
 *
 * <p>Not thread-safe while it is filled; safe to read from any thread once {@linkplain #trim() trimmed} and
 * published.
 */
public final class EpochSeconds {
  private static final int FIRST_CAPACITY = 1024;

  private long base;
  private int[] offsets = new int[FIRST_CAPACITY];
  private long @Nullable [] wide;
  private int size;

  /** An empty column. */
  public EpochSeconds() {}

  /** Appends {@code second}. */
  public void add(long second) {
    if (size == 0) {
      base = second;
    }
    long offset = second - base;
    if (wide == null && (int) offset != offset) {
      widen();
    }
    long[] w = wide;
    if (w != null) {
      if (size == w.length) {
        w = Arrays.copyOf(w, NarrowInts.grown(w.length));
        wide = w;
      }
      w[size++] = second;
    } else {
      if (size == offsets.length) {
        offsets = Arrays.copyOf(offsets, NarrowInts.grown(offsets.length));
      }
      offsets[size++] = (int) offset;
    }
  }

  private void widen() {
    long[] w = new long[Math.max(offsets.length, FIRST_CAPACITY)];
    for (int i = 0; i < size; i++) {
      w[i] = base + offsets[i];
    }
    wide = w;
    offsets = new int[0];
  }

  /** The second in row {@code row}, which must be below {@link #size()}. */
  public long get(int row) {
    long[] w = wide;
    return w != null ? w[row] : base + offsets[row];
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /** Whether every row is kept as an int offset. */
  public boolean isNarrow() {
    return wide == null;
  }

  /** Drops the spare capacity (a copy of the column, once, when it is complete). */
  public void trim() {
    long[] w = wide;
    if (w != null) {
      wide = w.length == size ? w : Arrays.copyOf(w, size);
    } else if (offsets.length != size) {
      offsets = Arrays.copyOf(offsets, size);
    }
  }
}
