package org.engagement.attribution.journey;

import java.util.Arrays;

/**
 * Sorts path ids by the lexicographic order of their channel ids, on primitive arrays: the canonical order of
 * a {@link JourneySet}. The JDK sorts {@code int}s only by their natural order, and boxing a hundred
 * thousand path ids to sort them with a comparator costs more than the rest of building a set, so this is a
 * merge sort over {@code int} ids (insertion sort for short runs). Stateless; not instantiable.
 */
final class PathOrder {
  private static final int INSERTION = 24;

  private PathOrder() {}

  /**
   * The ids {@code 0 .. count-1} of the paths {@code touches[offsets[p] .. offsets[p+1])}, sorted by
   * {@link Arrays#compare(int[], int, int, int[], int, int)} of their touches.
   */
  static int[] sorted(int[] touches, int[] offsets, int count) {
    int[] order = new int[count];
    for (int p = 0; p < count; p++) {
      order[p] = p;
    }
    int[] scratch = order.clone();
    sort(touches, offsets, scratch, order, 0, count);
    return order;
  }

  /** Sorts {@code out[from .. end)}; {@code scratch} holds the same ids in that range and is used as work space. */
  private static void sort(int[] touches, int[] offsets, int[] scratch, int[] out, int from, int end) {
    if (end - from <= INSERTION) {
      insertion(touches, offsets, out, from, end);
      return;
    }
    int mid = (from + end) >>> 1;
    sort(touches, offsets, out, scratch, from, mid);
    sort(touches, offsets, out, scratch, mid, end);
    if (compare(touches, offsets, scratch[mid - 1], scratch[mid]) <= 0) {
      System.arraycopy(scratch, from, out, from, end - from);
      return;
    }
    int i = from;
    int j = mid;
    for (int k = from; k < end; k++) {
      if (j >= end || (i < mid && compare(touches, offsets, scratch[i], scratch[j]) <= 0)) {
        out[k] = scratch[i++];
      } else {
        out[k] = scratch[j++];
      }
    }
  }

  private static void insertion(int[] touches, int[] offsets, int[] ids, int from, int end) {
    for (int i = from + 1; i < end; i++) {
      int id = ids[i];
      int j = i - 1;
      while (j >= from && compare(touches, offsets, ids[j], id) > 0) {
        ids[j + 1] = ids[j];
        j--;
      }
      ids[j + 1] = id;
    }
  }

  private static int compare(int[] touches, int[] offsets, int a, int b) {
    return Arrays.compare(touches, offsets[a], offsets[a + 1], touches, offsets[b], offsets[b + 1]);
  }
}
