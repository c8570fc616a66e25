package org.engagement.core.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Splits an input into three partitions at random, as a distributed engine would, for the merge
 * properties of aggregates. Each partition keeps its items in their input order. Shared with other
 * modules' tests through the core test jar.
 */
public final class Partitions {
  /** How many partitions {@link MergeableLaws#check} takes besides the empty aggregate. */
  public static final int COUNT = 3;

  private Partitions() {}

  /** Each item into one of three partitions, drawn independently from {@code seed}. */
  public static <T> List<List<T>> ofItems(List<T> items, long seed) {
    Random random = new Random(seed);
    List<List<T>> parts = empty();
    for (T item : items) {
      parts.get(random.nextInt(COUNT)).add(item);
    }
    return parts;
  }

  /**
   * The items with each key into one of three partitions drawn from {@code seed}, all items of a key
   * into the same one: partitioning by customer.
   */
  public static <T> List<List<T>> byKey(List<T> items, Function<? super T, ?> key, long seed) {
    Random random = new Random(seed);
    Map<Object, Integer> partOf = new HashMap<>();
    List<List<T>> parts = empty();
    for (T item : items) {
      parts.get(partOf.computeIfAbsent(key.apply(item), k -> random.nextInt(COUNT))).add(item);
    }
    return parts;
  }

  private static <T> List<List<T>> empty() {
    List<List<T>> parts = new ArrayList<>(COUNT);
    for (int p = 0; p < COUNT; p++) {
      parts.add(new ArrayList<>());
    }
    return parts;
  }
}
