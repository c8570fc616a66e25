package org.engagement.attribution.hazard;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.engagement.attribution.internal.IdsKey;
import org.engagement.attribution.journey.JourneySet;

/**
 * The distinct channel sets of a journey set with their conversions and non-conversions, flat: what the
 * hazard likelihoods ({@link WidenedHazards}) and the interaction screen read. Immutable after construction.
 */
final class ChannelSets {
  private final int[] offsets;
  private final int[] members;
  private final double[] converted;
  private final double[] failed;
  /** Each path's set, for {@link #recounted}. */
  private final int[] setOfPath;

  private ChannelSets(int[] offsets, int[] members, double[] converted, double[] failed, int[] setOfPath) {
    this.offsets = offsets;
    this.members = members;
    this.converted = converted;
    this.failed = failed;
    this.setOfPath = setOfPath;
  }

  /**
   * The channel sets of {@code journeys}, numbered in the order their first path comes, each one's counts added
   * path by path in path order. With at most 64 channels a set is found by its bit mask (no key object per path,
   * nothing sorted: a bootstrap groups every resample's paths again); the sets, their order and counts are those of
   * the general way, bit for bit.
   */
  static ChannelSets of(JourneySet journeys) {
    return journeys.channels().size() <= Long.SIZE ? byMask(journeys) : byIds(journeys);
  }

  private static ChannelSets byMask(JourneySet journeys) {
    int paths = journeys.pathCount();
    MaskIndex index = new MaskIndex();
    int[] offsets = new int[paths + 1];
    int[] members = new int[journeys.touchCount()];
    double[] converted = new double[paths];
    double[] failed = new double[paths];
    int[] setOfPath = new int[paths];
    int sets = 0;
    for (int p = 0; p < paths; p++) {
      long mask = 0;
      for (int i = journeys.start(p); i < journeys.start(p) + journeys.length(p); i++) {
        mask |= 1L << journeys.channelAt(i);
      }
      int t = index.indexOf(mask, sets);
      if (t == sets) {
        sets++;
        int k = offsets[t];
        for (long rest = mask; rest != 0; rest &= rest - 1) {
          members[k++] = Long.numberOfTrailingZeros(rest);
        }
        offsets[t + 1] = k;
      }
      setOfPath[p] = t;
      converted[t] += journeys.conversions(p);
      failed[t] += journeys.nulls(p);
    }
    return new ChannelSets(Arrays.copyOf(offsets, sets + 1), Arrays.copyOf(members, offsets[sets]),
        Arrays.copyOf(converted, sets), Arrays.copyOf(failed, sets), setOfPath);
  }

  /** {@link #of} the general way: each path's distinct channel ids sorted into a key (the reference of the masks). */
  static ChannelSets byIds(JourneySet journeys) {
    Map<IdsKey, Integer> index = new HashMap<>();
    int[] offsets = new int[journeys.pathCount() + 1];
    int[] members = new int[journeys.touchCount()];
    double[] converted = new double[journeys.pathCount()];
    double[] failed = new double[journeys.pathCount()];
    int[] setOfPath = new int[journeys.pathCount()];
    int sets = 0;
    int[] scratch = new int[16];
    for (int p = 0; p < journeys.pathCount(); p++) {
      int length = journeys.length(p);
      if (length > scratch.length) {
        scratch = new int[Math.max(length, 2 * scratch.length)];
      }
      for (int i = 0; i < length; i++) {
        scratch[i] = journeys.channelAt(journeys.start(p) + i);
      }
      int[] distinct = distinctSorted(scratch, length);
      Integer known = index.get(new IdsKey(distinct));
      int t;
      if (known == null) {
        t = sets++;
        index.put(new IdsKey(distinct), t);
        System.arraycopy(distinct, 0, members, offsets[t], distinct.length);
        offsets[t + 1] = offsets[t] + distinct.length;
      } else {
        t = known;
      }
      setOfPath[p] = t;
      converted[t] += journeys.conversions(p);
      failed[t] += journeys.nulls(p);
    }
    return new ChannelSets(Arrays.copyOf(offsets, sets + 1), Arrays.copyOf(members, offsets[sets]),
        Arrays.copyOf(converted, sets), Arrays.copyOf(failed, sets), setOfPath);
  }

