package org.engagement.core.internal.column;

import java.util.Arrays;
import java.util.Objects;

/**
 * Numbers ids 0, 1, 2, ... in the order first met, so that an aggregate keeps its per-id state in arrays indexed by
 * number instead of in maps keyed by the id (issue 16: a {@link java.util.HashMap} entry per customer, and the
 * object it maps to, are most of what a conversation aggregate over a million customers allocates and keeps). One
 * open-addressing table of hashes and numbers (linear probing, at most two thirds full) over the ids by number:
 * about 20 bytes an id at full growth, sharing the id strings. The hash is spread before it is masked, since ids
 * of digits ({@code "c0000002"}) differ only in their last characters. Ids are only added, never removed.
 *
 * <p>Not thread-safe.
 */
public final class IdNumbers {
  private static final int FIRST_CAPACITY = 16;
  /**
   * Each slot holds an id's hash in its high half and its number plus one in its low half, or 0 when empty: a probe
   * compares hashes within the table and reads an id only when they are equal.
   */
  private long[] slots = new long[FIRST_CAPACITY];
  private String[] ids = new String[FIRST_CAPACITY];
  private int size;

  /** Ids numbered as they are met. */
  public IdNumbers() {}

  /** The number of {@code id}, given the next number if it has none yet. */
  public int numberOf(String id) {
    int hash = id.hashCode();
    int slot = slotOf(id, hash);
    long there = slots[slot];
    return there == 0 ? add(id, hash, slot) : (int) there - 1;
  }

  /** The number of {@code id}, or -1 if it has none. */
  public int find(String id) {
    long there = slots[slotOf(id, id.hashCode())];
    return there == 0 ? -1 : (int) there - 1;
  }

  /**
   * The number of the id written by {@code chars[from .. from + length)}, or -1 if it has none: a reader looks up a
   * field in its buffer without making a string for an id it has numbered before (issue 16).
   */
  public int find(char[] chars, int from, int length) {
    int hash = 0;
    for (int i = from; i < from + length; i++) {
      hash = 31 * hash + chars[i];
    }
    long[] t = slots;
    int mask = t.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      long there = t[slot];
      if (there == 0) {
        return -1;
      }
      if ((int) (there >>> Integer.SIZE) == hash && same(ids[(int) there - 1], chars, from, length)) {
        return (int) there - 1;
      }
    }
  }

  private static boolean same(String id, char[] chars, int from, int length) {
    if (id.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (id.charAt(i) != chars[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** The slot that holds {@code id}, or the empty slot where it would go. */
  private int slotOf(String id, int hash) {
    long[] t = slots;
    int mask = t.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      long there = t[slot];
      if (there == 0 || ((int) (there >>> Integer.SIZE) == hash && ids[(int) there - 1].equals(id))) {
        return slot;
      }
    }
  }

  /** The id numbered {@code number}. */
  public String id(int number) {
    return ids[Objects.checkIndex(number, size)];
  }

  /** The ids by number, as a new array of {@link #size()}. */
  public String[] ids() {
    return Arrays.copyOf(ids, size);
  }

  /** How many ids are numbered: the numbers are 0 to {@code size() - 1}. */
  public int size() {
    return size;
  }

  private int add(String id, int hash, int slot) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size] = id;
    slots[slot] = entry(hash, size);
    size++;
    if (3 * size > 2 * slots.length) {
      rehash();
    }
    return size - 1;
  }

  private static long entry(int hash, int number) {
    return ((long) hash << Integer.SIZE) | (number + 1L);
  }

  private void rehash() {
    long[] bigger = new long[slots.length * 2];
    int mask = bigger.length - 1;
    for (long there : slots) {
      if (there != 0) {
        int slot = spread((int) (there >>> Integer.SIZE)) & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = there;
      }
    }
    slots = bigger;
  }

  /** Mixes the hash's high bits into the low ones the mask keeps. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
