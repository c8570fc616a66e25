package org.engagement.core.ingest.csv;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/**
 * The CSV adapter's mapping of named columns to interactions, for sources whose records are already rows of
 * named values rather than CSV text: a database query's result set, a data frame. Binding the column names and
 * parsing each row follow {@link CsvInteractionAdapter} exactly (the same columns matched by name ignoring
 * case, the same required columns, misspellings and attribute columns, the same rules for every value and the
 * same rejections), so a bad row from a table is rejected with the column, value and rule a bad CSV line would
 * be. The checks {@link CsvRows} makes while reading text apply to each value too: at most
 * {@link CsvPolicy#maxFieldLength()} characters, and no control character other than tab, line feed and
 * carriage return (which CSV allows inside quotes).
 *
 * <p>Not thread-safe: it remembers the channels it has made, as a CSV reader does. Bind one per reader.
 *
 * @since 0.1.0
 */
public final class InteractionRows {
  private final CsvRowParser parser;
  private final List<String> columnNames;
  private final int maxFieldLength;

  private InteractionRows(CsvRowParser parser, List<String> columnNames, int maxFieldLength) {
    this.parser = parser;
    this.columnNames = columnNames;
    this.maxFieldLength = maxFieldLength;
  }

  /**
   * Binds {@code columnNames} (a result set's column labels, in order) to the interaction columns as the CSV
   * adapter binds a header row, with {@code config}'s channels, channel policy, classifier, limits and allowed
   * attribute columns.
   *
   * @throws org.engagement.core.ingest.InvalidSourceException for a repeated, missing or misspelled column,
   *     or one whose name is not a valid attribute name
   */
  public static InteractionRows bind(List<String> columnNames, CsvInteractionAdapter config) {
    requireNonNull(config, "config");
    CsvHeader header = CsvHeader.bind(List.copyOf(columnNames), config.allowedAttributeColumns());
    return new InteractionRows(new CsvRowParser(header, config), header.columnNames(),
        config.policy().maxFieldLength());
  }

  /** The columns in binding order, named as rejections name them (a known column in lower case). */
  public List<String> columnNames() {
    return columnNames;
  }

  /**
   * The record that one row makes: accepted with its interaction, or rejected with the first column at fault.
   *
   * @param values one value per bound column, in binding order; an empty string for a missing value (SQL
   *     {@code NULL}), as an empty CSV field
   * @param position where the row is in its source
   * @throws IllegalArgumentException if there are not as many values as bound columns
   */
  public AdapterRecord parse(String[] values, SourcePosition position) {
    requireNonNull(position, "position");
    if (values.length != columnNames.size()) {
      throw new IllegalArgumentException(
          "expected " + columnNames.size() + " values (one per bound column), got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      String fault = fault(requireNonNull(values[i], "value"));
      if (fault != null) {
        return AdapterRecord.rejected(new Rejection(position, Rejection.Kind.INVALID, columnNames.get(i),
            InvalidFieldException.shorten(values[i]), fault));
      }
    }
    return parser.parse(values, position);
  }

  /** The policy's rule that {@code value} breaks before any model rule is checked, or {@code null}. */
  private @Nullable String fault(String value) {
    if (value.length() > maxFieldLength) {
      return "must be at most " + maxFieldLength + " characters";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c <= 0x9F;
      if (control) {
        return "must not contain control characters (found U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")";
      }
    }
    return null;
  }
}
