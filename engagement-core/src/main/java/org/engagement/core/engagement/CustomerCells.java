package org.engagement.core.engagement;

import java.io.Serializable;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One decayed score per customer, in an open-addressing table of primitive columns: the customer ids in
 * one array and, interleaved per slot in another, the score's bits, its reference time's epoch second,
 * and a word holding the id's hash beside the reference time's nanosecond.
 *
 * <p>Scoring millions of interactions over millions of customers is bound by memory access: with a
 * {@code HashMap<String, Cell>} each update walks table, node and cell. Here a probe reads one run of
 * three longs, and the id array only when the stored hash matches, so a collision costs no visit to
 * another customer's id. {@link #addAll} goes further for bulk input: it first computes a batch's hashes
 * and touches its slots, so the cache misses of a whole batch overlap instead of queuing one after the
 * other. Linear probing, grown at half full. Not thread-safe.
 */
final class CustomerCells implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int WIDTH = 3;
  private static final long NANO_MASK = 0xFFFF_FFFFL;

  private @Nullable String[] keys = new String[16];
  /** Per slot: score bits, epoch second, then {@code hash << 32 | (nano + 1)}; the last is 0 when empty. */
  private long[] data = new long[16 * WIDTH];
  private int size;

  /**
   * Adds {@code weight} at the given time to {@code id}'s score, decaying whichever of the two is
   * older to the newer one's time.
   */
  void add(String id, double weight, long second, int nano, Decay decay) {
    add(id, mix(id.hashCode()), weight, second, nano, decay);
  }

  /**
   * Adds the batch's entries as {@link #add} would one by one, but with their memory accesses
   * overlapping, and empties the batch.
   */
  void addAll(Batch batch, Decay decay) {
    if (batch.count == 0) {
      return;
    }
    int[] hashes = batch.hashes;
    for (int i = 0; i < batch.count; i++) {
      hashes[i] = mix(batch.ids[i].hashCode());
    }
    long touched = 0;
    int mask = keys.length - 1;
    for (int i = 0; i < batch.count; i++) {
      int slot = hashes[i] & mask;
      touched += data[slot * WIDTH] + data[slot * WIDTH + 2];
      if (keys[slot] == null) {
        touched++;
      }
    }
    batch.touched = touched;
    for (int i = 0; i < batch.count; i++) {
      add(batch.ids[i], hashes[i], batch.weights[i], batch.seconds[i], batch.nanos[i], decay);
    }
    batch.count = 0;
  }

  private void add(String id, int hash, double weight, long second, int nano, Decay decay) {
    int slot = slotOf(id, hash);
    int base = slot * WIDTH;
    if (data[base + 2] == 0) {
      keys[slot] = id;
      set(base, hash, weight, second, nano);
      if (++size * 2 > keys.length) {
        grow();
      }
      return;
    }
    double score = Double.longBitsToDouble(data[base]);
    long refSecond = data[base + 1];
    int refNano = nano(slot);
    if (second > refSecond || (second == refSecond && nano > refNano)) {
      set(base, hash, score * decay.factor(refSecond, refNano, second, nano) + weight, second, nano);
    } else {
      data[base] = Double.doubleToRawLongBits(score + weight * decay.factor(second, nano, refSecond, refNano));
    }
  }

  /** A copy that changes independently of this table. */
  CustomerCells copy() {
    CustomerCells copy = new CustomerCells();
    copy.keys = keys.clone();
    copy.data = data.clone();
    copy.size = size;
    return copy;
  }

  /**
   * Whether {@code other} holds the same customers with bit for bit the same cells, whatever the slots
   * they sit in (which depend on the order the customers came in).
   */
  boolean sameCells(CustomerCells other) {
    if (other.size != size) {
      return false;
    }
    for (int slot = 0; slot < keys.length; slot++) {
      String key = keys[slot];
      if (key != null) {
        int theirs = other.find(key);
        int mine = slot * WIDTH;
        if (theirs < 0
            || !Arrays.equals(data, mine, mine + WIDTH, other.data, theirs * WIDTH, theirs * WIDTH + WIDTH)) {
          return false;
        }
      }
    }
    return true;
  }

  /** A hash of the cells that, like {@link #sameCells}, does not depend on their slots. */
  int cellsHash() {
    int hash = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      String key = keys[slot];
      if (key != null) {
        int base = slot * WIDTH;
        hash += key.hashCode() ^ Long.hashCode(data[base] * 31 + data[base + 1]) ^ (int) data[base + 2];
      }
    }
    return hash;
  }

  /** The slot holding {@code id}, or -1 if it has none. */
  int find(String id) {
    int slot = slotOf(id, mix(id.hashCode()));
    return data[slot * WIDTH + 2] == 0 ? -1 : slot;
  }

  /** The number of slots, for iteration with {@link #key(int)}. */
  int capacity() {
    return keys.length;
  }

  /** The customer in {@code slot}, or {@code null} if the slot is empty. */
  @Nullable String key(int slot) {
    return keys[slot];
  }

  double score(int slot) {
    return Double.longBitsToDouble(data[slot * WIDTH]);
  }

  long second(int slot) {
    return data[slot * WIDTH + 1];
  }

  int nano(int slot) {
    return (int) (data[slot * WIDTH + 2] & NANO_MASK) - 1;
  }

  int size() {
    return size;
  }

  /** The slot of {@code id}, or the empty slot where it would go. */
  private int slotOf(String id, int hash) {
    int mask = keys.length - 1;
    int slot = hash & mask;
    while (true) {
      long meta = data[slot * WIDTH + 2];
      if (meta == 0) {
        return slot;
      }
      if ((int) (meta >>> 32) == hash) {
        String key = keys[slot];
        if (id.equals(key)) {
          return slot;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  private void set(int base, int hash, double score, long second, int nano) {
    data[base] = Double.doubleToRawLongBits(score);
    data[base + 1] = second;
    data[base + 2] = ((long) hash << 32) | ((nano + 1) & NANO_MASK);
  }

  private void grow() {
    @Nullable String[] oldKeys = keys;
    long[] oldData = data;
    keys = new String[oldKeys.length * 2];
    data = new long[keys.length * WIDTH];
    for (int old = 0; old < oldKeys.length; old++) {
      String key = oldKeys[old];
      if (key != null) {
        int slot = slotOf(key, (int) (oldData[old * WIDTH + 2] >>> 32));
        keys[slot] = key;
        System.arraycopy(oldData, old * WIDTH, data, slot * WIDTH, WIDTH);
      }
    }
  }

  /** Fibonacci hashing of {@link String#hashCode()}, so that linear probing sees well-mixed low bits. */
  private static int mix(int h) {
    int spread = h * 0x9E3779B9;
    return spread ^ (spread >>> 16);
  }

  @Override
  public String toString() {
    return "CustomerCells[" + size + " customers in " + keys.length + " slots]";
  }

  /**
   * Reusable columns for {@link #addAll}: the caller fills {@code count} entries, then hands the batch
   * over. Not thread-safe.
   */
  static final class Batch {
    static final int CAPACITY = 64;

    final String[] ids = new String[CAPACITY];
    final double[] weights = new double[CAPACITY];
    final long[] seconds = new long[CAPACITY];
    final int[] nanos = new int[CAPACITY];
    final int[] hashes = new int[CAPACITY];
    int count;
    /** Sink for the slot-touching reads, so the compiler keeps them. */
    long touched;

    boolean isFull() {
      return count == CAPACITY;
    }

    void put(String id, double weight, long second, int nano) {
      ids[count] = id;
      weights[count] = weight;
      seconds[count] = second;
      nanos[count] = nano;
      count++;
    }
  }
}
