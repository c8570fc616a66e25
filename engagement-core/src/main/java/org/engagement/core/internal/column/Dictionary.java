package org.engagement.core.internal.column;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The distinct values of a column in a canonical order, each with its number: a serial form writes the
 * values once and the column as numbers. The order makes the form depend only on the set of values, not
 * on the order in which an aggregate met them. Immutable and thread-safe.
 *
 * @param <T> the type of the values
 * @since 0.1.0
 */
public final class Dictionary<T> {
  private final List<T> values;
  private final Map<T, Integer> numbers;

  private Dictionary(List<T> values) {
    this.values = values;
    this.numbers = new HashMap<>(values.size() * 4 / 3 + 1);
    for (int i = 0; i < values.size(); i++) {
      numbers.put(values.get(i), i);
    }
  }

  /** The distinct {@code values}, sorted by {@code order} (which must be consistent with equals). */
  public static <T> Dictionary<T> of(Collection<? extends T> values, Comparator<? super T> order) {
    requireNonNull(values, "values");
    TreeSet<T> sorted = new TreeSet<>(order);
    sorted.addAll(values);
    return new Dictionary<>(List.copyOf(sorted));
  }

  /**
   * The number of {@code value}.
   *
   * @throws IllegalArgumentException if the dictionary does not hold it
   */
  public int numberOf(T value) {
    Integer number = numbers.get(value);
    if (number == null) {
      throw new IllegalArgumentException("not in the dictionary: " + value);
    }
    return number;
  }

  /** The values in their order, as a new array made by {@code newArray}. */
  public T[] toArray(IntFunction<T[]> newArray) {
    return values.toArray(newArray.apply(values.size()));
  }

  /** The number of distinct values. */
  public int size() {
    return values.size();
  }
}