  /**
   * The channel sets of {@code journeys}, a set with the paths these were grouped from and other counts ({@link
   * JourneySet#withCounts}): what {@link #of} gives on it, bit for bit (the same sets in the same order, each one's
   * counts added path by path in path order), without grouping the paths again (issue 16: a validation's five
   * training folds are grouped once, not five times).
   */
  ChannelSets recounted(JourneySet journeys) {
    double[] conversions = new double[converted.length];
    double[] nulls = new double[failed.length];
    for (int p = 0; p < setOfPath.length; p++) {
      conversions[setOfPath[p]] += journeys.conversions(p);
      nulls[setOfPath[p]] += journeys.nulls(p);
    }
    return new ChannelSets(offsets, members, conversions, nulls, setOfPath);
  }

  /**
   * Set numbers by bit mask: an open-addressing table of masks, doubled when half full. Not thread-safe: one per
   * grouping.
   */
  private static final class MaskIndex {
    private long[] masks = new long[64];
    private int[] numbers = new int[64];
    private int size;

    /** The number of the set {@code mask}, or {@code next} (now its number) if it is new. */
    int indexOf(long mask, int next) {
      int slot = slot(mask, masks.length);
      while (numbers[slot] != 0) {
        if (masks[slot] == mask) {
          return numbers[slot] - 1;
        }
        slot = (slot + 1) & (masks.length - 1);
      }
      masks[slot] = mask;
      numbers[slot] = next + 1;
      if (2 * ++size > masks.length) {
        grow();
      }
      return next;
    }

    private void grow() {
      long[] oldMasks = masks;
      int[] oldNumbers = numbers;
      masks = new long[2 * oldMasks.length];
      numbers = new int[2 * oldMasks.length];
      for (int i = 0; i < oldMasks.length; i++) {
        if (oldNumbers[i] != 0) {
          int slot = slot(oldMasks[i], masks.length);
          while (numbers[slot] != 0) {
            slot = (slot + 1) & (masks.length - 1);
          }
          masks[slot] = oldMasks[i];
          numbers[slot] = oldNumbers[i];
        }
      }
    }

    private static int slot(long mask, int length) {
      long h = mask * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 32) & (length - 1);
    }
  }

  /** The distinct values of {@code ids[0 .. length)}, ascending (sorts that part of {@code ids} in place). */
  private static int[] distinctSorted(int[] ids, int length) {
    Arrays.sort(ids, 0, length);
    int distinct = 0;
    for (int i = 0; i < length; i++) {
      if (i == 0 || ids[i] != ids[i - 1]) {
        ids[distinct++] = ids[i];
      }
    }
    return Arrays.copyOf(ids, distinct);
  }

  /** The number of distinct sets. */
  int size() {
    return converted.length;
  }

  /** The channel ids of set {@code t}, ascending (a copy). */
  int[] members(int t) {
    return Arrays.copyOfRange(members, offsets[t], offsets[t + 1]);
  }

  /** The conversions of set {@code t}. */
  double converted(int t) {
    return converted[t];
  }

  /** The journeys of set {@code t} that did not convert. */
  double failed(int t) {
    return failed[t];
  }

  /** Set {@code t}'s cumulative hazard under {@code h} (index 0 the baseline, {@code 1 + c} channel c). */
  double hazard(int t, double[] h) {
    double sum = h[0];
    for (int k = offsets[t]; k < offsets[t + 1]; k++) {
      sum += h[1 + members[k]];
    }
    return sum;
  }

  /** Per channel: the fitted conversions lost on the sets that hold it if it were removed. */
  double[] lostWithout(double[] h, int n) {
    double[] lost = new double[n];
    for (int t = 0; t < converted.length; t++) {
      double hazard = hazard(t, h);
      double journeys = converted[t] + failed[t];
      for (int k = offsets[t]; k < offsets[t + 1]; k++) {
        int c = members[k];
        // p(S) - p(S without c) = exp(-(H - b)) - exp(-H)
        lost[c] += journeys * (Math.exp(-(hazard - h[1 + c])) - Math.exp(-hazard));
      }
    }
    return lost;
  }
}
