package org.engagement.core.ingest.csv;

import org.jspecify.annotations.Nullable;

/**
 * The recent values of one CSV column, so that a value the column repeats (a type, a channel, a currency, a
 * device) comes out as the same {@link String} instead of a new one per row.
 *
 * <p>Measured on a generated million-row interactions file: the field strings were four fifths of all
 * allocation, and most fields repeat a handful of values; a shared string also keeps its cached hash, so the
 * channel and attribute lookups downstream stop hashing each row's strings afresh. A column that does not repeat
 * (ids, timestamps) would pay a look-up and a miss per value for nothing, so each column is tried on its first
 * {@value #TRIAL} values and left alone for good if more than one in {@value #MISS_SHARE} of them missed.
 *
 * <p>A two-way set-associative cache of {@value #SLOTS} strings, placed by the length and four characters of
 * the value (no pass over the whole value before the comparison that a hit needs anyway); values over
 * {@value #MAX_LENGTH} characters are not kept. Not thread-safe: one per column of one reader, except {@link
 * #NONE}, which keeps nothing and so has no state to share.
 */
final class RepeatedValues {
  /** Keeps no value: every call makes a new string (an empty field is {@code ""}). */
  static final RepeatedValues NONE = new RepeatedValues(false);

  private static final int SLOTS = 1 << 10;
  private static final int TRIAL = 1 << 10;
  private static final int MISS_SHARE = 4;
  private static final int MAX_LENGTH = 64;

  private final @Nullable String[] values;
  private int tried;
  private int misses;
  private boolean off;

  /** A column's values, kept while they repeat. */
  RepeatedValues() {
    this(true);
  }

  private RepeatedValues(boolean keep) {
    this.values = new String[keep ? SLOTS : 0];
    this.off = !keep;
  }

  /** The text of {@code chars[from .. from + length)}: a kept equal string if there is one, else a new one. */
  String of(char[] chars, int from, int length) {
    if (length == 0) {
      return "";
    }
    if (off || length > MAX_LENGTH) {
      return new String(chars, from, length);
    }
    int last = from + length - 1;
    int key = ((length * 31 + chars[from]) * 31 + chars[last]) * 31 + chars[from + (length >>> 1)];
    key = key * 31 + chars[from + (length >>> 2)];
    int slot = ((key * 0x9E3779B9) >>> 22) & (SLOTS - 2);
    String[] kept = values;
    String first = kept[slot];
    String second = kept[slot + 1];
    String found = first != null && same(first, chars, from, length) ? first
        : second != null && same(second, chars, from, length) ? second : null;
    if (tried < TRIAL) {
      judge(found != null);
    }
    if (found != null) {
      return found;
    }
    String value = new String(chars, from, length);
    kept[slot + 1] = first;
    kept[slot] = value;
    return value;
  }

  /** Counts a value of the trial; at its end, turns the cache off if the column missed too often. */
  private void judge(boolean hit) {
    misses += hit ? 0 : 1;
    if (++tried == TRIAL && misses * MISS_SHARE > TRIAL) {
      off = true;
    }
  }

  private static boolean same(String kept, char[] chars, int from, int length) {
    if (kept.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (kept.charAt(i) != chars[from + i]) {
        return false;
      }
    }
    return true;
  }
}
