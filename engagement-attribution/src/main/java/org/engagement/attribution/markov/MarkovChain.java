package org.engagement.attribution.markov;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;

/**
 * The absorbing Markov chain of order k built from a {@link JourneySet} the way ChannelAttribution builds it
 * (attribution reference, section 2.4), with its transition matrix in compressed sparse rows.
 *
 * <p><b>States.</b> State {@link #START} is {@code (start)}, {@link #CONVERSION} is {@code (conversion)} and
 * {@link #NULL} is {@code (null)}; the others ({@code 3 .. stateCount()-1}, in order of first appearance)
 * are tuples of channels. Each path of {@code L} touches becomes the sliding windows of {@code k}
 * consecutive touches ({@code a>b>c>d}, k = 2: {@code ab, bc, cd}); a path shorter than {@code k} is one
 * state, the whole path. The start of a path is not padded: {@code (start)} leads to the first window (or
 * to the short path's one state), so the first k - 1 touches are never states of their own. With
 * {@linkplain #collapsed() collapsing} (the default, as in ChannelAttribution's {@code markov_model}),
 * consecutive identical states are merged ({@code A>A>B} at order 1 is {@code A>B}; at order 2
 * {@code A>A>A>B} is {@code AA, AB}), so the chain has no self-loops; without it they stay as self-loops.
 *
 * <p><b>Transitions.</b> For each path with {@code w = conversions + nulls > 0}, {@code w} is added to
 * {@code (start) -> s1} and to every {@code s_i -> s_(i+1)}; the conversions are added to
 * {@code s_last -> (conversion)} and the nulls to {@code s_last -> (null)}. Counts may be fractional. The
 * probabilities are the row-normalised counts. Paths with neither conversions nor nulls are ignored.
 *
 * <p><b>Values.</b> {@link #meanValue(int)} of a state is the total value over the conversions of the paths
 * whose last state it is, divided by those conversions (paths without conversions add no value here).
 *
 * <p>Read with {@link #transitionStart(int)}, {@link #transitionEnd(int)}, {@link #target(int)} and
 * {@link #probability(int)}, which index flat primitive arrays; within a row the targets are in increasing
 * order. Instances are immutable and thread-safe: every array is filled on construction and never
 * written again, so one chain can be solved for several removals at once.
 *
 * @since 0.1.0
 */
public final class MarkovChain {
  /** The state {@code (start)}. */
  public static final int START = 0;
  /** The absorbing state {@code (conversion)}. */
  public static final int CONVERSION = 1;
  /** The absorbing state {@code (null)}. */
  public static final int NULL = 2;

  private static final String[] SPECIAL = {"(start)", "(conversion)", "(null)"};

  private final ChannelIndex channels;
  private final int order;
  private final boolean collapsed;
  private final int[] stateOffsets;
  private final int[] stateChannels;
  private final int[] rowOffsets;
  private final int[] targets;
  private final double[] probabilities;
  private final double[] meanValues;

  private MarkovChain(ChannelIndex channels, int order, boolean collapsed, int[] stateOffsets,
      int[] stateChannels, int[] rowOffsets, int[] targets, double[] probabilities, double[] meanValues) {
    this.channels = channels;
    this.order = order;
    this.collapsed = collapsed;
    this.stateOffsets = stateOffsets;
    this.stateChannels = stateChannels;
    this.rowOffsets = rowOffsets;
    this.targets = targets;
    this.probabilities = probabilities;
    this.meanValues = meanValues;
  }

