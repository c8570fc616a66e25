package org.engagement.core.ingest.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.NumberSyntax;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file with a header row, read row by row into values by column name: the reader behind the SDK's
 * CSV inputs that are not interaction feeds (costs, survey answers, repeat-buying summaries, transactions,
 * key messages and brands, path files).
 *
 * <p>It follows the {@linkplain org.engagement.core.ingest.csv reading policy} of every CSV reader here.
 * Column names match ignoring case and surrounding white space, in any order; columns nobody asks for are
 * ignored, but a name given twice refuses the file ({@link InvalidSourceException}), as does an empty file
 * or a header that breaks the {@link HeaderRule}. Every data row must have as many fields as the header.
 * Cells are trimmed. Numbers are read with {@link Row#number}, {@link Row#wholeNumber} and {@link
 * Row#decimal}, in the one {@linkplain NumberSyntax number syntax}.
 *
 * <p>A read never drops a row silently and never passes off part of a file as the whole: every row is
 * accepted or rejected with its position and reason (a row at fault under the policy, or whose parser
 * throws {@link InvalidFieldException}), and reading resynchronises after a broken row (see {@link
 * CsvRows}). At most {@value #MAX_RETAINED_REJECTIONS} rejections are kept in the report; the rest are
 * counted. If the text cannot be read to its end (an {@link IOException}, or a {@link Reader} that cannot
 * decode it), the read throws rather than return the rows before.
 *
 * <pre>{@code
 * CsvImport<Cost> costs = CsvTable.read(input, "costs.csv", List.of("month", "channel", "amount"),
 *     row -> new Cost(YearMonth.parse(row.require("month")), row.require("channel"), ...));
 * }</pre>
 *
 * <p>Stateless and thread-safe; each read uses its own parser state.
 *
 * @since 0.1.0
 */
public final class CsvTable {
  /** The most rejections a report keeps; the others are counted in {@link ImportReport#rejectionsNotRetained()}. */
  public static final int MAX_RETAINED_REJECTIONS = 10_000;

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

    /** The trimmed cell of {@code column}; empty when the header lacks the column or the cell is empty. */
    public String get(String column) {
      Integer index = columns.get(column);
      return index == null ? "" : cells.get(index).strip();
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

    /**
     * The cell of {@code column} as a finite number from {@code min} to {@code max}.
     *
     * @throws InvalidFieldException naming the column and the range if the cell is blank or not such a number
     * @see NumberSyntax#number
     */
    public double number(String column, double min, double max) {
      return NumberSyntax.number(column, require(column), min, max);
    }

    /**
     * The cell of {@code column} as a whole number from {@code min} to {@code max}.
     *
     * @throws InvalidFieldException naming the column and the range if the cell is blank or not such a number
     * @see NumberSyntax#whole
     */
    public long wholeNumber(String column, long min, long max) {
      return NumberSyntax.whole(column, require(column), min, max);
    }

    /**
     * The cell of {@code column} as an exact decimal number.
     *
     * @throws InvalidFieldException naming the column if the cell is blank or not a number
     * @see NumberSyntax#decimal
     */
    public BigDecimal decimal(String column) {
      return NumberSyntax.decimal(column, require(column));
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
   * @throws InvalidSourceException if the input is empty, its header lacks a required column or names one
   *     twice, or the text cannot be read to its end
   * @throws IOException if reading fails
   */
  public static <T> CsvImport<T> read(Reader input, String source, List<String> required, RowParser<T> parser)
      throws IOException {
    return read(input, source, HeaderRule.requiring(required), parser);
  }

  /**
   * Reads every row of the UTF-8 bytes {@code input} (closed at the end), requiring the columns {@code
   * required}; a row holding bytes that are not UTF-8 is rejected with their byte offset.
   *
   * @param source the name of the input in the report
   * @throws InvalidSourceException if the input is empty, its header lacks a required column or names one
   *     twice
   * @throws IOException if reading fails
   */
  public static <T> CsvImport<T> read(InputStream input, String source, List<String> required,
      RowParser<T> parser) throws IOException {
    return read(input, source, HeaderRule.requiring(required), parser);
  }

  /**
   * Reads every row of {@code input} (closed at the end) whose header passes {@code header}.
   *
   * @param source the name of the input in the report
   * @throws InvalidSourceException if the input is empty, the header breaks the rule or names a column
   *     twice, or the text cannot be read to its end
   * @throws IOException if reading fails
   */
  public static <T> CsvImport<T> read(Reader input, String source, HeaderRule header, RowParser<T> parser)
      throws IOException {
    return read(CsvRows.open(requireNonNull(input, "input")), source, header, parser);
  }

  /**
   * Reads every row of the UTF-8 bytes {@code input} (closed at the end) whose header passes {@code header};
   * a row holding bytes that are not UTF-8 is rejected with their byte offset.
   *
   * @param source the name of the input in the report
   * @throws InvalidSourceException if the input is empty, the header breaks the rule or names a column twice
   * @throws IOException if reading fails
   */
  public static <T> CsvImport<T> read(InputStream input, String source, HeaderRule header, RowParser<T> parser)
      throws IOException {
    return read(CsvRows.open(requireNonNull(input, "input"), ',', CsvPolicy.defaults()), source, header, parser);
  }

  /**
   * Reads every row of {@code rows} (closed at the end), whatever its separator and limits, whose header
   * passes {@code header}.
   *
   * @param source the name of the input in the report
   * @throws InvalidSourceException if the input is empty, the header breaks the rule or names a column
   *     twice, or the text cannot be read to its end
   * @throws IOException if reading fails
   */
  public static <T> CsvImport<T> read(CsvRows rows, String source, HeaderRule header, RowParser<T> parser)
      throws IOException {
    List<T> values = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    ImportReport report = stream(rows, source, (names, line) -> {
      columns.addAll(names);
      header.check(names, line);
    }, parser, values::add);
    return new CsvImport<>(values, report, columns);
  }

  /**
   * Reads every row of {@code rows} (closed at the end) whose header passes {@code header}, handing each
   * accepted row's value to {@code sink} as it is read, so that memory does not grow with the file.
   *
   * @param source the name of the input in the report
   * @return the account of every row: read, accepted (passed to {@code sink}) and rejected, and why
   * @throws InvalidSourceException if the input is empty, the header breaks the rule or names a column
   *     twice, or the text cannot be read to its end
   * @throws IOException if reading fails
   */
  public static <T> ImportReport stream(CsvRows rows, String source, HeaderRule header, RowParser<T> parser,
      Consumer<? super T> sink) throws IOException {
    requireNonNull(rows, "rows");
    requireNonNull(source, "source");
    requireNonNull(header, "header");
    requireNonNull(parser, "parser");
    requireNonNull(sink, "sink");
    try (rows) {
      List<String> cells = new ArrayList<>();
      long headerLine = rows.next(cells);
      if (headerLine < 0) {
        throw new InvalidSourceException("the file is empty: a header row is required");
      }
      CsvRows.Problem broken = rows.problem();
      if (broken != null) {
        throw broken.inHeader(headerLine);
      }
      List<String> names = names(cells);
      Map<String, Integer> columns = columns(names);
      header.check(Collections.unmodifiableSet(columns.keySet()), headerLine);
      rows.expectFields(names.size());
      return readRows(rows, source, names, columns, parser, sink);
    }
  }

  private static <T> ImportReport readRows(CsvRows rows, String source, List<String> names,
      Map<String, Integer> columns, RowParser<T> parser, Consumer<? super T> sink) throws IOException {
    DataRows<T> data = new DataRows<>(rows, names, columns, parser, sink);
    List<Rejection> rejections = new ArrayList<>();
    long read = 0;
    long rejected = 0;
    while (true) {
      long line;
      try {
        line = rows.next(data.cells);
      } catch (InvalidSourceException stopped) {
        throw new InvalidSourceException(source + ": " + stopped.getMessage() + " (" + read
            + " records had been read)", stopped.line(), stopped);
      }
      if (line < 0) {
        break;
      }
      read++;
      Rejection rejection = data.take(new SourcePosition(read, line));
      if (rejection != null) {
        rejected++;
        if (rejections.size() < MAX_RETAINED_REJECTIONS) {
          rejections.add(rejection);
        }
      }
    }
    return new ImportReport(source, read, read - rejected, rejected, 0, rejections, rejected - rejections.size(),
        null);
  }

  /** The data rows of one read: each becomes a value for the sink or a rejection. Not thread-safe. */
  private static final class DataRows<T> {
    final List<String> cells = new ArrayList<>();
    private final List<String> view = Collections.unmodifiableList(cells);
    private final CsvRows rows;
    private final List<String> names;
    private final Map<String, Integer> columns;
    private final RowParser<T> parser;
    private final Consumer<? super T> sink;

    DataRows(CsvRows rows, List<String> names, Map<String, Integer> columns, RowParser<T> parser,
        Consumer<? super T> sink) {
      this.rows = rows;
      this.names = names;
      this.columns = columns;
      this.parser = parser;
      this.sink = sink;
    }

    /** Passes the row just read to the sink, or returns why it is rejected. */
    @Nullable Rejection take(SourcePosition position) {
      CsvRows.Problem problem = rows.problem();
      if (problem != null) {
        return problem.rejection(position, names);
      }
      T value;
      try {
        value = requireNonNull(parser.parse(new Row(columns, view, position)), "the parser returned null");
      } catch (InvalidFieldException e) {
        CsvRows.Problem stray = rows.reconsider();
        return stray != null ? stray.rejection(position, names) : Rejection.invalid(position, e);
      }
      sink.accept(value);
      return null;
    }
  }

  /** The header's names, trimmed and in lower case. */
  private static List<String> names(List<String> header) {
    List<String> names = new ArrayList<>(header.size());
    for (String name : header) {
      names.add(name.strip().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /** Each named column's index; a name given twice refuses the file. Unnamed columns are left out. */
  private static Map<String, Integer> columns(List<String> names) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isEmpty()) {
        continue;
      }
      Integer earlier = columns.putIfAbsent(name, i);
      if (earlier != null) {
        throw new InvalidSourceException("header column '" + name + "' appears twice (columns " + (earlier + 1)
            + " and " + (i + 1) + ")");
      }
    }
    return columns;
  }
}
