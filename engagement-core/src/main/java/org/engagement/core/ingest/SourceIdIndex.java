package org.engagement.core.ingest;

import java.util.Arrays;

/**
 * The source ids seen during one import, each with the number of the record that first carried it.
 *
 * <p>A {@code HashMap<String, Long>} keeps four objects alive per id; over ten million rows that is
 * gigabytes of old-generation churn and long collector pauses (measured: GC took most of the import
 * time). This index copies the characters of each id into large shared {@code char[]} pages and keeps
 * the rest in primitive arrays, so it holds a handful of objects however many ids it has: about
 * {@code 30 + 2 * length} bytes per id. Lookups are exact (characters are compared), never probabilistic.
 *
 * <p>Open addressing with linear probing, grown at half full. Not thread-safe (one per import).
 */
final class SourceIdIndex {
  private static final int PAGE_SIZE = 1 << 20;
  private static final int MAX_ID_LENGTH = PAGE_SIZE;

  private char[][] pages = new char[1][];
  private int pageCount;
  private int pageFill;

  /** Per entry: the page, the offset in it, the length and the first record. */
  private int[] entryPage = new int[64];
  private int[] entryOffset = new int[64];
  private int[] entryLength = new int[64];
  private long[] entryRecord = new long[64];
  private int size;

  /**
   * Slots hold the hash in the high 32 bits and entry index + 1 in the low 32 bits; 0 is empty. Keeping
   * the hash in the slot lets a probe skip a non-matching entry without touching the entry arrays.
   */
  private long[] slots = new long[128];

  /**
   * Remembers {@code id} as first seen in {@code record}, unless it was seen before.
   *
   * @return the record that first carried {@code id}, or {@code -1} if this is its first appearance
   */
  long putIfAbsent(String id, long record) {
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("source id longer than " + MAX_ID_LENGTH + " characters");
    }
    int hash = mix(id.hashCode());
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long packed = slots[slot];
      if (packed == 0) {
        slots[slot] = pack(hash, add(id, record));
        if (size * 2 > slots.length) {
          grow();
        }
        return -1;
      }
      int entry = (int) packed - 1;
      if ((int) (packed >>> 32) == hash && sameCharacters(entry, id)) {
        return entryRecord[entry];
      }
    }
  }

  private static long pack(int hash, int entry) {
    return ((long) hash << 32) | ((entry + 1) & 0xFFFF_FFFFL);
  }

  /** How many distinct ids the index holds. */
  int size() {
    return size;
  }

  private int add(String id, long record) {
    if (size == entryRecord.length) {
      int capacity = size * 2;
      entryPage = Arrays.copyOf(entryPage, capacity);
      entryOffset = Arrays.copyOf(entryOffset, capacity);
      entryLength = Arrays.copyOf(entryLength, capacity);
      entryRecord = Arrays.copyOf(entryRecord, capacity);
    }
    if (pageCount == 0 || pageFill + id.length() > PAGE_SIZE) {
      newPage();
    }
    id.getChars(0, id.length(), pages[pageCount - 1], pageFill);
    entryPage[size] = pageCount - 1;
    entryOffset[size] = pageFill;
    entryLength[size] = id.length();
    entryRecord[size] = record;
    pageFill += id.length();
    return size++;
  }

  private void newPage() {
    if (pageCount == pages.length) {
      pages = Arrays.copyOf(pages, pageCount * 2);
    }
    pages[pageCount++] = new char[PAGE_SIZE];
    pageFill = 0;
  }

  private boolean sameCharacters(int entry, String id) {
    int length = entryLength[entry];
    if (length != id.length()) {
      return false;
    }
    char[] page = pages[entryPage[entry]];
    int offset = entryOffset[entry];
    for (int i = 0; i < length; i++) {
      if (page[offset + i] != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    int mask = bigger.length - 1;
    for (long packed : slots) {
      if (packed != 0) {
        int slot = (int) (packed >>> 32) & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = packed;
      }
    }
    slots = bigger;
  }

  /** Spreads {@link String#hashCode()} so that linear probing sees well-mixed low bits. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
