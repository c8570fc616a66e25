package org.engagement.core.segment;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.function.Predicate;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * A named group of customers, defined by a predicate over their {@linkplain CustomerProfile profile}.
 *
 * <p>Segments compose: {@code highValue.and(onLinkedIn.not())} is a segment whose name says how it was
 * made ({@code "(high value AND NOT on LinkedIn)"}), so a report can always show what a segment means.
 * A profile that lacks an attribute or metric a condition needs is simply not a member.
 *
 * <p>Segments are immutable and thread-safe provided their predicates are (the built-in conditions
 * are). Two segments are equal when they have the same name and the same predicate instance.
 *
 * @since 0.1.0
 */
public final class Segment implements Predicate<CustomerProfile> {
  private static final int MAX_NAME_LENGTH = 256;
  private static final Segment EVERYONE = new Segment("everyone", profile -> true);

  private final String name;
  private final Predicate<CustomerProfile> predicate;

  private Segment(String name, Predicate<CustomerProfile> predicate) {
    this.name = name;
    this.predicate = predicate;
  }

  /**
   * A segment called {@code name} whose members satisfy {@code predicate}.
   *
   * @throws InvalidFieldException if the name is blank or longer than 256 characters
   */
  public static Segment of(String name, Predicate<CustomerProfile> predicate) {
    requireNonNull(name, "name");
    requireNonNull(predicate, "predicate");
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new InvalidFieldException("segment name", name, "must be 1 to 256 characters, not blank");
    }
    return new Segment(name, predicate);
  }

  /** The segment every customer belongs to. */
  public static Segment everyone() {
    return EVERYONE;
  }

  /** Customers whose attribute {@code key} equals {@code value} (compared with {@code equals}). */
  public static Segment attributeEquals(String key, Object value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    return of(key + " = " + value, p -> p.attributes().get(key).map(value::equals).orElse(false));
  }

  /** Customers whose metric {@code metric} is at least {@code threshold}. */
  public static Segment metricAtLeast(String metric, double threshold) {
    requireNonNull(metric, "metric");
    requireFinite("threshold", threshold);
    return of(metric + " >= " + threshold, p -> p.metric(metric).orElse(Double.NaN) >= threshold);
  }

  /** Customers whose metric {@code metric} is below {@code threshold}. */
  public static Segment metricBelow(String metric, double threshold) {
    requireNonNull(metric, "metric");
    requireFinite("threshold", threshold);
    return of(metric + " < " + threshold, p -> p.metric(metric).orElse(Double.NaN) < threshold);
  }

  private static void requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidFieldException(field, value, "must be a finite number");
    }
  }

  /** The segment's name. */
  public String name() {
    return name;
  }

  /** Whether {@code profile} belongs to this segment. */
  @Override
  public boolean test(CustomerProfile profile) {
    return predicate.test(profile);
  }

  /** Members of both this and {@code other}. */
  public Segment and(Segment other) {
    requireNonNull(other, "other");
    return new Segment("(" + name + " AND " + other.name + ")", predicate.and(other.predicate));
  }

  /** Members of this or {@code other} or both. */
  public Segment or(Segment other) {
    requireNonNull(other, "other");
    return new Segment("(" + name + " OR " + other.name + ")", predicate.or(other.predicate));
  }

  /** Everyone who is not a member of this segment. */
  public Segment not() {
    return new Segment("NOT " + name, predicate.negate());
  }

  /**
   * The same members under another name.
   *
   * @throws InvalidFieldException if the name is blank or longer than 256 characters
   */
  public Segment named(String newName) {
    return of(newName, predicate);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Segment other && name.equals(other.name) && predicate == other.predicate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, System.identityHashCode(predicate));
  }

  @Override
  public String toString() {
    return "Segment[" + name + "]";
  }
}
