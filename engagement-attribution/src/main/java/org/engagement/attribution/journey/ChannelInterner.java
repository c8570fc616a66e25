package org.engagement.attribution.journey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns channel names to provisional ids while journeys are collected (order of first appearance, so
 * that adding is one hash look-up), then gives the canonical ids: the ranks of the names in lexicographic
 * order, which do not depend on the order or partitioning of the input. Not thread-safe.
 */
final class ChannelInterner {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  /** The provisional id of {@code name}, if it was interned already; -1 if not. */
  int find(String name) {
    Integer id = ids.get(name);
    return id == null ? -1 : id;
  }

  /** The provisional id of {@code name}, interning it if it is new. */
  int intern(String name) {
    int id = find(name);
    if (id >= 0) {
      return id;
    }
    int next = names.size();
    ids.put(name, next);
    names.add(name);
    return next;
  }

  /** The number of names interned. */
  int size() {
    return names.size();
  }

  /** The name of provisional id {@code id}. */
  String name(int id) {
    return names.get(id);
  }

  /** The interned names in canonical (lexicographic) order. */
  String[] sortedNames() {
    String[] sorted = names.toArray(new String[0]);
    Arrays.sort(sorted);
    return sorted;
  }

  /** For each provisional id, the canonical id: the position of its name in {@code sorted}. */
  int[] canonicalIds(String[] sorted) {
    int[] map = new int[names.size()];
    for (int i = 0; i < map.length; i++) {
      map[i] = Arrays.binarySearch(sorted, names.get(i));
    }
    return map;
  }
}
