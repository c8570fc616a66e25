package org.engagement.core.ingest.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file with a header row, read row by row into values by column name: the reader behind the SDK's
 * small CSV inputs that are not interaction feeds (costs, survey answers, repeat-buying summaries, key
 * messages).
 *
 * <p>Column names match ignoring case and surrounding spaces, in any order; columns nobody asks for are
 * ignored, and when a name repeats the first column wins. Cells are trimmed. Like every import here, a read
 * never drops a row silently: a row whose parser throws {@link InvalidFieldException} is reported as rejected
 * with its position and reason, every other row becomes a value, and broken CSV structure ends the reading
 * and is reported as the import's failure.
 *
 * <pre>{@code
 * CsvImport<Cost> costs = CsvTable.read(reader, "costs.csv", List.of("month", "channel", "amount"),
 *     row -> new Cost(YearMonth.parse(row.require("month")), row.require("channel"), ...));
 * }</pre>
 *
 * <p>Stateless and thread-safe; each read uses its own parser state.
 *
 * @since 0.1.0
 */
public final class CsvTable {

  /** Turns one data row into a value, or throws {@link InvalidFieldException} naming the bad field. */
  @FunctionalInterface
  public interface RowParser<T> {
    /** The value of {@code row}. */
    T parse(Row row);
  }

  /** Decides whether a header names the columns a reader needs. */
  @FunctionalInterface
  public interface HeaderRule {
    /**
     * Checks the header's columns (trimmed, lower case).
     *
     * @param columns the column names of the header
     * @param line the line of the header
     * @throws InvalidSourceException if a needed column is missing
     */
    void check(Set<String> columns, long line);

    /** The rule that every one of {@code required} (lower case) is present. */
    static HeaderRule requiring(List<String> required) {
      List<String> copy = List.copyOf(required);
      return (columns, line) -> {
        for (String column : copy) {
          if (!columns.contains(column)) {
            throw new InvalidSourceException(
                "the header on line " + line + " lacks the column '" + column + "'; required: " + copy);
          }
        }
      };
    }
  }

  /** One data row, read by column name. Not thread-safe; valid during the parser call. */
  public static final class Row {
    private final Map<String, Integer> columns;
    private final List<String> cells;
    private final SourcePosition position;

    private Row(Map<String, Integer> columns, List<String> cells, SourcePosition position) {
      this.columns = columns;
      this.cells = cells;
      this.position = position;
    }

    /** Whether the header has {@code column} (lower case). */
    public boolean has(String column) {
      return columns.containsKey(column);
    }

    /** The trimmed cell of {@code column}; empty when the column or the cell is missing. */
    public String get(String column) {
      Integer index = columns.get(column);
      return index == null || index >= cells.size() ? "" : cells.get(index).trim();
    }

    /**
     * The trimmed cell of {@code column}.
     *
     * @throws InvalidFieldException naming the column if the cell is blank or missing
     */
    public String require(String column) {
      String value = get(column);
      if (value.isEmpty()) {
        throw new InvalidFieldException(column, value, "must not be blank");
      }
      return value;
    }

    /** Where the row is: its record number (from 1, the header not counted) and line. */
    public SourcePosition position() {
      return position;
    }
  }

  private CsvTable() {}

  /**
   * Reads every row of {@code input} (closed at the end), requiring the columns {@code required}.
   *
   * @param source the name of the input in the report
   * @throws InvalidSourceException if the input is empty or its header lacks a required column
   * @throws IOException if reading fails
   */
  public static <T> CsvImport<T> read(Reader input, String source, List<String> required, RowParser<T> parser)
      throws IOException {
    return read(input, source, HeaderRule.requiring(required), parser);
  }

  /**
   * Reads every row of {@code input} (closed at the end) whose header passes {@code header}.
   *
   * @param source the name of the input in the report
   * @throws InvalidSourceException if the input is empty or the header breaks the rule
   * @throws IOException if reading fails
   */
  public static <T> CsvImport<T> read(Reader input, String source, HeaderRule header, RowParser<T> parser)
      throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    requireNonNull(header, "header");
    requireNonNull(parser, "parser");
    try (CsvRows csv = CsvRows.open(input)) {
      List<String> cells = new ArrayList<>();
      long headerLine = csv.next(cells);
      if (headerLine < 0) {
        throw new InvalidSourceException("the file is empty: a header row is required");
      }
      Map<String, Integer> columns = columns(cells);
      header.check(Collections.unmodifiableSet(columns.keySet()), headerLine);
      List<T> values = new ArrayList<>();
      List<Rejection> rejections = new ArrayList<>();
      long read = 0;
      @Nullable String failure = null;
      try {
        for (long line = csv.next(cells); line >= 0; line = csv.next(cells)) {
          read++;
          SourcePosition position = new SourcePosition(read, line);
          try {
            values.add(parser.parse(new Row(columns, List.copyOf(cells), position)));
          } catch (InvalidFieldException e) {
            rejections.add(Rejection.invalid(position, e));
          }
        }
      } catch (InvalidSourceException broken) {
        failure = broken.getMessage();
      }
      ImportReport report =
          new ImportReport(source, read, values.size(), rejections.size(), 0, rejections, 0, failure);
      return new CsvImport<>(values, report, columns.keySet());
    }
  }

  private static Map<String, Integer> columns(List<String> header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    return columns;
  }
}
