package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Journeys grouped by distinct path: the compact form every attribution model works on.
 *
 * <p>Channels are interned to integer ids ({@link #channels()}). Each distinct path (a non-empty sequence
 * of channel ids, repeats kept) appears once, in order of first appearance, with the number of journeys on
 * it that converted, their total conversion value, and the number that did not convert. Counts are
 * {@code double}s so that weighted or fractional journeys can be represented (ChannelAttribution truncates
 * them to integers; this set does not).
 *
 * <p>Positions of touches are exposed as flat indices: the touches of path {@code p} are
 * {@code channelAt(start(p)) .. channelAt(end(p) - 1)}. Models iterate over these without allocating.
 *
 * <p>Sets are built with {@link #builder()}, read with {@link PathFormat}, or combined with
 * {@link #merge(JourneySet)}: counts of equal paths add, so sets computed per partition can be merged.
 * Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JourneySet {
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

  private JourneySet(ChannelIndex channels, int[] offsets, int[] touches, double[] conversions,
      double[] values, double[] nulls, @Nullable Journeys timed) {
    this.timed = timed;
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

  /** A builder for a new, empty set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The channels, interned in order of first appearance. */
  public ChannelIndex channels() {
    return channels;
  }

  /** How many distinct paths there are. */
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
   * {@link Journeys#toJourneySet()} (or merged from two such sets); empty for sets read from paths or
   * built by hand. Time-aware models need them.
   */
  public Optional<Journeys> timed() {
    return Optional.ofNullable(timed);
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
   * The union of this set and {@code other}: counts of equal paths (by channel names) add; channels are
   * re-interned, this set's first, then the new ones of {@code other}. If both sets carry
   * {@linkplain #timed() timed journeys}, the merged set carries both sets' journeys.
   *
   * @throws InvalidFieldException if both carry timed journeys with values in different currencies
   */
  public JourneySet merge(JourneySet other) {
    requireNonNull(other, "other");
    if (timed != null && other.timed != null) {
      return timed.concat(other.timed).toJourneySet();
    }
    Builder builder = builder();
    builder.addAll(this);
    builder.addAll(other);
    return builder.build();
  }

  @Override
  public String toString() {
    return "JourneySet[" + channels.size() + " channels, " + pathCount() + " paths, conversions "
        + totalConversions + ", value " + totalValue + ", nulls " + totalNulls + "]";
  }

  /**
   * Collects journeys, grouping equal paths. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, Integer> channelIds = new HashMap<>();
    private final List<String> channelNames = new ArrayList<>();
    private final Map<PathKey, Integer> pathIds = new HashMap<>();
    private int[] touches = new int[64];
    private int touchCount;
    private int[] offsets = new int[17];
    private double[] conversions = new double[16];
    private double[] values = new double[16];
    private double[] nulls = new double[16];
    private int pathCount;

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
      addIds(ids, conversions, value, nulls);
      return this;
    }

    /**
     * Adds every path of {@code set} with its counts, re-interning its channels.
     *
     * @return this builder
     */
    public Builder addAll(JourneySet set) {
      requireNonNull(set, "set");
      int[] map = new int[set.channels.size()];
      for (int c = 0; c < map.length; c++) {
        map[c] = intern(set.channels.name(c));
      }
      for (int p = 0; p < set.pathCount(); p++) {
        int[] ids = new int[set.length(p)];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = map[set.touches[set.offsets[p] + i]];
        }
        addIds(ids, set.conversions[p], set.values[p], set.nulls[p]);
      }
      return this;
    }

    /** The immutable set of everything added so far; the builder stays usable. */
    public JourneySet build() {
      return build(null);
    }

    JourneySet build(@Nullable Journeys source) {
      return new JourneySet(ChannelIndex.of(channelNames), Arrays.copyOf(offsets, pathCount + 1),
          Arrays.copyOf(touches, touchCount), Arrays.copyOf(conversions, pathCount),
          Arrays.copyOf(values, pathCount), Arrays.copyOf(nulls, pathCount), source);
    }

    private void addIds(int[] ids, double conv, double value, double nullCount) {
      PathKey key = new PathKey(ids);
      Integer existing = pathIds.get(key);
      if (existing != null) {
        conversions[existing] += conv;
        values[existing] += value;
        nulls[existing] += nullCount;
        return;
      }
      if (pathCount == conversions.length) {
        int capacity = conversions.length * 2;
        conversions = Arrays.copyOf(conversions, capacity);
        values = Arrays.copyOf(values, capacity);
        nulls = Arrays.copyOf(nulls, capacity);
        offsets = Arrays.copyOf(offsets, capacity + 1);
      }
      if (touchCount + ids.length > touches.length) {
        touches = Arrays.copyOf(touches, Math.max(touches.length * 2, touchCount + ids.length));
      }
      System.arraycopy(ids, 0, touches, touchCount, ids.length);
      touchCount += ids.length;
      conversions[pathCount] = conv;
      values[pathCount] = value;
      nulls[pathCount] = nullCount;
      pathIds.put(key, pathCount);
      pathCount++;
      offsets[pathCount] = touchCount;
    }

    private int intern(String name) {
      Integer id = channelIds.get(requireNonNull(name, "channel"));
      if (id != null) {
        return id;
      }
      requireChannelName(name);
      int next = channelNames.size();
      channelIds.put(name, next);
      channelNames.add(name);
      return next;
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

  /** A path as a hash key. */
  private static final class PathKey {
    private final int[] ids;
    private final int hash;

    PathKey(int[] ids) {
      this.ids = ids;
      this.hash = Arrays.hashCode(ids);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof PathKey && Arrays.equals(ids, ((PathKey) o).ids);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
