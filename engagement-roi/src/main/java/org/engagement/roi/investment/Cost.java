package org.engagement.roi.investment;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Optional;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;

/**
 * Money spent on one channel in one month: a line of an {@link Investment}.
 *
 * <p>{@code owner} is whoever is responsible for the spend (a person or a team), {@link #UNASSIGNED}
 * when nobody is named; {@code segment} names the customer segment the spend was aimed at, or is
 * {@code null} when it was aimed at everyone. Immutable and thread-safe.
 *
 * @param month the calendar month the money was spent in
 * @param channel the channel name, as attribution results name it; not blank
 * @param owner the responsible person or team; not blank
 * @param segment the targeted segment, or {@code null} for all customers; not blank when given
 * @param amount the amount spent; not negative
 * @since 0.1.0
 */
public record Cost(YearMonth month, String channel, String owner, @Nullable String segment, Money amount) {
  /** The owner of costs nobody is named for. */
  public static final String UNASSIGNED = "unassigned";

  /** Validates the fields. */
  public Cost {
    requireNonNull(month, "month");
    requireNonNull(amount, "amount");
    requireText("channel", channel);
    requireText("owner", owner);
    if (segment != null) {
      requireText("segment", segment);
    }
    if (amount.isNegative()) {
      throw new InvalidFieldException("amount", amount, "must not be negative");
    }
  }

  /** A cost with no owner named, aimed at all customers. */
  public static Cost of(YearMonth month, String channel, Money amount) {
    return new Cost(month, channel, UNASSIGNED, null, amount);
  }

  /** This cost with {@code owner} responsible for it. */
  public Cost withOwner(String owner) {
    return new Cost(month, channel, owner, segment, amount);
  }

  /** This cost aimed at {@code segment}. */
  public Cost withSegment(String segment) {
    return new Cost(month, channel, owner, requireNonNull(segment, "segment"), amount);
  }

  /** This cost with another amount. */
  public Cost withAmount(Money amount) {
    return new Cost(month, channel, owner, segment, amount);
  }

  /** The targeted segment, empty when the spend was aimed at everyone. */
  public Optional<String> targetSegment() {
    return Optional.ofNullable(segment);
  }

  static void requireText(String field, @Nullable String value) {
    requireNonNull(value, field);
    if (value.isBlank()) {
      throw new InvalidFieldException(field, value, "must not be blank");
    }
  }
}
