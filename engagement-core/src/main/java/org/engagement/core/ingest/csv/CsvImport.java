package org.engagement.core.ingest.csv;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.engagement.core.ingest.ImportReport;

/**
 * The rows of a CSV table that became values, with the report of every row that did not and the columns
 * the header named.
 *
 * <p>Immutable and thread-safe when the values are.
 *
 * @param <T> the type of value a row becomes
 * @param values the accepted rows' values, in file order; as many as {@code report.accepted()}
 * @param report what was read, accepted and rejected, and why
 * @param columns the header's column names, trimmed and in lower case (root locale)
 * @since 0.1.0
 */
public record CsvImport<T>(List<T> values, ImportReport report, Set<String> columns) {

  /** Copies the collections and checks the values against the report. */
  public CsvImport {
    values = List.copyOf(values);
    requireNonNull(report, "report");
    columns = Set.copyOf(columns);
    if (values.size() != report.accepted()) {
      throw new IllegalArgumentException(
          "values (" + values.size() + ") must be as many as accepted rows (" + report.accepted() + ")");
    }
  }
}
