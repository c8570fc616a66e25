package org.engagement.jdbc;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.engagement.core.domain.InvalidFieldException;

/**
 * How far an incremental import has read: the greatest value of the watermark column among the rows it read.
 * The next import reads the rows whose value is greater. A watermark column holds whole numbers (an identity
 * or sequence column, the safest choice), timestamps with a time zone, or text; each kind is a record here.
 *
 * <p>A host keeps the watermark between runs, in its own table or settings, as its text form
 * ({@code sequence:1042}, {@code time:2024-03-01T10:15:30Z}, {@code text:A-1042}), and reads it back with
 * {@link #parse(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface Watermark permits Watermark.Sequence, Watermark.Time, Watermark.Text {

  /** A watermark in a whole-number column (identity, sequence, version). */
  static Watermark of(long value) {
    return new Sequence(value);
  }

  /** A watermark in a timestamp-with-time-zone column. */
  static Watermark of(Instant value) {
    return new Time(value);
  }

  /** A watermark in a text column, compared by the database's collation. */
  static Watermark of(String value) {
    return new Text(value);
  }

  /**
   * Reads a watermark's text form ({@code toString()}).
   *
   * @throws InvalidFieldException if {@code text} is not {@code sequence:}, {@code time:} or {@code text:}
   *     followed by a value of that kind
   */
  static Watermark parse(String text) {
    requireNonNull(text, "text");
    int colon = text.indexOf(':');
    String kind = colon < 0 ? "" : text.substring(0, colon);
    String value = text.substring(colon + 1);
    try {
      return switch (kind) {
        case "sequence" -> new Sequence(Long.parseLong(value));
        case "time" -> new Time(Instant.parse(value));
        case "text" -> new Text(value);
        default -> throw new InvalidFieldException("watermark", text,
            "must be sequence:N, time:ISO-8601-instant or text:VALUE");
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidFieldException("watermark", text, "must have a " + kind + " value after '" + kind + ":'");
    }
  }

  /**
   * A whole-number watermark.
   *
   * @param value the greatest value read
   * @since 0.1.0
   */
  record Sequence(long value) implements Watermark {
    /** For example {@code sequence:1042}. */
    @Override
    public String toString() {
      return "sequence:" + value;
    }
  }

  /**
   * A timestamp watermark.
   *
   * @param value the greatest instant read
   * @since 0.1.0
   */
  record Time(Instant value) implements Watermark {
    /** Requires the instant. */
    public Time {
      requireNonNull(value, "value");
    }

    /** For example {@code time:2024-03-01T10:15:30Z}. */
    @Override
    public String toString() {
      return "time:" + value;
    }
  }

  /**
   * A text watermark.
   *
   * @param value the greatest value read, by the database's collation
   * @since 0.1.0
   */
  record Text(String value) implements Watermark {
    /** Requires the text. */
    public Text {
      requireNonNull(value, "value");
    }

    /** For example {@code text:A-1042}. */
    @Override
    public String toString() {
      return "text:" + value;
    }
  }
}
