package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Timestamps;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * Reads the {@code value} command's transactions CSV one row at a time under the reading policy of every
 * reader ({@link CsvTable}, {@link CsvRows}) and hands each purchase to a {@link Sink} as it arrives,
 * keeping nothing per row, so memory does not grow with the number of rows.
 *
 * <p>The header names {@code customer_id}, {@code timestamp} and {@code amount} (case and surrounding
 * spaces ignored, any order; other columns are read and ignored; a column named twice refuses the file,
 * since which one is meant cannot be known). A row with another number of fields than the header, a
 * control character, text that is not UTF-8 or a bad value is rejected and reading goes on at the next
 * record; the report accounts for every row. Not thread-safe.
 */
final class TransactionReader {
  static final String CUSTOMER = "customer_id";
  static final String TIMESTAMP = "timestamp";
  static final String AMOUNT = "amount";
  private static final List<String> COLUMNS = List.of(CUSTOMER, TIMESTAMP, AMOUNT);

  /** Where the valid rows go. */
  interface Sink {
    /** One valid row. */
    void purchase(String customerId, LocalDate date, BigDecimal amount);
  }

  /** One valid row. */
  private record Purchase(String customerId, LocalDate date, BigDecimal amount) {}

  private final String source;
  private final Sink sink;

  TransactionReader(String source, Sink sink) {
    this.source = source;
    this.sink = sink;
  }

  /**
   * Reads every row of {@code input} (closed at the end).
   *
   * @return the account of every row: read, accepted, rejected and why
   * @throws Failure if the file is empty, its header lacks or repeats a column, or the text cannot be read to
   *     its end (then nothing is computed from a part of the file)
   * @throws IOException if reading fails
   */
  ImportReport read(InputStream input) throws IOException, Failure {
    try {
      return CsvTable.stream(CsvRows.open(input, ',', CsvPolicy.defaults()), source,
          CsvTable.HeaderRule.requiring(COLUMNS), TransactionReader::purchase,
          purchase -> sink.purchase(purchase.customerId(), purchase.date(), purchase.amount()));
    } catch (InvalidSourceException e) {
      throw Failure.failed("cannot read " + source + ": " + e.getMessage() + "; nothing was computed", e);
    }
  }

  private static Purchase purchase(CsvTable.Row row) {
    return new Purchase(row.require(CUSTOMER), date(row.require(TIMESTAMP)),
        Amounts.parse(row.require(AMOUNT)));
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
