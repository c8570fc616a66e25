package org.engagement.core.internal.column;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growing column of small non-negative ints (codes into a short dictionary, such as channel numbers) kept a byte a
 * row while every value is below 256, and widened once to an int a row when a larger one comes (issue 16: the
 * interactions of a report name a handful of channels, so ten million rows take 10 MB instead of 40). Values read
 * back exactly as added.
 *
 * <p>Not thread-safe while it is filled; safe to read from any thread once {@linkplain #trim() trimmed} and
 * published.
 */
public final class NarrowInts {
  private static final int FIRST_CAPACITY = 1024;
  private static final int BYTE_LIMIT = 256;

  private byte[] narrow = new byte[FIRST_CAPACITY];
  private int @Nullable [] wide;
  private int size;

  /** An empty column. */
  public NarrowInts() {}

  /**
   * Appends {@code value}.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public void add(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("a narrow int column keeps values from 0 up, not " + value);
    }
    if (wide == null && value >= BYTE_LIMIT) {
      widen();
    }
    int[] w = wide;
    if (w != null) {
      if (size == w.length) {
        w = Arrays.copyOf(w, grown(w.length));
        wide = w;
      }
      w[size++] = value;
    } else {
      if (size == narrow.length) {
        narrow = Arrays.copyOf(narrow, grown(narrow.length));
      }
      narrow[size++] = (byte) value;
    }
  }

  private void widen() {
    int[] w = new int[Math.max(narrow.length, FIRST_CAPACITY)];
    for (int i = 0; i < size; i++) {
      w[i] = narrow[i] & 0xFF;
    }
    wide = w;
    narrow = new byte[0];
  }

  /** The value in row {@code row}, which must be below {@link #size()}. */
  public int get(int row) {
    int[] w = wide;
    return w != null ? w[row] : narrow[row] & 0xFF;
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /** Whether every value is below 256, so each row takes a byte. */
  public boolean isNarrow() {
    return wide == null;
  }

  /** Drops the spare capacity (a copy of the column, once, when it is complete). */
  public void trim() {
    int[] w = wide;
    if (w != null) {
      wide = w.length == size ? w : Arrays.copyOf(w, size);
    } else if (narrow.length != size) {
      narrow = Arrays.copyOf(narrow, size);
    }
  }

  static int grown(int capacity) {
    return Math.max(FIRST_CAPACITY, capacity + (capacity >> 1));
  }
}
