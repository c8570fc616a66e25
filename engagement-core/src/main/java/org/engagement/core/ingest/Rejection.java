package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Why one record was not accepted, and where it is.
 *
 * <p>Safe to show: the field, the value and the reason are kept {@linkplain InvalidFieldException#escape
 * escaped}, so control characters in a source (an escape sequence, a bell, a line feed) reach no terminal or
 * log as such.
 *
 * <p>Immutable and thread-safe.
 *
 * @param position where the record is in its source
 * @param kind the kind of problem
 * @param field the field (column, property) at fault, or {@code null} if the record as a whole is
 * @param value the offending value, or {@code null} if missing or not applicable; the factories cut it
 *     to {@value InvalidFieldException#MAX_SHOWN} characters (see {@link InvalidFieldException#shorten})
 * @param reason the rule that was broken, in words
 * @since 0.1.0
 */
public record Rejection(
    SourcePosition position, Kind kind, @Nullable String field, @Nullable String value, String reason)
    implements Serializable {

  /** Validates the parts and escapes the text. */
  public Rejection {
    requireNonNull(position, "position");
    requireNonNull(kind, "kind");
    field = field == null ? null : InvalidFieldException.escape(field);
    value = value == null ? null : InvalidFieldException.escape(value);
    reason = InvalidFieldException.escape(requireNonNull(reason, "reason"));
  }

  /** A rejection for a record with a bad field. */
  public static Rejection invalid(SourcePosition position, InvalidFieldException e) {
    return new Rejection(position, Kind.INVALID, e.field(), e.value(), e.rule());
  }

  /** A rejection for a record that breaks a rule of the record as a whole. */
  public static Rejection invalid(SourcePosition position, String reason) {
    return new Rejection(position, Kind.INVALID, null, null, reason);
  }

  /**
   * The rejection in the message shape every reader of the SDK uses, without the source's name: for example
   * {@code line 9: column 'timestamp' value '2024-01-01' is invalid: has no zone offset}, or {@code record 7:
   * ...} in a source without lines ({@code record 7 (key 'A-1009'): ...} when its records have keys).
   *
   * @see #message(String)
   */
  @Override
  public String toString() {
    return where() + ": " + what();
  }

  /**
   * The rejection as one line for a person, the source named first: {@code costs.csv:9: column 'amount'
   * value 'x' is invalid: must be a decimal number ...}; a missing value reads {@code column 'amount' is
   * missing: ...}, a problem of the whole record only gives the reason ({@code costs.csv:9: record has 8
   * fields; the header has 7}). In a source without lines the position is {@code costs.csv: record 7}, or
   * {@code crm-db: record 7 (key 'A-1009')} when its records have keys.
   *
   * @param source the file or source name, shown as it is (escaped)
   */
  public String message(String source) {
    String name = InvalidFieldException.escape(requireNonNull(source, "source"));
    return position.line() > 0 ? name + ":" + position.line() + ": " + what() : name + ": " + where() + ": " + what();
  }

  private String where() {
    return position.line() > 0 ? "line " + position.line() : position.toString();
  }

  private String what() {
    if (field == null) {
      return reason;
    }
    return "column '" + field + "'" + (value == null ? " is missing" : " value '" + value + "' is invalid") + ": "
        + reason;
  }

  /**
   * The kinds of problem an import reports.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** The record breaks a rule of the format or the model. */
    INVALID,
    /** The record repeats the source id of an earlier record of the same import. */
    DUPLICATE,
    /** The adapter failed on the record (a bug in the adapter, contained by the importer). */
    ADAPTER_FAILURE
  }
}
