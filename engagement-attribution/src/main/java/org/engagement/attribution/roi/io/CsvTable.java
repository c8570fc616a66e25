package org.engagement.attribution.roi.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.core.model.InvalidFieldException;

/**
 * A CSV file with a header row whose columns are found by name (case ignored, any order, unknown
 * columns ignored), turned row by row into values. Not thread-safe; one instance per file.
 */
final class CsvTable {

  /** Turns one row into a value, or throws naming the bad field. */
  @FunctionalInterface
  interface RowParser<T> {
    T parse(Row row);
  }

  /** One data row, read by column name. */
  static final class Row {
    private final Map<String, Integer> columns;
    private final List<String> cells;

    Row(Map<String, Integer> columns, List<String> cells) {
      this.columns = columns;
      this.cells = cells;
    }

    /** The trimmed cell of {@code column}; empty when the column or the cell is missing. */
    String get(String column) {
      Integer index = columns.get(column);
      return index == null || index >= cells.size() ? "" : cells.get(index).trim();
    }

    /** The cell of {@code column}, which must not be blank. */
    String require(String column) {
      String value = get(column);
      if (value.isEmpty()) {
        throw new InvalidFieldException(column, value, "must not be blank");
      }
      return value;
    }
  }

  private CsvTable() {}

  /**
   * Reads every row of {@code input}.
   *
   * @throws InvalidSourceException if the header lacks a required column
   * @throws IOException if reading fails
   */
  static <T> CsvImport<T> read(Reader input, String source, List<String> required, RowParser<T> parser)
      throws IOException {
    try (CsvRows csv = CsvRows.open(input)) {
      List<String> cells = new ArrayList<>();
      long headerLine = csv.next(cells);
      Map<String, Integer> columns = header(cells, headerLine, required);
      List<T> values = new ArrayList<>();
      List<Rejection> rejections = new ArrayList<>();
      long read = 0;
      String failure = null;
      try {
        for (long line = csv.next(cells); line >= 0; line = csv.next(cells)) {
          read++;
          SourcePosition position = new SourcePosition(read, line);
          try {
            values.add(parser.parse(new Row(columns, List.copyOf(cells))));
          } catch (InvalidFieldException e) {
            rejections.add(Rejection.invalid(position, e));
          }
        }
      } catch (InvalidSourceException broken) {
        failure = broken.getMessage();
      }
      ImportReport report =
          new ImportReport(source, read, values.size(), rejections.size(), 0, rejections, 0, failure);
      return new CsvImport<>(values, report);
    }
  }

  private static Map<String, Integer> header(List<String> cells, long line, List<String> required) {
    if (line < 0) {
      throw new InvalidSourceException("the file is empty: a header row naming " + required + " is required");
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      columns.putIfAbsent(cells.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    for (String column : required) {
      if (!columns.containsKey(column)) {
        throw new InvalidSourceException(
            "the header on line " + line + " lacks the column '" + column + "'; required: " + required);
      }
    }
    return columns;
  }
}
