package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * A path file that cannot be read: the message names the line, the field (column), the value and the
 * rule, for example {@code line 3: total_conversions '-1' is invalid: must not be negative}.
 *
 * <p>Instances are immutable once thrown and safe to share.
 *
 * @since 0.1.0
 */
public final class PathFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String field;
  private final @Nullable String value;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param line the 1-based line number in the file (the header is line 1)
   * @param field the column or part that is wrong
   * @param value the offending text, or {@code null} if it was missing
   * @param rule the rule it breaks
   */
  public PathFormatException(long line, String field, @Nullable String value, String rule) {
    super("line " + line + ": " + new InvalidFieldException(field, value, rule).getMessage());
    this.line = line;
    this.field = requireNonNull(field, "field");
    this.value = value == null ? null : InvalidFieldException.shorten(value);
    this.rule = requireNonNull(rule, "rule");
  }

  static PathFormatException at(long line, InvalidFieldException cause) {
    PathFormatException e = new PathFormatException(line, cause.field(), cause.value(), cause.rule());
    e.initCause(cause);
    return e;
  }

  /** The 1-based line number (the header is line 1). */
  public long line() {
    return line;
  }

  /** The column or part of the row that is wrong. */
  public String field() {
    return field;
  }

  /** The offending text, cut like {@link InvalidFieldException#value()}, or {@code null} if missing. */
  public @Nullable String value() {
    return value;
  }

  /** The rule the value breaks. */
  public String rule() {
    return rule;
  }
}
