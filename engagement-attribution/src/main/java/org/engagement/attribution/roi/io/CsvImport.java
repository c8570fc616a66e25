package org.engagement.attribution.roi.io;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.core.ingest.ImportReport;

/**
 * The rows of a CSV file that became values, with the report of every row that did not.
 *
 * <p>Immutable and thread-safe when the values are.
 *
 * @param <T> the type of value a row becomes
 * @param values the accepted rows' values, in file order; as many as {@code report.accepted()}
 * @param report what was read, accepted and rejected, and why
 * @since 0.1.0
 */
public record CsvImport<T>(List<T> values, ImportReport report) {

  /** Copies the list and checks it against the report. */
  public CsvImport {
    values = List.copyOf(values);
    requireNonNull(report, "report");
    if (values.size() != report.accepted()) {
      throw new IllegalArgumentException(
          "values (" + values.size() + ") must be as many as accepted rows (" + report.accepted() + ")");
    }
  }
}
