package org.engagement.core.internal.text;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers what a function gives for the few names a feed repeats on nearly every row (a brand, a hashtag), so that
 * judging a row's name costs a hash look-up instead of {@linkplain TextFolding#fold(CharSequence) folding} it into a
 * new string: a conversation feed names a handful of brands over millions of rows, and every aggregate folded each
 * name again (issue 16). At most {@value #CAPACITY} names are kept, the first met; any other is passed to the
 * function every time, so memory stays bounded on a feed of free-form names. The function must be pure.
 *
 * <p>Not thread-safe: one per accumulator.
 *
 * @param <V> what the function gives
 */
public final class NameMemo<V> {
  /** The most names kept. */
  public static final int CAPACITY = 256;

  private final Function<String, V> function;
  private final Map<String, V> known = new HashMap<>();

  /** A memo of {@code function}, which must be pure and never return {@code null}. */
  public NameMemo(Function<String, V> function) {
    this.function = requireNonNull(function, "function");
  }

  /** What the function gives for {@code name}. */
  public V of(String name) {
    V value = known.get(name);
    if (value == null) {
      value = requireNonNull(function.apply(name), "function value");
      if (known.size() < CAPACITY) {
        known.put(name, value);
      }
    }
    return value;
  }
}