  /**
   * The chain of order {@code order} of {@code journeys}.
   *
   * @param collapse whether consecutive identical states are merged (ChannelAttribution's default)
   * @throws IllegalArgumentException if {@code order} is less than 1
   */
  public static MarkovChain of(JourneySet journeys, int order, boolean collapse) {
    requireNonNull(journeys, "journeys");
    if (order < 1) {
      throw new IllegalArgumentException("order must be at least 1, was " + order);
    }
    StateTable table = new StateTable(journeys, Math.max(16, journeys.pathCount()));
    EdgeList edges = new EdgeList(Math.max(16, journeys.pathCount() / 4));
    for (int p = 0; p < journeys.pathCount(); p++) {
      double conv = journeys.conversions(p);
      double nulls = journeys.nulls(p);
      double w = conv + nulls;
      if (!(w > 0)) {
        continue;
      }
      int start = journeys.start(p);
      int length = journeys.length(p);
      int windows = length < order ? 1 : length - order + 1;
      int width = Math.min(order, length);
      int previous = START;
      for (int i = 0; i < windows; i++) {
        int state = table.intern(start + i, width);
        if (collapse && state == previous) {
          continue;
        }
        edges.add(previous, state, w);
        previous = state;
      }
      if (conv > 0) {
        edges.add(previous, CONVERSION, conv);
        table.endConversions[previous] += conv;
        table.endValues[previous] += journeys.value(p);
      }
      if (nulls > 0) {
        edges.add(previous, NULL, nulls);
      }
    }
    int stateCount = table.stateCount;
    double[] meanValues = new double[stateCount];
    for (int s = 0; s < stateCount; s++) {
      if (table.endConversions[s] > 0) {
        meanValues[s] = table.endValues[s] / table.endConversions[s];
      }
    }
    return build(journeys.channels(), order, collapse, table, edges, meanValues);
  }

  /**
   * The chain in compressed sparse rows from the distinct transitions: each row's targets in order of first
   * appearance are sorted, and its weights summed in that order and divided by the sum, so the
   * probabilities do not depend on how the transitions were collected.
   */
  private static MarkovChain build(ChannelIndex channels, int order, boolean collapse, StateTable table,
      EdgeList edges, double[] meanValues) {
    int n = table.stateCount;
    int[] rowOffsets = new int[n + 1];
    for (int e = 0; e < edges.size; e++) {
      rowOffsets[edges.from[e] + 1]++;
    }
    for (int s = 0; s < n; s++) {
      rowOffsets[s + 1] += rowOffsets[s];
    }
    int[] fill = Arrays.copyOf(rowOffsets, n);
    int[] rawTargets = new int[edges.size];
    double[] rawWeights = new double[edges.size];
    for (int e = 0; e < edges.size; e++) {
      int at = fill[edges.from[e]]++;
      rawTargets[at] = edges.to[e];
      rawWeights[at] = edges.weight[e];
    }
    // Merge the duplicate targets of each row; seen[t] is t's output index, valid if in the current row.
    int[] seen = new int[n];
    Arrays.fill(seen, -1);
    int[] targets = new int[edges.size];
    double[] weights = new double[edges.size];
    int[] offsets = new int[n + 1];
    int out = 0;
    for (int s = 0; s < n; s++) {
      int rowStart = out;
      for (int e = rowOffsets[s]; e < rowOffsets[s + 1]; e++) {
        int t = rawTargets[e];
        if (seen[t] >= rowStart) {
          weights[seen[t]] += rawWeights[e];
        } else {
          seen[t] = out;
          targets[out] = t;
          weights[out] = rawWeights[e];
          out++;
        }
      }
      sortRow(targets, weights, rowStart, out);
      double sum = 0;
      for (int e = rowStart; e < out; e++) {
        sum += weights[e];
      }
      for (int e = rowStart; e < out; e++) {
        weights[e] /= sum;
      }
      offsets[s + 1] = out;
    }
    return new MarkovChain(channels, order, collapse, Arrays.copyOf(table.offsets, n + 1),
        Arrays.copyOf(table.channels, table.offsets[n]), offsets, Arrays.copyOf(targets, out),
        Arrays.copyOf(weights, out), meanValues);
  }

  private static void sortRow(int[] targets, double[] weights, int from, int to) {
    if (to - from > 32) {
      // Long rows ((start) at high orders has one target per distinct first state): sort packed keys.
      long[] keys = new long[to - from];
      for (int i = from; i < to; i++) {
        keys[i - from] = ((long) targets[i] << 32) | (i - from);
      }
      Arrays.sort(keys);
      double[] copy = Arrays.copyOfRange(weights, from, to);
      for (int i = 0; i < keys.length; i++) {
        targets[from + i] = (int) (keys[i] >>> 32);
        weights[from + i] = copy[(int) keys[i]];
      }
      return;
    }
    for (int i = from + 1; i < to; i++) {
      int t = targets[i];
      double w = weights[i];
      int j = i - 1;
      while (j >= from && targets[j] > t) {
        targets[j + 1] = targets[j];
        weights[j + 1] = weights[j];
        j--;
      }
      targets[j + 1] = t;
      weights[j + 1] = w;
    }
  }

