package org.engagement.attribution.journey;

/**
 * Instants in epoch milliseconds for {@link Journeys} (each touch's, each journey's end), held as whole seconds
 * from the earliest in an {@code int} each when every one is a whole second within 68 years of it (every input
 * read from a file with second timestamps), and as a {@code long} each otherwise: the same values either way,
 * half the memory for what a report holds all through (issue 16). Filled once while the journeys are made, read
 * only after.
 *
 * <p>Not thread-safe while filled; safely shared once the journeys holding it are constructed.
 */
final class MillisColumn {
  private static final long SECOND = 1000;

  private final long base;
  /** Whether the instants are in {@link #seconds} (else in {@link #millis}); the other array is empty. */
  private final boolean inSeconds;
  private final int[] seconds;
  private final long[] millis;

  private MillisColumn(long base, int size, boolean inSeconds) {
    this.base = base;
    this.inSeconds = inSeconds;
    this.seconds = new int[inSeconds ? size : 0];
    this.millis = new long[inSeconds ? 0 : size];
  }

  /**
   * An empty column of {@code size} instants, laid out for the values {@code values[0 .. count)}: only those may
   * be {@linkplain #set set} in it.
   */
  static MillisColumn shapedFor(long[] values, int count, int size) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    boolean whole = true;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
      whole &= values[i] % SECOND == 0;
    }
    boolean inSeconds = count == 0 || (whole && max / SECOND - min / SECOND <= Integer.MAX_VALUE);
    return new MillisColumn(count == 0 ? 0 : min, size, inSeconds);
  }

  void set(int position, long value) {
    if (inSeconds) {
      seconds[position] = (int) ((value - base) / SECOND);
    } else {
      millis[position] = value;
    }
  }

  long get(int position) {
    return inSeconds ? base + seconds[position] * SECOND : millis[position];
  }

  /** Every instant, one {@code long} each (what equality, hashing and the serialised form use). */
  long[] toArray() {
    if (!inSeconds) {
      return millis.clone();
    }
    long[] values = new long[seconds.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(i);
    }
    return values;
  }
}
