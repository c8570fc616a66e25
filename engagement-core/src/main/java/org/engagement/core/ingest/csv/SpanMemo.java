package org.engagement.core.ingest.csv;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What a run of characters of a plain record gave before, found by those characters: the direct path ({@link
 * PlainRowAdder}) reads a row's type and direction, or its channel columns, from the very characters it read them
 * from last time without making their strings and parsing or resolving them again (issue 16: a report's file
 * repeats a few dozen such runs over millions of rows). Equal characters across equal field boundaries are equal
 * fields, so a hit gives exactly what reading the fields gives; only what read without a fault is remembered.
 *
 * <p>Direct-mapped, {@value #SLOTS} slots placed by the characters' hash; a new run replaces the one in its slot;
 * runs over {@value #MAX_LENGTH} characters are not kept. Not thread-safe: one per reader.
 *
 * @param <V> what a run gave
 */
final class SpanMemo<V> {
  private static final int SLOTS = 1 << 8;
  private static final int MAX_LENGTH = 256;

  private final char[][] keys = new char[SLOTS][];
  private final Object[] values = new Object[SLOTS];

  /** What {@code chars[from .. to)} gave when it was {@linkplain #put remembered}, or {@code null}. */
  @SuppressWarnings("unchecked") // only V is put
  @Nullable V get(char[] chars, int from, int to) {
    int slot = slot(chars, from, to);
    char[] key = keys[slot];
    return key != null && Arrays.equals(key, 0, key.length, chars, from, to) ? (V) values[slot] : null;
  }

  /** Remembers that {@code chars[from .. to)} gave {@code value}. */
  void put(char[] chars, int from, int to, V value) {
    if (to - from <= MAX_LENGTH) {
      int slot = slot(chars, from, to);
      keys[slot] = Arrays.copyOfRange(chars, from, to);
      values[slot] = value;
    }
  }

  private static int slot(char[] chars, int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) {
      h = 31 * h + chars[i];
    }
    return (h * 0x9E3779B9) >>> (32 - 8);
  }
}