  /** The channels of the journeys the chain was built from. */
  public ChannelIndex channels() {
    return channels;
  }

  /** The order k: the number of consecutive touches in a state. */
  public int order() {
    return order;
  }

  /** Whether consecutive identical states were merged. */
  public boolean collapsed() {
    return collapsed;
  }

  /** The number of states, the three special ones included. */
  public int stateCount() {
    return stateOffsets.length - 1;
  }

  /** The number of transitions with a positive count (the non-zero entries of the matrix). */
  public int transitionCount() {
    return targets.length;
  }

  /** A copy of the channel ids of state {@code state}; empty for the three special states. */
  public int[] stateChannels(int state) {
    return Arrays.copyOfRange(stateChannels, stateOffsets[state], stateOffsets[state + 1]);
  }

  /**
   * The name of state {@code state}: {@code (start)}, {@code (conversion)}, {@code (null)}, or its channel
   * names joined by {@code " > "}.
   */
  public String stateName(int state) {
    if (state < SPECIAL.length) {
      return SPECIAL[state];
    }
    StringBuilder sb = new StringBuilder();
    for (int i = stateOffsets[state]; i < stateOffsets[state + 1]; i++) {
      sb.append(i == stateOffsets[state] ? "" : " > ").append(channels.name(stateChannels[i]));
    }
    return sb.toString();
  }

  /** The names of all states, by state index. */
  public List<String> stateNames() {
    List<String> names = new ArrayList<>(stateCount());
    for (int s = 0; s < stateCount(); s++) {
      names.add(stateName(s));
    }
    return Collections.unmodifiableList(names);
  }

  /** The flat index of the first channel of state {@code state} (for {@link #stateChannelAt(int)}). */
  int stateStart(int state) {
    return stateOffsets[state];
  }

  /** The flat index one past the last channel of state {@code state}. */
  int stateEnd(int state) {
    return stateOffsets[state + 1];
  }

  /** The channel id at flat index {@code position} of the states' channels. */
  int stateChannelAt(int position) {
    return stateChannels[position];
  }

  /** Whether state {@code state} contains channel {@code channel}. */
  public boolean contains(int state, int channel) {
    for (int i = stateOffsets[state]; i < stateOffsets[state + 1]; i++) {
      if (stateChannels[i] == channel) {
        return true;
      }
    }
    return false;
  }

  /** The index of the first transition out of {@code state}. */
  public int transitionStart(int state) {
    return rowOffsets[state];
  }

  /** The index one past the last transition out of {@code state}; equal to the start for absorbing states. */
  public int transitionEnd(int state) {
    return rowOffsets[state + 1];
  }

  /** The state transition {@code transition} leads to. */
  public int target(int transition) {
    return targets[transition];
  }

  /** The probability of transition {@code transition}. */
  public double probability(int transition) {
    return probabilities[transition];
  }

  /** The probability of moving from {@code from} to {@code to} in one step; 0 if there is no such transition. */
  public double probability(int from, int to) {
    int lo = rowOffsets[from];
    int hi = rowOffsets[from + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (targets[mid] < to) {
        lo = mid + 1;
      } else if (targets[mid] > to) {
        hi = mid - 1;
      } else {
        return probabilities[mid];
      }
    }
    return 0;
  }

  /**
   * The mean value per conversion of the paths whose last state is {@code state}: their total value over
   * their conversions; 0 if none of them converted.
   */
  public double meanValue(int state) {
    return meanValues[state];
  }

  @Override
  public String toString() {
    return "MarkovChain[order " + order + (collapsed ? ", collapsed" : "") + ", " + stateCount() + " states, "
        + transitionCount() + " transitions]";
  }

  /**
   * Interns windows of touches as states with an open-addressing hash table over the flat tuple arrays, so
   * that no object is made per window.
   */
  private static final class StateTable {
    private final JourneySet journeys;
    int[] offsets;
    int[] channels;
    double[] endConversions;
    double[] endValues;
    int stateCount;
    private int[] slots;

