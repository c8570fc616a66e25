package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * A model's parameters as text keys and values (as they come from configuration or a command line), with
 * typed, validated access. A model factory reads what it understands and calls {@link #requireOnly(Set)}
 * so that a misspelled key is an error rather than silently ignored.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ModelParameters {
  private static final ModelParameters NONE = new ModelParameters(Map.of());

  private final Map<String, String> values;

  private ModelParameters(Map<String, String> values) {
    this.values = values;
  }

  /** No parameters: every model's defaults. */
  public static ModelParameters none() {
    return NONE;
  }

  /**
   * The parameters {@code values} (insertion order kept).
   *
   * @throws InvalidFieldException if a key is blank
   */
  public static ModelParameters of(Map<String, String> values) {
    requireNonNull(values, "values");
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      requireNonNull(k, "key");
      requireNonNull(v, k);
      if (k.isBlank()) {
        throw new InvalidFieldException("parameter name", k, "must not be blank");
      }
      copy.put(k, v);
    });
    return new ModelParameters(Collections.unmodifiableMap(copy));
  }

  /** All parameters as given. */
  public Map<String, String> asMap() {
    return values;
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The text of parameter {@code key}, or {@code fallback}. */
  public String text(String key, String fallback) {
    return values.getOrDefault(requireNonNull(key, "key"), fallback);
  }

  /**
   * Parameter {@code key} as a finite number, or {@code fallback} when absent.
   *
   * @throws InvalidFieldException naming the key if the text is not a finite decimal number
   */
  public double number(String key, double fallback) {
    String text = values.get(requireNonNull(key, "key"));
    if (text == null) {
      return fallback;
    }
    double number;
    try {
      number = new BigDecimal(text.strip()).doubleValue();
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(key, text, "must be a decimal number such as 0.4");
    }
    if (!Double.isFinite(number)) {
      throw new InvalidFieldException(key, text, "must be a finite number");
    }
    return number;
  }

  /**
   * Checks that every key is one of {@code known}.
   *
   * @throws InvalidFieldException naming the first unknown key and listing the known ones
   */
  public void requireOnly(Set<String> known) {
    requireNonNull(known, "known");
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidFieldException("parameter", key,
            known.isEmpty() ? "is not accepted: the model takes no parameters"
                : "is not a parameter of this model; known: " + new TreeSet<>(known));
      }
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ModelParameters && values.equals(((ModelParameters) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
