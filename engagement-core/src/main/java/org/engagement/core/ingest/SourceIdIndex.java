package org.engagement.core.ingest;

import java.util.Arrays;

/**
 * The source ids seen during one import, each with the number of the record that first carried it.
 *
 * <p>A {@code HashMap<String, Long>} keeps four objects alive per id; over ten million rows that is
 * gigabytes of old-generation churn and long collector pauses (measured: GC took most of the import
 * time). This index copies each id into large shared {@code byte[]} pages (one byte a character when every
 * character is Latin-1, as ids almost always are; two otherwise) and keeps the rest in primitive arrays, so
 * it holds a handful of objects however many ids it has: about {@code 32 + length} bytes per Latin-1 id.
 * Lookups are exact (characters are compared), never probabilistic.
 *
 * <p>The probed table is what costs: with unique ids every row looks up a slot at random, a cache and TLB
 * miss once the table outgrows the caches. So a slot is one {@code int}: the entry's number in the low bits
 * (as many as the table has index bits) and as many bits of the id's hash as are left above them, compared
 * before the characters are. With the home slot taken from the hash's high bits, slot and fingerprint
 * together check every bit of the 32-bit hash, and the table is half the size of one holding a whole hash
 * and an entry number (8 MB instead of 16 MB for a million ids).
 *
 * <p>Open addressing with linear probing, grown at half full. Not thread-safe (one per import).
 */
final class SourceIdIndex {
  private static final int PAGE_BITS = 20;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  /** The longest id: two bytes a character must fit a page. */
  private static final int MAX_ID_LENGTH = PAGE_SIZE / 2;
  /** The largest table has 2^30 slots, so at most 2^29 distinct ids. */
  private static final int MAX_BITS = 30;
  private static final int INITIAL_BITS = 7;
  private static final int INITIAL_ENTRIES = 64;

  private byte[][] pages = new byte[1][];
  private int pageCount;
  private int pageFill;

  /** Per entry: where its bytes are (page and offset), its length (complemented for two bytes a character), its hash and first record. */
  private long[] entryAt = new long[INITIAL_ENTRIES];
  private int[] entryLength = new int[INITIAL_ENTRIES];
  private int[] entryHash = new int[INITIAL_ENTRIES];
  private long[] entryRecord = new long[INITIAL_ENTRIES];
  private int size;

  /** Slots: 0 is empty, else the hash's low {@code 32 - bits} bits above entry + 1 in the low {@code bits} bits. */
  private int bits = INITIAL_BITS;
  private int[] slots = new int[1 << INITIAL_BITS];
  /** The sum of the slots {@link #touch} read: written so that the reads are kept, never used. */
  @SuppressWarnings("unused")
  private int touched;

  /**
   * Remembers {@code id} as first seen in {@code record}, unless it was seen before.
   *
   * @return the record that first carried {@code id}, or {@code -1} if this is its first appearance
   * @throws IllegalArgumentException if {@code id} is longer than 524,288 characters
   * @throws IllegalStateException if {@code id} would be the 2^29th + 1 distinct id
   */
  long putIfAbsent(String id, long record) {
    return putIfAbsent(id, hash(id), record);
  }

  /** The hash {@link #putIfAbsent(String, int, long)} takes for {@code id}. */
  static int hash(String id) {
    return mix(id.hashCode());
  }

  /**
   * Reads the table slot where the look-up of the id with {@code hash} starts. A caller that touches the ids of
   * several records one after the other before putting them lets the CPU fetch their slots at once, where one
   * look-up after another waits for each cache miss in turn (the table is megabytes, the slots random). The read
   * value is kept in a field so that the compiler cannot drop the read.
   */
  void touch(int hash) {
    touched += slots[hash >>> (32 - bits)];
  }

