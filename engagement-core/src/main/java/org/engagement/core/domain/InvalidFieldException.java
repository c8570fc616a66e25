package org.engagement.core.domain;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
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
 * <p>Messages are safe to print on a terminal or write to a log: control characters, line and paragraph
 * separators and bidirectional-text controls in the field, the value or the rule are shown escaped, as
 * <code>&#92;u001B</code> (see {@link #escape}), so a hostile value can neither clear a screen nor forge a log line.
 *
 * <p>Instances are immutable once thrown and safe to share.
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

  /**
   * The bad value as text, cut to {@value #MAX_SHOWN} characters and escaped like the message (see {@link
   * #shorten}), or {@code null} if missing.
   */
  public @Nullable String value() {
    return value;
  }

  /** The rule the value breaks. */
  public String rule() {
    return rule;
  }

  private static String message(String field, @Nullable Object value, String rule) {
    if (value == null) {
      return escape(field) + " is missing: " + escape(rule);
    }
    return escape(field) + " '" + shorten(String.valueOf(value)) + "' is invalid: " + escape(rule);
  }

  /**
   * {@code text} as it is shown in messages and reports: cut to {@value #MAX_SHOWN} characters, marking the
   * cut and the full length, and {@linkplain #escape escaped}.
   */
  public static String shorten(String text) {
    if (text.length() <= MAX_SHOWN) {
      return escape(text);
    }
    return escape(text.substring(0, MAX_SHOWN)) + "... (" + text.length() + " characters)";
  }

  /**
   * {@code text} with every character a terminal or a log would act on instead of showing written as
   * <code>&#92;uXXXX</code> (upper-case hex): the C0 controls (U+0000 to U+001F, line feed and tab included), DEL
   * and the C1 controls (U+007F to U+009F), the line and paragraph separators U+2028 and U+2029, the
   * bidirectional-text controls (U+202A to U+202E, U+2066 to U+2069) and unpaired surrogates. Other
   * characters, a backslash included, are kept; the result holds none of the escaped characters, so
   * escaping twice changes nothing.
   */
  public static String escape(String text) {
    int first = firstToEscape(text);
    if (first < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (mustEscape(text, i)) {
        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static int firstToEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (mustEscape(text, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean mustEscape(String text, int i) {
    char c = text.charAt(i);
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return true;
    }
    if (c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }
}
