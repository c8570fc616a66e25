package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Journeys grouped by distinct path: the compact form every attribution model works on.
 *
 * <p>Channels are interned to integer ids ({@link #channels()}) in lexicographic order of their names.
 * Each distinct path (a non-empty sequence of channel ids, repeats kept) appears once, with the number of
 * journeys on it that converted, their total conversion value, and the number that did not convert. Paths
 * are in lexicographic order of their channel ids (a path before its extensions). Counts are
 * {@code double}s so that weighted or fractional journeys can be represented (ChannelAttribution
 * truncates them to integers; this set does not).
 *
 * <p>Both orders are canonical: they depend only on the content, never on the order in which journeys
 * were added or on how the input was partitioned, so a set built whole {@linkplain #equals equals} the
 * merge of sets built per partition, and every output (channel ids, credits, written path files) is the
 * same either way.
 *
 * <p>Positions of touches are exposed as flat indices: the touches of path {@code p} are
 * {@code channelAt(start(p)) .. channelAt(end(p) - 1)}. Models iterate over these without allocating.
 *
 * <p>Sets are built with {@link #builder()}, read with {@link PathFormat}, made from interactions with
 * {@link JourneyRules#journeys} and {@link Journeys#toJourneySet()}, and combined with
 * {@link #merge(JourneySet)} (see there). They serialise compactly (channel names and primitive columns,
 * or the timed journeys they were grouped from). Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JourneySet implements Mergeable<JourneySet> {
  private static final long serialVersionUID = 1L;
  private static final JourneySet EMPTY = builder().build();

  private final ChannelIndex channels;
  private final int[] offsets;
  private final int[] touches;
  private final double[] conversions;
  private final double[] values;
  private final double[] nulls;
  private final double totalConversions;
  private final double totalValue;
  private final double totalNulls;
  private final @Nullable Journeys timed;
  private final SetAside setAside;

  private JourneySet(ChannelIndex channels, int[] offsets, int[] touches, double[] conversions,
      double[] values, double[] nulls, @Nullable Journeys timed, SetAside setAside) {
    this.timed = timed;
    this.setAside = setAside;
    this.channels = channels;
    this.offsets = offsets;
    this.touches = touches;
    this.conversions = conversions;
    this.values = values;
    this.nulls = nulls;
    double c = 0;
    double v = 0;
    double n = 0;
    for (int p = 0; p < conversions.length; p++) {
      c += conversions[p];
      v += values[p];
      n += nulls[p];
    }
    this.totalConversions = c;
    this.totalValue = v;
    this.totalNulls = n;
  }

  /**
   * The set with no paths and no timed journeys: the identity of {@link #merge(JourneySet)} for every
   * set, path-only or timed.
   */
  public static JourneySet empty() {
    return EMPTY;
  }

  /** A builder for a new, empty set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The channels, interned in lexicographic order of their names. */
  public ChannelIndex channels() {
    return channels;
  }

  /** How many distinct paths there are; path ids are {@code 0 .. pathCount()-1} in canonical order. */
  public int pathCount() {
    return conversions.length;
  }

  /** The flat index of the first touch of path {@code path}. */
  public int start(int path) {
    return offsets[path];
  }

  /** The flat index one past the last touch of path {@code path}. */
  public int end(int path) {
    return offsets[path + 1];
  }

  /** The number of touches of path {@code path} (at least 1). */
  public int length(int path) {
    return offsets[path + 1] - offsets[path];
  }

  /** The channel id at flat touch index {@code position}. */
  public int channelAt(int position) {
    return touches[position];
  }

  /** A copy of the channel ids of path {@code path}. */
  public int[] path(int path) {
    return Arrays.copyOfRange(touches, offsets[path], offsets[path + 1]);
  }

  /** The channel names of path {@code path}. */
  public List<String> pathNames(int path) {
    List<String> names = new ArrayList<>(length(path));
    for (int i = offsets[path]; i < offsets[path + 1]; i++) {
      names.add(channels.name(touches[i]));
    }
    return names;
  }

  /** The (possibly fractional) number of converting journeys on path {@code path}. */
  public double conversions(int path) {
    return conversions[path];
  }

  /** The total conversion value of the journeys on path {@code path}. */
  public double value(int path) {
    return values[path];
  }

  /** The (possibly fractional) number of journeys on path {@code path} that did not convert. */
  public double nulls(int path) {
    return nulls[path];
  }

  /**
   * The individual journeys with touch times this set was grouped from, when it was made by
   * {@link Journeys#toJourneySet()} (or merged from two such sets); empty for sets read from paths, built
   * by hand, or merged with such a set. Time-aware models need them. They take part in
   * {@linkplain #equals equality} and in the serialised form.
   */
  public Optional<Journeys> timed() {
    return Optional.ofNullable(timed);
  }

  /**
   * The interactions left out of every journey when the journeys were cut from interactions, by reason:
   * those of the {@linkplain #timed() timed journeys}, plus whatever a builder was told
   * ({@link Builder#setAside(SetAside)}); added up when sets merge. None for a set read from paths.
   */
  public SetAside setAside() {
    return setAside;
  }

  /**
   * What was left out on the way to this set, in sentences, for a result or a page to show: the
   * {@linkplain SetAside#notes() notes} of {@link #setAside()} and, for a set grouped from timed journeys,
   * their {@linkplain Journeys#untouchedConversions() conversions without a touch}. Empty when nothing was.
   */
  public List<String> notes() {
    if (timed != null) {
      return timed.notes();
    }
    return setAside.notes();
  }

  /** The sum of conversions over all paths. */
  public double totalConversions() {
    return totalConversions;
  }

  /** The sum of conversion value over all paths. */
  public double totalValue() {
    return totalValue;
  }

  /** The sum of non-conversions over all paths. */
  public double totalNulls() {
    return totalNulls;
  }

  /** The total number of touches over the distinct paths (each distinct path counted once). */
  public int touchCount() {
    return touches.length;
  }

  /**
   * The same channels and paths with other counts: a resample for a bootstrap, or a weighting. The result has
   * paths only ({@link #timed()} is empty) and keeps the counts set aside; a path may be left with no
   * journeys, and is then ignored by every model as an absent one would be.
   *
   * @param conversions converting journeys per path id, finite, not negative
   * @param values conversion value per path id, finite, not negative
   * @param nulls non-converting journeys per path id, finite, not negative
   * @throws InvalidFieldException if an array does not have one entry per path or an entry breaks its rule
   */
  public JourneySet withCounts(double[] conversions, double[] values, double[] nulls) {
    double[] c = counts("conversions", conversions);
    double[] v = counts("values", values);
    double[] n = counts("nulls", nulls);
    return new JourneySet(channels, offsets, touches, c, v, n, null, setAside);
  }

  /**
   * Whether {@code other} has the same channels and the same paths in the same order, whatever their counts: true
   * for the sets {@link #withCounts} makes of this one (at no cost: they share the paths). A host that groups the
   * paths once for several such sets checks it.
   */
  @SuppressWarnings("ReferenceEquality") // the very arrays withCounts shares; other sets are compared by content
  public boolean samePaths(JourneySet other) {
    requireNonNull(other, "other");
    if (offsets == other.offsets && touches == other.touches && channels == other.channels) {
      return true;
    }
    return channels.equals(other.channels) && Arrays.equals(offsets, other.offsets)
        && Arrays.equals(touches, other.touches);
  }

  private double[] counts(String field, double[] counts) {
    requireNonNull(counts, field);
    if (counts.length != pathCount()) {
      throw new InvalidFieldException(field, counts.length, "must have one entry per path (" + pathCount() + ")");
    }
    for (double count : counts) {
      if (!(count >= 0) || !Double.isFinite(count)) {
        throw new InvalidFieldException(field, count, "must hold finite counts that are not negative");
      }
    }
    return counts.clone();
  }

  /**
   * The id of each journey's path in this set, journey by journey, on the timed journeys this set was grouped
   * from: for hosts that work per journey and per path at once (a bootstrap by customer, a held-out validation
   * that splits the journeys by customer and scores them by path). One pass over the touches with no object per
   * journey; computed on each call and not kept.
   *
   * @throws IllegalStateException if a journey's path is not in the set (the set was not grouped from them)
   */
  public int[] pathsOf(Journeys journeys) {
    requireNonNull(journeys, "journeys");
    int[] toSet = new int[journeys.channels().size()];
    for (int c = 0; c < toSet.length; c++) {
      toSet[c] = channels.id(journeys.channels().name(c)).orElse(-1);
    }
    int[] slots = new int[Integer.highestOneBit(Math.max(1, pathCount()) * 2) * 2];
    int mask = slots.length - 1;
    for (int p = 0; p < pathCount(); p++) {
      int slot = Builder.hash(touches, offsets[p], offsets[p + 1]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = p + 1;
    }
    int[] pathOf = new int[journeys.size()];
    int[] ids = new int[16];
    for (int j = 0; j < pathOf.length; j++) {
      int length = journeys.end(j) - journeys.start(j);
      if (ids.length < length) {
        ids = new int[Math.max(length, ids.length * 2)];
      }
      for (int i = 0; i < length; i++) {
        ids[i] = toSet[journeys.channelAt(journeys.start(j) + i)];
      }
      pathOf[j] = find(slots, ids, length);
    }
    return pathOf;
  }

  private int find(int[] slots, int[] ids, int length) {
    int mask = slots.length - 1;
    for (int slot = Builder.hash(ids, 0, length) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int p = slots[slot] - 1;
      if (Arrays.equals(touches, offsets[p], offsets[p + 1], ids, 0, length)) {
        return p;
      }
    }
    throw new IllegalStateException("a journey's path is not among the set's paths: the set was not grouped"
        + " from these journeys");
  }

  /**
   * The set grouped from {@code sample}, a resample of this set's timed journeys, given its counts per path of
   * this set: the paths with a journey drawn and the channels they touch, in canonical order (the order of this
   * set's, both being subsets of it), as {@link Journeys#toJourneySet()} would group them.
   */
  JourneySet drawn(Journeys sample, double[] drawnConversions, double[] drawnValues, double[] drawnNulls) {
    int[] channelIds = new int[channels.size()];
    int kept = 0;
    int keptTouches = 0;
    for (int p = 0; p < pathCount(); p++) {
      if (drawnConversions[p] > 0 || drawnNulls[p] > 0) {
        kept++;
        keptTouches += length(p);
        for (int i = offsets[p]; i < offsets[p + 1]; i++) {
          channelIds[touches[i]] = 1;
        }
      }
    }
    List<String> names = new ArrayList<>(channels.size());
    for (int c = 0; c < channelIds.length; c++) {
      channelIds[c] = channelIds[c] == 1 ? names.size() : -1;
      if (channelIds[c] >= 0) {
        names.add(channels.name(c));
      }
    }
    SetAside aside = sample.setAside().plus(SetAside.none());
    if (kept == pathCount() && names.size() == channels.size()) {
      return new JourneySet(channels, offsets, touches, drawnConversions, drawnValues, drawnNulls, sample, aside);
    }
    int[] outOffsets = new int[kept + 1];
    int[] outTouches = new int[keptTouches];
    double[] conv = new double[kept];
    double[] value = new double[kept];
    double[] nullCounts = new double[kept];
    int k = 0;
    for (int p = 0; p < pathCount(); p++) {
      if (drawnConversions[p] > 0 || drawnNulls[p] > 0) {
        for (int i = offsets[p]; i < offsets[p + 1]; i++) {
          outTouches[outOffsets[k] + i - offsets[p]] = channelIds[touches[i]];
        }
        outOffsets[k + 1] = outOffsets[k] + length(p);
        conv[k] = drawnConversions[p];
        value[k] = drawnValues[p];
        nullCounts[k] = drawnNulls[p];
        k++;
      }
    }
    return new JourneySet(ChannelIndex.ofSorted(names.toArray(new String[0])), outOffsets, outTouches, conv, value,
        nullCounts, sample, aside);
  }

  /**
   * The union of this set and {@code other}; neither changes.
   *
   * <ul>
   *   <li>If both carry {@linkplain #timed() timed journeys}, the result is grouped from the merge of
   *       both sets' journeys ({@link Journeys#merge(Journeys)}) and carries it: built per partition with
   *       the same {@link JourneyRules} (and an explicit as-of), customers whole in one partition, the
   *       merge equals the set built whole, bit for bit.
   *   <li>Otherwise counts of equal paths add and the result has paths only: time-aware models cannot
   *       run on it. Counts and values add in double precision, so merging in different trees gives equal
   *       sets when the sums are exact (whole counts, values in binary fractions such as quarters) and
   *       can differ in the last bit otherwise.
   *   <li>{@link #empty()} is the identity: merging it returns the other operand.
   *   <li>The {@linkplain #setAside() counts set aside} add, whichever case applies.
   * </ul>
   *
   * @throws InvalidFieldException if both carry timed journeys with values in different currencies, or
   *     built with different explicit as-of instants (an IllegalArgumentException naming the setting)
   */
  @Override
  public JourneySet merge(JourneySet other) {
    requireNonNull(other, "other");
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    if (timed != null && other.timed != null) {
      return timed.merge(other.timed).toJourneySet();
    }
    return builder().addAll(this).addAll(other).build();
  }

  private boolean isEmpty() {
    return timed == null && conversions.length == 0 && setAside.isEmpty();
  }

  /**
   * Whether {@code o} is a journey set with the same channels, the same paths with the same counts
   * (compared exactly), equal timed journeys (both absent, or equal) and the same counts set aside. A
   * path-only set never equals a timed one, even with the same counts.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JourneySet s)) {
      return false;
    }
    return channels.equals(s.channels) && Arrays.equals(offsets, s.offsets) && Arrays.equals(touches, s.touches)
        && Arrays.equals(conversions, s.conversions) && Arrays.equals(values, s.values)
        && Arrays.equals(nulls, s.nulls) && Objects.equals(timed, s.timed) && setAside.equals(s.setAside);
  }

  @Override
  public int hashCode() {
    int h = channels.hashCode();
    h = 31 * h + Arrays.hashCode(touches);
    h = 31 * h + Arrays.hashCode(conversions);
    h = 31 * h + Arrays.hashCode(values);
    h = 31 * h + Arrays.hashCode(nulls);
    h = 31 * h + setAside.hashCode();
    return 31 * h + Objects.hashCode(timed);
  }

  @Override
  public String toString() {
    return "JourneySet[" + channels.size() + " channels, " + pathCount() + " paths, conversions "
        + totalConversions + ", value " + totalValue + ", nulls " + totalNulls + "]";
  }

  /** Serialised through {@link SerializedForm}. */
  private Object writeReplace() {
    return new SerializedForm(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a JourneySet is serialised through its serialized form");
  }

  /**
   * Collects journeys, grouping equal paths; {@link #build()} puts channels and paths in canonical order.
   * Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final ChannelInterner channels = new ChannelInterner();
    /** Open addressing over the paths added: path id + 1, 0 for a free slot; never more than half full. */
    private int[] slots = new int[32];
    private int[] hashes = new int[16];
    private int[] touches = new int[64];
    private int touchCount;
    private int[] offsets = new int[17];
    private double[] conversions = new double[16];
    private double[] values = new double[16];
    private double[] nulls = new double[16];
    private int pathCount;
    private SetAside setAside = SetAside.none();

    private Builder() {}

    /**
     * Adds journeys on the path {@code path} (channel names in touch order).
     *
     * @param path the channels touched, in order; at least one
     * @param conversions how many journeys on the path converted: finite, not negative
     * @param value their total conversion value: finite, not negative
     * @param nulls how many journeys on the path did not convert: finite, not negative
     * @return this builder
     * @throws InvalidFieldException if a channel name or a count breaks its rule
     */
    public Builder add(List<String> path, double conversions, double value, double nulls) {
      requireNonNull(path, "path");
      if (path.isEmpty()) {
        throw new InvalidFieldException("path", "", "must name at least one channel");
      }
      requireCount("total_conversions", conversions);
      requireCount("total_conversion_value", value);
      requireCount("total_null", nulls);
      int[] ids = new int[path.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = intern(path.get(i));
      }
      addIds(ids, ids.length, conversions, value, nulls);
      return this;
    }

    /**
     * The builder's own id of channel {@code name}, interning it if it is new: for readers that map their
     * own channel keys to ids once and then add paths with {@link #addInterned}.
     *
     * @throws InvalidFieldException if the name breaks a rule of channel names
     */
    int internChannel(String name) {
      return intern(name);
    }

    /**
     * Adds journeys on the path of the first {@code length} ids of {@code ids}, which {@link #internChannel}
     * gave; the array is not kept.
     *
     * @throws InvalidFieldException if a count breaks its rule
     */
    void addInterned(int[] ids, int length, double conversions, double value, double nulls) {
      if (length < 1) {
        throw new InvalidFieldException("path", "", "must name at least one channel");
      }
      requireCount("total_conversions", conversions);
      requireCount("total_conversion_value", value);
      requireCount("total_null", nulls);
      addIds(ids, length, conversions, value, nulls);
    }

    /**
     * Counts {@code more} interactions as left out of the journeys (for a host that cuts journeys itself
     * and wants the set to say what it dropped); counts add up.
     *
     * @return this builder
     * @throws ArithmeticException if a count overflows a {@code long}
     */
    public Builder setAside(SetAside more) {
      setAside = setAside.plus(requireNonNull(more, "more"));
      return this;
    }

    /**
     * Adds every path of {@code set} with its counts, re-interning its channels, and its
     * {@linkplain JourneySet#setAside() counts set aside}.
     *
     * @return this builder
     */
    public Builder addAll(JourneySet set) {
      requireNonNull(set, "set");
      setAside(set.setAside);
      int[] map = new int[set.channels.size()];
      for (int c = 0; c < map.length; c++) {
        map[c] = channels.intern(set.channels.name(c));
      }
      int[] ids = new int[16];
      for (int p = 0; p < set.pathCount(); p++) {
        int length = set.length(p);
        if (length > ids.length) {
          ids = new int[Math.max(length, ids.length * 2)];
        }
        for (int i = 0; i < length; i++) {
          ids[i] = map[set.touches[set.offsets[p] + i]];
        }
        addIds(ids, length, set.conversions[p], set.values[p], set.nulls[p]);
      }
      return this;
    }

    /**
     * Adds the paths of {@code other} in the order it holds them, with their counts, re-interning its
     * channels, and its counts set aside: as if what was added to {@code other} had been added here. The sums
     * are the same bit for bit as adding the same rows here one by one when no path was added to
     * {@code other} more than once (each count is then added here once, as it would have been).
     */
    void addAllOf(Builder other) {
      setAside(other.setAside);
      int[] map = new int[other.channels.size()];
      for (int c = 0; c < map.length; c++) {
        map[c] = channels.intern(other.channels.name(c));
      }
      int[] ids = new int[16];
      for (int p = 0; p < other.pathCount; p++) {
        int from = other.offsets[p];
        int length = other.offsets[p + 1] - from;
        if (length > ids.length) {
          ids = new int[Math.max(length, ids.length * 2)];
        }
        for (int i = 0; i < length; i++) {
          ids[i] = map[other.touches[from + i]];
        }
        addIds(ids, length, other.conversions[p], other.values[p], other.nulls[p]);
      }
    }

    /** The number of distinct paths added so far. */
    int pathCount() {
      return pathCount;
    }

    /** The immutable set of everything added so far, in canonical order; the builder stays usable. */
    public JourneySet build() {
      return build(null);
    }

    JourneySet build(@Nullable Journeys source) {
      String[] names = channels.sortedNames();
      int[] canonical = channels.canonicalIds(names);
      int[] mapped = new int[touchCount];
      for (int i = 0; i < touchCount; i++) {
        mapped[i] = canonical[touches[i]];
      }
      int[] order = PathOrder.sorted(mapped, offsets, pathCount);
      int[] outOffsets = new int[pathCount + 1];
      int[] outTouches = new int[touchCount];
      double[] outConversions = new double[pathCount];
      double[] outValues = new double[pathCount];
      double[] outNulls = new double[pathCount];
      for (int k = 0; k < pathCount; k++) {
        int p = order[k];
        int length = offsets[p + 1] - offsets[p];
        System.arraycopy(mapped, offsets[p], outTouches, outOffsets[k], length);
        outOffsets[k + 1] = outOffsets[k] + length;
        outConversions[k] = conversions[p];
        outValues[k] = values[p];
        outNulls[k] = nulls[p];
      }
      SetAside aside = source == null ? setAside : source.setAside().plus(setAside);
      return new JourneySet(ChannelIndex.ofSorted(names), outOffsets, outTouches, outConversions, outValues,
          outNulls, source, aside);
    }

    private void addIds(int[] ids, int length, double conv, double value, double nullCount) {
      int hash = hash(ids, 0, length);
      int mask = slots.length - 1;
      int slot = hash & mask;
      for (int id = slots[slot] - 1; id >= 0; slot = (slot + 1) & mask, id = slots[slot] - 1) {
        if (hashes[id] == hash && Arrays.equals(touches, offsets[id], offsets[id + 1], ids, 0, length)) {
          conversions[id] += conv;
          values[id] += value;
          nulls[id] += nullCount;
          return;
        }
      }
      if (pathCount == conversions.length) {
        int capacity = conversions.length * 2;
        conversions = Arrays.copyOf(conversions, capacity);
        values = Arrays.copyOf(values, capacity);
        nulls = Arrays.copyOf(nulls, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        offsets = Arrays.copyOf(offsets, capacity + 1);
      }
      if (touchCount + length > touches.length) {
        touches = Arrays.copyOf(touches, Math.max(touches.length * 2, touchCount + length));
      }
      System.arraycopy(ids, 0, touches, touchCount, length);
      touchCount += length;
      // Adding 0.0 turns a -0.0 into 0.0, so that equal counts compare equal bit for bit.
      conversions[pathCount] = conv + 0.0;
      values[pathCount] = value + 0.0;
      nulls[pathCount] = nullCount + 0.0;
      hashes[pathCount] = hash;
      slots[slot] = pathCount + 1;
      pathCount++;
      offsets[pathCount] = touchCount;
      if (pathCount * 2 > slots.length) {
        rehash();
      }
    }

    private void rehash() {
      int[] bigger = new int[slots.length * 2];
      int mask = bigger.length - 1;
      for (int p = 0; p < pathCount; p++) {
        int slot = hashes[p] & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = p + 1;
      }
      slots = bigger;
    }

    /** A well-mixed hash of {@code ids[from .. to)}. */
    static int hash(int[] ids, int from, int to) {
      int h = 1;
      for (int i = from; i < to; i++) {
        h = 31 * h + ids[i];
      }
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      return h ^ (h >>> 13);
    }

    private int intern(String name) {
      int id = channels.find(requireNonNull(name, "channel"));
      if (id >= 0) {
        return id;
      }
      requireChannelName(name);
      return channels.intern(name);
    }

    private static void requireChannelName(String name) {
      if (name.isBlank()) {
        throw new InvalidFieldException("channel", name, "must not be blank");
      }
      if (!name.strip().equals(name)) {
        throw new InvalidFieldException("channel", name, "must not start or end with white space");
      }
      for (int i = 0; i < name.length(); i++) {
        char ch = name.charAt(i);
        if (ch == '>') {
          throw new InvalidFieldException("channel", name, "must not contain '>' (the path separator)");
        }
        if (Character.isISOControl(ch)) {
          throw new InvalidFieldException("channel", name, "must not contain control characters");
        }
      }
    }

    private static void requireCount(String field, double count) {
      if (!Double.isFinite(count)) {
        throw new InvalidFieldException(field, count, "must be a finite number");
      }
      if (count < 0) {
        throw new InvalidFieldException(field, count, "must not be negative");
      }
    }
  }

  /**
   * The serialised form: the timed journeys when the set has them (the paths are grouped from them again
   * on reading), otherwise the channel names and the primitive path columns. Reading rebuilds the set
   * through the builder, so a stream that breaks a rule is refused.
   */
  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private final @Nullable Journeys timed;
    private final String[] channels;
    private final int[] offsets;
    private final int[] touches;
    private final double[] conversions;
    private final double[] values;
    private final double[] nulls;
    // Absent (null) in a stream written before sets counted what was set aside.
    private final @Nullable SetAside setAside;

    SerializedForm(JourneySet set) {
      this.timed = set.timed;
      this.setAside = set.timed == null ? set.setAside : null;
      boolean columns = set.timed == null;
      this.channels = columns ? set.channels.namesArray() : new String[0];
      this.offsets = columns ? set.offsets : new int[] {0};
      this.touches = columns ? set.touches : new int[0];
      this.conversions = columns ? set.conversions : new double[0];
      this.values = columns ? set.values : new double[0];
      this.nulls = columns ? set.nulls : new double[0];
    }

    private Object readResolve() throws ObjectStreamException {
      if (timed != null) {
        return timed.toJourneySet();
      }
      try {
        return rebuild();
      } catch (IllegalArgumentException | IndexOutOfBoundsException | NullPointerException e) {
        InvalidObjectException invalid = new InvalidObjectException("journey set breaks a rule: " + e.getMessage());
        invalid.initCause(e);
        throw invalid;
      }
    }

    private JourneySet rebuild() throws InvalidObjectException {
      int paths = conversions.length;
      if (values.length != paths || nulls.length != paths || offsets.length != paths + 1 || offsets[0] != 0
          || offsets[paths] != touches.length) {
        throw new InvalidObjectException("journey set columns of inconsistent lengths");
      }
      Builder builder = builder();
      if (setAside != null) {
        builder.setAside(setAside);
      }
      List<String> path = new ArrayList<>();
      for (int p = 0; p < paths; p++) {
        path.clear();
        for (int i = offsets[p]; i < offsets[p + 1]; i++) {
          path.add(channels[touches[i]]);
        }
        builder.add(path, conversions[p], values[p], nulls[p]);
      }
      return builder.build();
    }
  }
}
