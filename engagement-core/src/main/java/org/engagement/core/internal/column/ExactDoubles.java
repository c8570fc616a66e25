package org.engagement.core.internal.column;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A column of doubles kept as an int a row while every value set is an int exactly (counts and whole days, say), and
 * widened once to a double a row when one is not (issue 16: four of a report's seven profile metrics are whole
 * numbers, so a million profiles keep them in 16 MB instead of 32). Rows never set read 0. Values read back bit for
 * bit as set (a negative zero is not an int exactly, so it widens the column).
 *
 * <p>Not thread-safe while it is filled; safe to read from any thread once complete and published.
 */
public final class ExactDoubles {
  private int @Nullable [] ints;
  private double @Nullable [] doubles;

  /** A column of {@code capacity} rows, each 0. */
  public ExactDoubles(int capacity) {
    this.ints = new int[capacity];
  }

  /** Sets row {@code row}, which must be below the capacity, to {@code value}. */
  public void set(int row, double value) {
    int[] i = ints;
    if (i != null) {
      int whole = (int) value;
      if (Double.doubleToRawLongBits(whole) == Double.doubleToRawLongBits(value)) {
        i[row] = whole;
        return;
      }
      widen(i);
    }
    requireDoubles()[row] = value;
  }

  private void widen(int[] i) {
    double[] d = new double[i.length];
    for (int r = 0; r < i.length; r++) {
      d[r] = i[r];
    }
    doubles = d;
    ints = null;
  }

  /** The value of row {@code row}. */
  public double get(int row) {
    int[] i = ints;
    return i != null ? i[row] : requireDoubles()[row];
  }

  /** Whether every value set so far is an int exactly, so each row takes 4 bytes. */
  public boolean isNarrow() {
    return ints != null;
  }

  /** Changes the capacity to {@code capacity} rows, keeping the values of the rows below it. */
  public void resize(int capacity) {
    int[] i = ints;
    if (i != null) {
      ints = i.length == capacity ? i : Arrays.copyOf(i, capacity);
    } else {
      double[] d = requireDoubles();
      doubles = d.length == capacity ? d : Arrays.copyOf(d, capacity);
    }
  }

  private double[] requireDoubles() {
    double[] d = doubles;
    if (d == null) {
      throw new IllegalStateException("the column is narrow");
    }
    return d;
  }
}
