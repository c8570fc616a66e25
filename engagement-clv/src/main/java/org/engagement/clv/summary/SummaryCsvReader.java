package org.engagement.clv.summary;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * Reads repeat-buying summaries from CSV, one customer per row, in either layout of the published CDNOW
 * summary files.
 *
 * <table>
 *   <caption>Layouts (column names case-insensitive, any order, other columns ignored)</caption>
 *   <tr><th>layout</th><th>x</th><th>t_x</th><th>T</th><th>mean repeat spend (optional)</th>
 *       <th>customer id (optional)</th></tr>
 *   <tr><td>lifetimes / PyMC-Marketing</td><td>{@code frequency}</td><td>{@code recency}</td>
 *       <td>{@code T}</td><td>{@code monetary_value}</td><td>{@code ID}, {@code customer_id}</td></tr>
 *   <tr><td>BTYD / Fader-Hardie</td><td>{@code x}</td><td>{@code t_x}</td><td>{@code T}</td>
 *       <td>{@code zbar}</td><td>{@code ID}, {@code cust}, {@code customer_id}</td></tr>
 * </table>
 *
 * <p>Values follow the model convention of {@link RepeatBuyingSummary}: {@code x} is a whole number of
 * repeat purchases ({@code 2} or {@code 2.0}), {@code 0 <= t_x <= T}, times in whatever unit the file was
 * made in (the CDNOW files use weeks: the caller knows and says so to the model), mean spend finite and not
 * negative (0 when the column is absent). A row without an id gets its record number as id. The holdout
 * frequency is 0.
 *
 * <p>Every bad row is rejected with its position and reason and the others are kept: {@code read ==
 * accepted + rejected} in the report. A missing header column is an {@link InvalidSourceException}, as is
 * broken CSV structure (which ends the reading, reported as the import's failure).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class SummaryCsvReader {
  private static final List<String> LIFETIMES = List.of("frequency", "recency", "t", "monetary_value");
  private static final List<String> BTYD = List.of("x", "t_x", "t", "zbar");
  private static final List<String> IDS = List.of("id", "customer_id", "cust");

  private SummaryCsvReader() {}

  /**
   * The summaries read, in file order, with the report of every row.
   *
   * @param summaries the accepted rows; as many as {@code report.accepted()}
   * @param report what was read, accepted and rejected, and why
   * @param hasMeanSpend whether the file has a mean-spend column
   * @since 0.1.0
   */
  public record Result(List<RepeatBuyingSummary> summaries, ImportReport report, boolean hasMeanSpend) {

    /** Copies the list and checks it against the report. */
    public Result {
      summaries = List.copyOf(summaries);
      requireNonNull(report, "report");
      if (summaries.size() != report.accepted()) {
        throw new IllegalArgumentException("summaries (" + summaries.size()
            + ") must be as many as accepted rows (" + report.accepted() + ")");
      }
    }
  }

  /**
   * Reads every row of {@code input} (closed at the end); {@code source} names it in the report.
   *
   * @throws InvalidSourceException if the input is empty or the header names neither layout
   * @throws IOException if reading fails
   */
  public static Result read(Reader input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    CsvImport<RepeatBuyingSummary> rows = CsvTable.read(input, source, SummaryCsvReader::checkHeader,
        row -> parse(row, row.has(LIFETIMES.get(0)) ? LIFETIMES : BTYD));
    List<String> names = rows.columns().contains(LIFETIMES.get(0)) ? LIFETIMES : BTYD;
    return new Result(rows.values(), rows.report(), rows.columns().contains(names.get(3)));
  }

  private static void checkHeader(Set<String> columns, long line) {
    List<String> names = columns.contains(LIFETIMES.get(0)) ? LIFETIMES : BTYD;
    for (String required : names.subList(0, 3)) {
      if (!columns.contains(required)) {
        throw new InvalidSourceException("the header on line " + line + " lacks the column '"
            + (required.equals("t") ? "T" : required) + "'; required: frequency,recency,T[,monetary_value]"
            + " or x,t_x,T[,zbar]");
      }
    }
  }

  private static RepeatBuyingSummary parse(CsvTable.Row row, List<String> names) {
    String id = IDS.stream().filter(row::has).findFirst().map(column -> cell(row, column, "id"))
        .orElse(Long.toString(row.position().record()));
    int x = wholeNumber(cell(row, names.get(0), names.get(0)), names.get(0));
    double tx = number(cell(row, names.get(1), names.get(1)), names.get(1));
    double t = number(cell(row, "t", "T"), "T");
    if (tx > t) {
      throw new InvalidFieldException(names.get(1), tx, "must not exceed T (" + t + ")");
    }
    double m = row.has(names.get(3)) ? number(cell(row, names.get(3), names.get(3)), names.get(3)) : 0;
    return new RepeatBuyingSummary(id, x, tx, t, m, 0);
  }

  private static String cell(CsvTable.Row row, String column, String field) {
    String value = row.get(column);
    if (value.isEmpty()) {
      throw new InvalidFieldException(field, null, "must not be blank");
    }
    return value;
  }

  private static double number(String text, String column) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(column, text, "must be a decimal number");
    }
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException(column, text, "must be finite and not negative");
    }
    return value;
  }

  private static int wholeNumber(String text, String column) {
    try {
      return new BigDecimal(text).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidFieldException(column, text, "must be a whole number of repeat purchases");
    }
  }
}
