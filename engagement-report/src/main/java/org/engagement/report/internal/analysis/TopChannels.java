package org.engagement.report.internal.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Which channels a section shows one by one: all of them up to {@value #SHOWN}, otherwise the {@value
 * #SHOWN} that weigh most, the rest grouped into one row. Charts and matrices over every channel grow with
 * the square of the channel count (1,000 channels made a 179 MB page), so the page stays bounded whatever
 * the input. Stateless.
 */
public final class TopChannels {
  /** The most channels a section shows one by one. */
  public static final int SHOWN = 20;

  private TopChannels() {}

  /**
   * The keys to show one by one: every key if there are at most {@value #SHOWN}, otherwise the {@value
   * #SHOWN} with the largest {@code weight} (on a tie, the earlier), in their order in {@code keys}.
   */
  public static <K> List<K> shown(List<K> keys, ToDoubleFunction<K> weight) {
    if (keys.size() <= SHOWN) {
      return List.copyOf(keys);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      order.add(i);
    }
    double[] weights = keys.stream().mapToDouble(weight).toArray();
    order.sort(Comparator.<Integer>comparingDouble(i -> -weights[i]).thenComparingInt(i -> i));
    Set<Integer> top = new HashSet<>(order.subList(0, SHOWN));
    List<K> shown = new ArrayList<>(SHOWN);
    for (int i = 0; i < keys.size(); i++) {
      if (top.contains(i)) {
        shown.add(keys.get(i));
      }
    }
    return shown;
  }

  /** The label of the row that groups {@code count} channels not shown one by one. */
  public static String others(int count) {
    return "other channels (" + count + ")";
  }
}
