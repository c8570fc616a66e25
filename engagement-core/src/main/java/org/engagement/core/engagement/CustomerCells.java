package org.engagement.core.engagement;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * One decayed score per customer, in an open-addressing table of primitive columns: the customer ids in
 * one array and, interleaved per slot in another, the score's bits and its reference time (epoch
 * second, nanosecond).
 *
 * <p>Scoring millions of interactions over millions of customers is bound by memory access: with a
 * {@code HashMap<String, Cell>} each update walks table, node and cell; here it reads one id slot and one
 * run of three longs. Linear probing, grown at half full. Not thread-safe.
 */
final class CustomerCells implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int WIDTH = 3;

  private @Nullable String[] keys = new String[16];
  private long[] data = new long[16 * WIDTH];
  private int size;

  /**
   * Adds {@code weight} at the given time to {@code id}'s score, decaying whichever of the two is
   * older to the newer one's time.
   */
  void add(String id, double weight, long second, int nano, Decay decay) {
    int slot = slotOf(id);
    if (keys[slot] == null) {
      keys[slot] = id;
      set(slot, weight, second, nano);
      if (++size * 2 > keys.length) {
        grow();
      }
      return;
    }
    int base = slot * WIDTH;
    double score = Double.longBitsToDouble(data[base]);
    long refSecond = data[base + 1];
    int refNano = (int) data[base + 2];
    if (second > refSecond || (second == refSecond && nano > refNano)) {
      set(slot, score * decay.factor(refSecond, refNano, second, nano) + weight, second, nano);
    } else {
      data[base] = Double.doubleToRawLongBits(score + weight * decay.factor(second, nano, refSecond, refNano));
    }
  }

  /** The slot holding {@code id}, or -1 if it has none. */
  int find(String id) {
    int slot = slotOf(id);
    return keys[slot] == null ? -1 : slot;
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
    return (int) data[slot * WIDTH + 2];
  }

  int size() {
    return size;
  }

  /** The slot of {@code id}, or the empty slot where it would go. */
  private int slotOf(String id) {
    int mask = keys.length - 1;
    int slot = mix(id.hashCode()) & mask;
    while (true) {
      String key = keys[slot];
      if (key == null || key == id || key.equals(id)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void set(int slot, double score, long second, int nano) {
    int base = slot * WIDTH;
    data[base] = Double.doubleToRawLongBits(score);
    data[base + 1] = second;
    data[base + 2] = nano;
  }

  private void grow() {
    @Nullable String[] oldKeys = keys;
    long[] oldData = data;
    keys = new String[oldKeys.length * 2];
    data = new long[keys.length * WIDTH];
    for (int old = 0; old < oldKeys.length; old++) {
      String key = oldKeys[old];
      if (key != null) {
        int slot = slotOf(key);
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
}