    StateTable(JourneySet journeys, int expected) {
      this.journeys = journeys;
      int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
      this.slots = new int[capacity];
      this.offsets = new int[expected + 4];
      this.channels = new int[expected * 2 + 4];
      this.endConversions = new double[expected + 4];
      this.endValues = new double[expected + 4];
      for (int s = 0; s < SPECIAL.length; s++) {
        add(0, 0);
      }
    }

    int intern(int position, int width) {
      int hash = 1;
      for (int i = 0; i < width; i++) {
        hash = 31 * hash + journeys.channelAt(position + i);
      }
      hash ^= hash >>> 16;
      hash *= 0x85ebca6b;
      hash ^= hash >>> 13;
      int mask = slots.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        int id = slots[slot] - 1;
        if (id < 0) {
          int state = add(position, width);
          slots[slot] = state + 1;
          if (stateCount * 2 > slots.length) {
            rehash();
          }
          return state;
        }
        if (matches(id, position, width)) {
          return id;
        }
      }
    }

    private boolean matches(int state, int position, int width) {
      int from = offsets[state];
      if (offsets[state + 1] - from != width) {
        return false;
      }
      for (int i = 0; i < width; i++) {
        if (channels[from + i] != journeys.channelAt(position + i)) {
          return false;
        }
      }
      return true;
    }

    private int add(int position, int width) {
      int state = stateCount;
      if (state + 2 > offsets.length) {
        int capacity = offsets.length * 2;
        offsets = Arrays.copyOf(offsets, capacity);
        endConversions = Arrays.copyOf(endConversions, capacity);
        endValues = Arrays.copyOf(endValues, capacity);
      }
      int from = offsets[state];
      if (from + width > channels.length) {
        channels = Arrays.copyOf(channels, Math.max(channels.length * 2, from + width));
      }
      for (int i = 0; i < width; i++) {
        channels[from + i] = journeys.channelAt(position + i);
      }
      offsets[state + 1] = from + width;
      stateCount++;
      return state;
    }

    private void rehash() {
      int[] bigger = new int[slots.length * 2];
      int mask = bigger.length - 1;
      for (int state = SPECIAL.length; state < stateCount; state++) {
        int hash = 1;
        for (int i = offsets[state]; i < offsets[state + 1]; i++) {
          hash = 31 * hash + channels[i];
        }
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        int slot = hash & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = state + 1;
      }
      slots = bigger;
    }
  }

  /**
   * The distinct weighted transitions in order of first appearance, each step's weight added to its
   * transition as it is observed (open addressing on the state pair), so memory grows with the distinct
   * transitions, not with the steps.
   */
  private static final class EdgeList {
    int[] from;
    int[] to;
    double[] weight;
    int size;
    private int[] slots;

    EdgeList(int capacity) {
      from = new int[capacity];
      to = new int[capacity];
      weight = new double[capacity];
      slots = new int[Integer.highestOneBit(capacity * 2 - 1) << 1];
    }

    void add(int source, int target, double w) {
      int mask = slots.length - 1;
      int slot = hash(source, target) & mask;
      for (int e = slots[slot] - 1; e >= 0; slot = (slot + 1) & mask, e = slots[slot] - 1) {
        if (from[e] == source && to[e] == target) {
          weight[e] += w;
          return;
        }
      }
      if (size == from.length) {
        int capacity = from.length * 2;
        from = Arrays.copyOf(from, capacity);
        to = Arrays.copyOf(to, capacity);
        weight = Arrays.copyOf(weight, capacity);
      }
      from[size] = source;
      to[size] = target;
      weight[size] = w;
      size++;
      slots[slot] = size;
      if (size * 2 > slots.length) {
        rehash();
      }
    }

    private static int hash(int source, int target) {
      int h = source * 0x9E3779B1 + target;
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      return h ^ (h >>> 13);
    }

    private void rehash() {
      int[] bigger = new int[slots.length * 2];
      int mask = bigger.length - 1;
      for (int e = 0; e < size; e++) {
        int slot = hash(from[e], to[e]) & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = e + 1;
      }
      slots = bigger;
    }
  }
}
