package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The channels of a {@link JourneySet}, interned to dense integer ids {@code 0 .. size()-1} in order of
 * first appearance.
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

  static ChannelIndex of(List<String> names) {
    return new ChannelIndex(names.toArray(new String[0]));
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

  /** All channel names, by id (order of first appearance). */
  public List<String> names() {
    return Collections.unmodifiableList(Arrays.asList(names.clone()));
  }

  @Override
  public String toString() {
    return "ChannelIndex" + Arrays.toString(names);
  }
}