  /**
   * {@link #putIfAbsent(String, long)} for an id of the given {@link #hash}; the table may have grown since it was
   * {@linkplain #touch touched}, as the slot is found from the hash again.
   */
  long putIfAbsent(String id, int hash, long record) {
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("source id longer than " + MAX_ID_LENGTH + " characters");
    }
    int[] table = slots;
    int b = bits;
    int mask = table.length - 1;
    int fingerprint = hash & (-1 >>> b);
    for (int slot = hash >>> (32 - b); ; slot = (slot + 1) & mask) {
      int packed = table[slot];
      if (packed == 0) {
        table[slot] = (fingerprint << b) | (add(id, hash, record) + 1);
        if (size > table.length >>> 1) {
          grow();
        }
        return -1;
      }
      if (packed >>> b == fingerprint) {
        int entry = (packed & mask) - 1;
        if (sameCharacters(entry, id)) {
          return entryRecord[entry];
        }
      }
    }
  }

  /** How many distinct ids the index holds. */
  int size() {
    return size;
  }

  private int add(String id, int hash, long record) {
    if (size == entryRecord.length) {
      int capacity = size * 2;
      entryAt = Arrays.copyOf(entryAt, capacity);
      entryLength = Arrays.copyOf(entryLength, capacity);
      entryHash = Arrays.copyOf(entryHash, capacity);
      entryRecord = Arrays.copyOf(entryRecord, capacity);
    }
    int length = id.length();
    boolean latin1 = latin1(id);
    int bytes = latin1 ? length : 2 * length;
    if (pageCount == 0 || pageFill + bytes > PAGE_SIZE) {
      newPage();
    }
    copy(id, latin1, pages[pageCount - 1], pageFill);
    entryAt[size] = ((long) (pageCount - 1) << PAGE_BITS) | pageFill;
    entryLength[size] = latin1 ? length : ~length;
    entryHash[size] = hash;
    entryRecord[size] = record;
    pageFill += bytes;
    return size++;
  }

  private static boolean latin1(String id) {
    int all = 0;
    for (int i = 0; i < id.length(); i++) {
      all |= id.charAt(i);
    }
    return all < 0x100;
  }

  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps each char's low byte: exact for Latin-1
  private static void copy(String id, boolean latin1, byte[] page, int at) {
    if (latin1) {
      id.getBytes(0, id.length(), page, at);
      return;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      page[at + 2 * i] = (byte) (c >>> 8);
      page[at + 2 * i + 1] = (byte) c;
    }
  }

  private void newPage() {
    if (pageCount == pages.length) {
      pages = Arrays.copyOf(pages, pageCount * 2);
    }
    pages[pageCount++] = new byte[PAGE_SIZE];
    pageFill = 0;
  }

  private boolean sameCharacters(int entry, String id) {
    int stored = entryLength[entry];
    boolean latin1 = stored >= 0;
    int length = latin1 ? stored : ~stored;
    if (length != id.length()) {
      return false;
    }
    long at = entryAt[entry];
    byte[] page = pages[(int) (at >>> PAGE_BITS)];
    int offset = (int) at & (PAGE_SIZE - 1);
    for (int i = 0; i < length; i++) {
      int c = latin1 ? page[offset + i] & 0xFF
          : (page[offset + 2 * i] & 0xFF) << 8 | (page[offset + 2 * i + 1] & 0xFF);
      if (c != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Doubles the table, placing the entries again from their stored hashes. */
  private void grow() {
    if (bits == MAX_BITS) {
      throw new IllegalStateException("more than " + (1 << (MAX_BITS - 1)) + " distinct source ids in one import");
    }
    int b = bits + 1;
    int[] bigger = new int[1 << b];
    int mask = bigger.length - 1;
    int[] hashes = entryHash;
    for (int entry = 0; entry < size; entry++) {
      int hash = hashes[entry];
      int slot = hash >>> (32 - b);
      while (bigger[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = (hash & (-1 >>> b)) << b | (entry + 1);
    }
    slots = bigger;
    bits = b;
  }

  /** Spreads {@link String#hashCode()} so that the high bits, which choose the slot, are well mixed. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
