package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Why one record was not accepted, and where it is.
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

  /** Validates the parts. */
  public Rejection {
    requireNonNull(position, "position");
    requireNonNull(kind, "kind");
    requireNonNull(reason, "reason");
  }

  /** A rejection for a record with a bad field. */
  public static Rejection invalid(SourcePosition position, InvalidFieldException e) {
    return new Rejection(position, Kind.INVALID, e.field(), e.value(), e.rule());
  }

  /** A rejection for a record that breaks a rule of the record as a whole. */
  public static Rejection invalid(SourcePosition position, String reason) {
    return new Rejection(position, Kind.INVALID, null, null, reason);
  }

  /** For example {@code record 7 (line 9): timestamp '2024-01-01' is invalid: must have a zone offset}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(position).append(": ");
    if (field != null) {
      sb.append(field);
      sb.append(value == null ? " is missing" : " '" + value + "' is invalid");
      sb.append(": ");
    }
    return sb.append(reason).toString();
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
