package org.engagement.clv.prediction;

import java.util.Arrays;

/**
 * A range of customers grouped by identical {@code (x, t_x, T)}, so that a bulk prediction that depends
 * only on the history computes it once per distinct history. Summaries made from calendar days repeat a
 * lot (a million simulated CDNOW-like customers have about 106,000 distinct histories), which makes
 * multi-step lifetime values several times cheaper.
 *
 * <p>Grouping sorts one primitive key per customer (a 32-bit hash of the history above the customer's
 * position) and compares the histories within each run of equal hashes exactly, so a hash collision never
 * merges different histories. Not thread-safe while being built; immutable after.
 */
final class DistinctHistories {
  private final int from;
  private final int[] group;
  private final int[] representative;

  private DistinctHistories(int from, int[] group, int[] representative) {
    this.from = from;
    this.group = group;
    this.representative = representative;
  }

  /** Groups customers {@code from} (inclusive) to {@code to} (exclusive) of {@code customers}. */
  static DistinctHistories of(CustomerColumns customers, int from, int to) {
    return of(customers, from, to, true);
  }

  /**
   * Groups customers {@code from} (inclusive) to {@code to} (exclusive) of {@code customers} by {@code (x, t_x, T)},
   * or by {@code (x, T)} alone when {@code byRecency} is false (what an alive factor depends on).
   */
  static DistinctHistories of(CustomerColumns customers, int from, int to, boolean byRecency) {
    int n = to - from;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      int k = from + i;
      double recency = byRecency ? customers.recency(k) : 0;
      keys[i] = ((long) hash(customers.frequency(k), recency, customers.age(k)) << 32) | i;
    }
    Arrays.sort(keys);
    int[] group = new int[n];
    int[] representative = new int[n];
    int groups = 0;
    int runStart = 0;
    for (int j = 0; j < n; j++) {
      if (j > 0 && (keys[j] >>> 32) != (keys[j - 1] >>> 32)) {
        runStart = groups;
      }
      int i = (int) keys[j];
      int g = runStart;
      while (g < groups && !same(customers, from + representative[g], from + i, byRecency)) {
        g++;
      }
      if (g == groups) {
        representative[groups++] = i;
      }
      group[i] = g;
    }
    return new DistinctHistories(from, group, Arrays.copyOf(representative, groups));
  }

  /** The number of distinct histories. */
  int size() {
    return representative.length;
  }

  /** The index (in the columns) of a customer with distinct history {@code g}. */
  int customerOf(int g) {
    return from + representative[g];
  }

  /** The distinct history of the customer at index {@code k} of the columns. */
  int groupOf(int k) {
    return group[k - from];
  }

  private static boolean same(CustomerColumns c, int a, int b, boolean byRecency) {
    return c.frequency(a) == c.frequency(b) && Double.compare(c.age(a), c.age(b)) == 0
        && (!byRecency || Double.compare(c.recency(a), c.recency(b)) == 0);
  }

  private static int hash(int frequency, double recency, double age) {
    long h = frequency * 0x9E3779B97F4A7C15L;
    h = Long.rotateLeft(h ^ Double.doubleToLongBits(recency) * 0xC2B2AE3D27D4EB4FL, 31);
    h ^= Double.doubleToLongBits(age) * 0x165667B19E3779F9L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return (int) h;
  }
}
