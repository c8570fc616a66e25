package org.engagement.core.presence;

import static java.util.Objects.requireNonNull;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A growing set of customer ids in one open-addressing table (linear probing, at most two thirds full): about
 * 12 bytes an id, sharing the id strings, where a {@link java.util.HashSet} takes about 48 (a node per id),
 * which made presence's sets the largest state of a report over millions of customers (issue 16). Ids are only
 * added, never removed.
 *
 * <p>Not thread-safe.
 */
final class IdSet extends AbstractSet<String> {
  private static final int FIRST_CAPACITY = 16;
  private @Nullable String[] table = new String[FIRST_CAPACITY];
  private int size;

  @Override
  public boolean add(String id) {
    requireNonNull(id, "id");
    if (3 * (size + 1) > 2 * table.length) {
      grow();
    }
    if (!insert(table, id)) {
      return false;
    }
    size++;
    return true;
  }

  @Override
  public boolean contains(@Nullable Object o) {
    if (!(o instanceof String id)) {
      return false;
    }
    @Nullable String[] t = table;
    int mask = t.length - 1;
    for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      String there = t[slot];
      if (there == null) {
        return false;
      }
      if (there.equals(id)) {
        return true;
      }
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<String> iterator() {
    @Nullable String[] t = table;
    return new Iterator<>() {
      private int slot = next(0);

      private int next(int from) {
        int s = from;
        while (s < t.length && t[s] == null) {
          s++;
        }
        return s;
      }

      @Override
      public boolean hasNext() {
        return slot < t.length;
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String id = requireNonNull(t[slot]);
        slot = next(slot + 1);
        return id;
      }
    };
  }

  /** Puts {@code id} in {@code t} unless it is there; whether it was put. */
  private static boolean insert(@Nullable String[] t, String id) {
    int mask = t.length - 1;
    for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      String there = t[slot];
      if (there == null) {
        t[slot] = id;
        return true;
      }
      if (there.equals(id)) {
        return false;
      }
    }
  }

  private void grow() {
    @Nullable String[] bigger = new String[table.length * 2];
    for (String id : table) {
      if (id != null) {
        insert(bigger, id);
      }
    }
    table = bigger;
  }

  /** Mixes the hash's high bits into the low ones the mask keeps (ids often differ only in their last characters). */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
