package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The channels of a {@link JourneySet}, interned to dense integer ids {@code 0 .. size()-1} in
 * lexicographic order of their names ({@link String#compareTo}, independent of the locale).
 *
 * <p>The order is canonical so that it never depends on the order or the partitioning of the input: a set
 * built whole and the merge of sets built per partition list their channels, and index their credits,
 * alike. Two indexes are equal when they hold the same names.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ChannelIndex {
  private final String[] names;
  private final Map<String, Integer> ids;

  private ChannelIndex(String[] names) {
    this.names = names;
    Map<String, Integer> map = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], i);
    }
    this.ids = map;
  }

  /**
   * The index of {@code names}, in any order: what a result read back from its serial form (JSON, for one) is
   * indexed by, equal to the index of the journey set it was computed on.
   *
   * @throws InvalidFieldException if a name is given twice
   */
  public static ChannelIndex of(Collection<String> names) {
    requireNonNull(names, "names");
    String[] sorted = names.toArray(new String[0]);
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      requireNonNull(sorted[i], "name");
      if (i > 0 && sorted[i].equals(sorted[i - 1])) {
        throw new InvalidFieldException("channel", sorted[i], "must be named once");
      }
    }
    return new ChannelIndex(sorted);
  }

  /** The index of {@code names}, which are distinct and sorted already. */
  static ChannelIndex ofSorted(String[] names) {
    return new ChannelIndex(names.clone());
  }

  /** How many channels there are. */
  public int size() {
    return names.length;
  }

  /**
   * The name of channel {@code id}.
   *
   * @throws IndexOutOfBoundsException if {@code id} is not in {@code 0 .. size()-1}
   */
  public String name(int id) {
    return names[id];
  }

  /** The id of the channel called {@code name}, if it is in the index. */
  public OptionalInt id(String name) {
    Integer id = ids.get(requireNonNull(name, "name"));
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** All channel names, by id (lexicographic order). */
  public List<String> names() {
    return Collections.unmodifiableList(Arrays.asList(names.clone()));
  }

  /** The names by id; the caller must not change the array. */
  String[] namesArray() {
    return names;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ChannelIndex i && Arrays.equals(names, i.names);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(names);
  }

  @Override
  public String toString() {
    return "ChannelIndex" + Arrays.toString(names);
  }
}
