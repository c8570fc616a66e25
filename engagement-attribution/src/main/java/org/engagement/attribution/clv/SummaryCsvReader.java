package org.engagement.attribution.clv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
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
    try (CsvRows csv = CsvRows.open(input)) {
      List<String> cells = new ArrayList<>();
      long headerLine = csv.next(cells);
      Columns columns = Columns.of(cells, headerLine);
      List<RepeatBuyingSummary> summaries = new ArrayList<>();
      List<Rejection> rejections = new ArrayList<>();
      long read = 0;
      String failure = null;
      try {
        for (long line = csv.next(cells); line >= 0; line = csv.next(cells)) {
          read++;
          try {
            summaries.add(columns.parse(cells, read));
          } catch (InvalidFieldException e) {
            rejections.add(Rejection.invalid(new SourcePosition(read, line), e));
          }
        }
      } catch (InvalidSourceException broken) {
        failure = broken.getMessage();
      }
      ImportReport report =
          new ImportReport(source, read, summaries.size(), rejections.size(), 0, rejections, 0, failure);
      return new Result(summaries, report, columns.spend >= 0);
    }
  }

  /** The column index of each field; -1 for an absent optional one. */
  private record Columns(int id, int frequency, int recency, int age, int spend, List<String> names) {

    static Columns of(List<String> cells, long line) {
      if (line < 0) {
        throw new InvalidSourceException("the file is empty: a header row naming frequency,recency,T or x,t_x,T"
            + " is required");
      }
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        index.putIfAbsent(cells.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      List<String> names = index.containsKey("frequency") ? LIFETIMES : BTYD;
      for (String required : names.subList(0, 3)) {
        if (!index.containsKey(required)) {
          throw new InvalidSourceException("the header on line " + line + " lacks the column '"
              + (required.equals("t") ? "T" : required) + "'; required: frequency,recency,T[,monetary_value]"
              + " or x,t_x,T[,zbar]");
        }
      }
      int id = IDS.stream().filter(index::containsKey).findFirst().map(index::get).orElse(-1);
      return new Columns(id, index.get(names.get(0)), index.get(names.get(1)), index.get(names.get(2)),
          index.getOrDefault(names.get(3), -1), names);
    }

    RepeatBuyingSummary parse(List<String> cells, long record) {
      String customer = id < 0 ? Long.toString(record) : cell(cells, id, "id");
      int x = wholeNumber(cell(cells, frequency, names.get(0)), names.get(0));
      double tx = number(cell(cells, recency, names.get(1)), names.get(1));
      double t = number(cell(cells, age, "T"), "T");
      if (tx > t) {
        throw new InvalidFieldException(names.get(1), tx, "must not exceed T (" + t + ")");
      }
      double m = spend < 0 ? 0 : number(cell(cells, spend, names.get(3)), names.get(3));
      return new RepeatBuyingSummary(customer, x, tx, t, m, 0);
    }

    private static String cell(List<String> cells, int index, String column) {
      String value = index < cells.size() ? cells.get(index).trim() : "";
      if (value.isEmpty()) {
        throw new InvalidFieldException(column, null, "must not be blank");
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
}
