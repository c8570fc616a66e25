package org.engagement.core.domain;

import static org.engagement.core.domain.InvalidFieldException.requirePresent;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A small, immutable, typed map of extra facts about a customer or an interaction (country, plan,
 * campaign, post id).
 *
 * <p>Keys are identifiers ({@code [A-Za-z0-9_.-]}, 1 to 64 characters). Values are {@link String}
 * (at most {@value #MAX_STRING_LENGTH} characters), {@link Long}, finite {@link Double},
 * {@link Boolean} or {@link Instant}; {@code Integer} is widened to {@code Long}. Iteration follows
 * insertion order. Equal attributes have equal keys and values.
 *
 * @since 0.1.0
 */
public final class Attributes implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 65_536;

  private static final Attributes EMPTY = new Attributes(ImmutableMap.of());

  private final ImmutableMap<String, Object> values;

  private Attributes(ImmutableMap<String, Object> values) {
    this.values = values;
  }

  /** No attributes. */
  public static Attributes empty() {
    return EMPTY;
  }

  /** One attribute. */
  public static Attributes of(String key, Object value) {
    return builder().put(key, value).build();
  }

  /**
   * Copies {@code map}, validating every entry.
   *
   * @throws InvalidFieldException if a key or a value breaks the rules in the class description
   */
  public static Attributes copyOf(Map<String, ?> map) {
    Builder builder = builder();
    map.forEach(builder::put);
    return builder.build();
  }

  /** A builder for attributes. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value for {@code key}, if present. */
  public Optional<Object> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The string value for {@code key}; empty if absent or of another type. */
  public Optional<String> getString(String key) {
    return typed(key, String.class);
  }

  /** The long value for {@code key}; empty if absent or of another type. */
  public Optional<Long> getLong(String key) {
    return typed(key, Long.class);
  }

  /** The double value for {@code key}; empty if absent or of another type. */
  public Optional<Double> getDouble(String key) {
    return typed(key, Double.class);
  }

  /** The boolean value for {@code key}; empty if absent or of another type. */
  public Optional<Boolean> getBoolean(String key) {
    return typed(key, Boolean.class);
  }

  /** The instant value for {@code key}; empty if absent or of another type. */
  public Optional<Instant> getInstant(String key) {
    return typed(key, Instant.class);
  }

  private <T> Optional<T> typed(String key, Class<T> type) {
    Object value = values.get(key);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  /** The attributes as an unmodifiable map in insertion order. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** How many attributes there are. */
  public int size() {
    return values.size();
  }

  /** Whether there are no attributes. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Attributes other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /**
   * Collects attributes; the last value put for a key wins. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final ImmutableMap.Builder<String, Object> values = ImmutableMap.builder();
    private int count;

    private Builder() {}

    /**
     * Adds or replaces one attribute.
     *
     * @throws InvalidFieldException if the key or value breaks the rules of {@link Attributes}
     * @return this builder
     */
    public Builder put(String key, Object value) {
      requirePresent(key, "attribute key");
      requirePresent(value, "attribute value");
      if (!isValidKey(key)) {
        throw new InvalidFieldException(
            "attribute key", key, "must be 1 to 64 characters of letters, digits, '_', '.', '-'");
      }
      values.put(key, checkValue(key, value));
      count++;
      return this;
    }

    /** The attributes collected so far. */
    public Attributes build() {
      return count == 0 ? EMPTY : new Attributes(values.buildKeepingLast());
    }

    /** The key rule {@code [A-Za-z0-9_.-]{1,64}}, as a loop: it runs for every attribute of every row. */
    private static boolean isValidKey(String key) {
      int n = key.length();
      if (n == 0 || n > 64) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        char c = key.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '_' || c == '.' || c == '-';
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    private static Object checkValue(String key, Object value) {
      if (value instanceof Integer i) {
        return i.longValue();
      }
      if (value instanceof String s) {
        if (s.length() > MAX_STRING_LENGTH) {
          throw new InvalidFieldException(key, s, "must be at most " + MAX_STRING_LENGTH + " characters");
        }
        return s;
      }
      if (value instanceof Double d) {
        if (!Double.isFinite(d)) {
          throw new InvalidFieldException(key, d, "must be a finite number");
        }
        return d;
      }
      if (value instanceof Long || value instanceof Boolean || value instanceof Instant) {
        return value;
      }
      throw new InvalidFieldException(
          key, value.getClass().getName(), "must be a String, Long, Integer, Double, Boolean or Instant");
    }
  }
}
