package org.engagement.core.domain;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A value that breaks a rule of the domain model: thrown on construction of a model value, and turned
 * into a rejection (with the same field, value and rule) when it happens during an import.
 *
 * <p>It is an {@link IllegalArgumentException}, so callers that only care that an argument was bad
 * can catch that. One rule covers missing and bad fields alike: a required field of a domain value that is
 * missing ({@code null}, or never set on a builder) throws this exception too, never a
 * {@link NullPointerException}, so an import turns both into a rejection. A {@code null} passed to an
 * operation (a collaborator such as a rule, a classifier or a sink) is a programming error and throws
 * {@link NullPointerException}. The message names the field, shows the value (cut to {@value #MAX_SHOWN} characters)
 * and states the rule, for example {@code customerId '  ' is invalid: must not be blank}.
 *
 * @since 0.1.0
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Values longer than this are cut in messages and reports. */
  public static final int MAX_SHOWN = 80;

  private final String field;
  private final @Nullable String value;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the name of the field, as the caller knows it (a parameter or column name)
   * @param value the offending value, or {@code null} if it was missing
   * @param rule the rule that was broken, phrased to complete "must ..." or as a full clause
   */
  public InvalidFieldException(String field, @Nullable Object value, String rule) {
    super(message(field, value, rule));
    this.field = requireNonNull(field, "field");
    this.value = value == null ? null : shorten(String.valueOf(value));
    this.rule = requireNonNull(rule, "rule");
  }

  /**
   * Returns {@code value}, or throws this exception if it is missing.
   *
   * @param value the field's value
   * @param field the name of the field
   * @throws InvalidFieldException naming the field if {@code value} is {@code null}
   */
  public static <T> T requirePresent(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidFieldException(field, null, "is required");
    }
    return value;
  }

  /** The name of the field that holds the bad value. */
  public String field() {
    return field;
  }

  /** The bad value as text, cut to {@value #MAX_SHOWN} characters, or {@code null} if missing. */
  public @Nullable String value() {
    return value;
  }

  /** The rule the value breaks. */
  public String rule() {
    return rule;
  }

  private static String message(String field, @Nullable Object value, String rule) {
    if (value == null) {
      return field + " is missing: " + rule;
    }
    return field + " '" + shorten(String.valueOf(value)) + "' is invalid: " + rule;
  }

  /** Cuts {@code text} to {@value #MAX_SHOWN} characters, marking the cut and the full length. */
  public static String shorten(String text) {
    if (text.length() <= MAX_SHOWN) {
      return text;
    }
    return text.substring(0, MAX_SHOWN) + "... (" + text.length() + " characters)";
  }
}
