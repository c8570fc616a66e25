package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * A path file that cannot be used: the message names the file (when known), the line, the column, the value
 * and the rule of the first invalid row, in the shape of every reader of the SDK, and how many rows are
 * invalid, for example {@code paths.csv:3: column 'total_conversions' value '-1' is invalid: must be a number
 * from 0 to 1000000000000000 (1 of 2 rows invalid; a path file is used whole or not at all)}. Control
 * characters in it are shown escaped.
 *
 * <p>Instances are immutable once thrown and safe to share.
 *
 * @since 0.1.0
 */
public final class PathFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The field of a fault of the header or of a whole row, which no column holds. */
  private static final String HEADER = "header";
  private static final String ROW = "row";

  private final long line;
  private final String field;
  private final @Nullable String value;
  private final String rule;
  private final long invalidRows;
  private final long rows;

  /**
   * Creates the exception for one invalid row, without a file name or counts.
   *
   * @param line the 1-based line number in the file (the header is line 1)
   * @param field the column or part that is wrong
   * @param value the offending text, or {@code null} if it was missing
   * @param rule the rule it breaks
   */
  public PathFormatException(long line, String field, @Nullable String value, String rule) {
    this(null, line, field, value == null ? null : InvalidFieldException.shorten(value), rule, 0, 0);
  }

  private PathFormatException(@Nullable String source, long line, String field, @Nullable String value,
      String rule, long invalidRows, long rows) {
    super(message(source, line, field, value, rule, invalidRows, rows));
    this.line = line;
    this.field = InvalidFieldException.escape(requireNonNull(field, "field"));
    this.value = value == null ? null : InvalidFieldException.escape(value);
    this.rule = InvalidFieldException.escape(requireNonNull(rule, "rule"));
    this.invalidRows = invalidRows;
    this.rows = rows;
  }

  /** The file as a whole (empty, a header without the required columns) cannot be read. */
  static PathFormatException ofSource(@Nullable String source, InvalidSourceException e) {
    long line = Math.max(1, e.line());
    String message = requireNonNull(e.getMessage(), "message");
    PathFormatException refused = new PathFormatException(source, line, HEADER, null, message, 0, 0);
    refused.initCause(e);
    return refused;
  }

  /** Rows of the file are invalid: the first retained one is named, all are counted. */
  static PathFormatException ofRows(@Nullable String source, ImportReport report) {
    Rejection first = report.rejections().get(0);
    String field = first.field() == null ? ROW : first.field();
    return new PathFormatException(source, first.position().line(), field, first.value(), first.reason(),
        report.rejected(), report.read());
  }

  private static String message(@Nullable String source, long line, String field, @Nullable String value,
      String rule, long invalidRows, long rows) {
    String where = source == null ? "line " + line + ": " : source + ":" + line + ": ";
    String what;
    if (field.equals(HEADER) || field.equals(ROW)) {
      what = rule;
    } else {
      what = "column '" + field + "'" + (value == null ? " is missing" : " value '" + value + "' is invalid")
          + ": " + rule;
    }
    String count = rows == 0 ? "" : " (" + invalidRows + " of " + rows + " rows invalid; a path file is used whole "
        + "or not at all)";
    return InvalidFieldException.escape(where + what + count);
  }

  /** The 1-based line number (the header is line 1). */
  public long line() {
    return line;
  }

  /** The column that is wrong, or {@code header} or {@code row} for a fault of the header or a whole row. */
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

  /** How many rows of the file are invalid; 0 when the file as a whole is refused or the count is not known. */
  public long invalidRows() {
    return invalidRows;
  }

  /**
   * How many rows the file has (the header not counted); 0 when the file as a whole is refused or the count is
   * not known.
   */
  public long rows() {
    return rows;
  }
}
