package org.engagement.cli;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.ingest.Timestamps;
import org.engagement.core.ingest.csv.CsvRows;

/**
 * Reads the {@code value} command's transactions CSV one row at a time and hands each purchase or
 * rejection to a {@link Sink} as it arrives, keeping nothing per row, so memory does not grow with the
 * number of rows.
 *
 * <p>The header names {@code customer_id}, {@code timestamp} and {@code amount}, each once (case and
 * surrounding spaces ignored, any order, other columns ignored; a column named twice is refused, since
 * which one is meant cannot be known). A row with more fields than the header has columns is rejected; a
 * row with fewer has the missing cells blank. Cells are trimmed. Broken CSV structure (a quote never
 * closed) ends the reading with a {@link Failure} saying how many records were read before it: nothing
 * after it can be read reliably, so nothing is computed from a part of the file. Not thread-safe.
 */
final class TransactionReader {
  static final String CUSTOMER = "customer_id";
  static final String TIMESTAMP = "timestamp";
  static final String AMOUNT = "amount";
  private static final List<String> COLUMNS = List.of(CUSTOMER, TIMESTAMP, AMOUNT);

  /** Where the rows go. */
  interface Sink {
    /** One valid row. */
    void purchase(String customerId, LocalDate date, BigDecimal amount);

    /** One rejected row. */
    void rejected(Rejection rejection);
  }

  private final String source;
  private final Sink sink;

  TransactionReader(String source, Sink sink) {
    this.source = source;
    this.sink = sink;
  }

  /**
   * Reads every row of {@code input} (closed at the end).
   *
   * @return the number of records read
   * @throws Failure if the file is empty, its header lacks or repeats a column, or its structure breaks
   * @throws IOException if reading fails
   */
  long read(Reader input) throws IOException, Failure {
    try (CsvRows rows = CsvRows.open(input)) {
      List<String> cells = new ArrayList<>();
      long headerLine = rows.next(cells);
      if (headerLine < 0) {
        throw Failure.failed("cannot read " + source + ": the file is empty: a header row is required");
      }
      int[] index = columns(cells, headerLine);
      int width = cells.size();
      long read = 0;
      try {
        for (long line = rows.next(cells); line >= 0; line = rows.next(cells)) {
          read++;
          row(cells, index, width, new SourcePosition(read, line));
        }
      } catch (InvalidSourceException broken) {
        throw Failure.failed("cannot read " + source + ": " + broken.getMessage() + "; read " + read
            + " records before it and none after, so nothing was computed", broken);
      }
      return read;
    }
  }

  private void row(List<String> cells, int[] index, int width, SourcePosition position) {
    try {
      if (cells.size() > width) {
        throw new InvalidFieldException("record", cells.size() + " fields",
            "must have at most the header's " + width + " fields");
      }
      String customer = require(cells, index[0], CUSTOMER);
      LocalDate date = date(require(cells, index[1], TIMESTAMP));
      BigDecimal amount = Amounts.parse(require(cells, index[2], AMOUNT));
      sink.purchase(customer, date, amount);
    } catch (InvalidFieldException e) {
      sink.rejected(Rejection.invalid(position, e));
    }
  }

  /** The position of each required column in the header. */
  private int[] columns(List<String> header, long line) throws Failure {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim().toLowerCase(Locale.ROOT);
      if (COLUMNS.contains(name) && positions.putIfAbsent(name, i) != null) {
        throw Failure.failed("cannot read " + source + ": the header on line " + line + " names the column '"
            + name + "' twice; name each column once");
      }
    }
    int[] index = new int[COLUMNS.size()];
    for (int c = 0; c < COLUMNS.size(); c++) {
      Integer position = positions.get(COLUMNS.get(c));
      if (position == null) {
        throw Failure.failed("cannot read " + source + ": the header on line " + line + " lacks the column '"
            + COLUMNS.get(c) + "'; required: " + COLUMNS);
      }
      index[c] = position;
    }
    return index;
  }

  private static String require(List<String> cells, int index, String column) {
    String value = index < cells.size() ? cells.get(index).trim() : "";
    if (value.isEmpty()) {
      throw new InvalidFieldException(column, value, "must not be blank");
    }
    return value;
  }

  /** An ISO date, or the UTC date of a date-time with offset; a local date-time is ambiguous. */
  static LocalDate date(String text) {
    String s = text.strip();
    if (s.indexOf('T') < 0 && s.indexOf('t') < 0) {
      try {
        return LocalDate.parse(s, s.length() == 8 ? DateTimeFormatter.BASIC_ISO_DATE : DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeParseException e) {
        throw new InvalidFieldException(TIMESTAMP, text,
            "must be an ISO-8601 date (2024-03-01) or date-time with offset (2024-03-01T10:15:30Z)");
      }
    }
    return Timestamps.parseInstant(TIMESTAMP, s).atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
