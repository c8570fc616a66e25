package org.engagement.clv.summary;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.NumberSyntax;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * Reads repeat-buying summaries from CSV, one customer per row, in either layout of the published CDNOW
 * summary files.
 *
 * <table>
 *   <caption>Layouts (column names case-insensitive, any order, other columns ignored)</caption>
 *   <tr><th>layout</th><th>x</th><th>t_x</th><th>T</th><th>mean repeat spend (optional)</th>
 *       <th>customer id (optional)</th><th>holdout purchases (optional)</th></tr>
 *   <tr><td>lifetimes / PyMC-Marketing</td><td>{@code frequency}</td><td>{@code recency}</td>
 *       <td>{@code T}</td><td>{@code monetary_value}</td><td>{@code ID}, {@code customer_id}</td>
 *       <td>{@code holdout_frequency}</td></tr>
 *   <tr><td>BTYD / Fader-Hardie</td><td>{@code x}</td><td>{@code t_x}</td><td>{@code T}</td>
 *       <td>{@code zbar}</td><td>{@code ID}, {@code cust}, {@code customer_id}</td>
 *       <td>{@code holdout_frequency}</td></tr>
 * </table>
 *
 * <p>The file follows the {@linkplain org.engagement.core.ingest.csv reading policy} of every CSV reader of the
 * SDK (one header, no column named twice, every row with the header's number of fields, no control characters,
 * numbers in ASCII digits, field and record limits). Each row must lie in the domain of the models it feeds, so
 * that a bad customer is rejected here, naming its line and column, and never reaches the likelihood:
 * <ul>
 *   <li>{@code x} is a whole number of repeat purchases from 0 to 2147483647 ({@code 2} or {@code 2.0});</li>
 *   <li>{@code t_x} and {@code T} are finite numbers not below 0 with {@code t_x <= T}, in whatever unit the
 *       file was made in (the CDNOW files use weeks: the caller knows and says so to the model);</li>
 *   <li>{@code t_x > 0} when {@code x > 0} (a repeat purchase comes after the first) and {@code t_x = 0} when
 *       {@code x = 0};</li>
 *   <li>the mean spend is a finite number not below 0 (0 when the column is absent); for the spend model
 *       ({@link Domain#SPEND}) it must be above 0 for every customer with {@code x > 0};</li>
 *   <li>the holdout frequency, when the file has the column, is a whole number from 0 to 2147483647 like
 *       {@code x}: the customer's purchases (distinct purchase days, as {@code x} counts them) in a holdout
 *       period that follows the calibration period ending at {@code T}. It is what a {@linkplain
 *       org.engagement.clv.prediction.HoldoutCheck holdout check} compares a model fitted on the other columns
 *       with (Fader, Hardie and Lee 2005, Sec. 7); the file does not say how long the holdout is, so whoever
 *       checks must know and say it.</li>
 * </ul>
 * A row without an id gets its record number as id. The holdout frequency is 0 when the column is absent
 * ({@link Result#hasHoldout()} tells the two apart).
 *
 * <p>Every bad row is rejected with its position and reason and the others are kept: {@code read ==
 * accepted + rejected} in the report. An empty file, a header without either layout or naming a column twice is
 * an {@link InvalidSourceException}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class SummaryCsvReader {
  private static final List<String> LIFETIMES = List.of("frequency", "recency", "t", "monetary_value");
  private static final List<String> BTYD = List.of("x", "t_x", "t", "zbar");
  private static final List<String> IDS = List.of("id", "customer_id", "cust");
  private static final String HOLDOUT = "holdout_frequency";

  /**
   * Which models the summaries feed, and so which rows are in their domain.
   *
   * @since 0.1.0
   */
  public enum Domain {
    /** The repeat-buying models (BG/NBD, MBG/NBD, Pareto/NBD): the rules of the class comment. */
    REPEAT_BUYING,
    /**
     * The Gamma-Gamma spend model: the repeat-buying rules, and a mean spend above 0 for every customer with a
     * repeat purchase (a file without a spend column has nothing to check; {@link Result#hasMeanSpend()} says so).
     */
    SPEND
  }

  private SummaryCsvReader() {}

  /**
   * The summaries read, in file order, with the report of every row.
   *
   * @param summaries the accepted rows; as many as {@code report.accepted()}
   * @param report what was read, accepted and rejected, and why
   * @param hasMeanSpend whether the file has a mean-spend column
   * @param hasHoldout whether the file has a {@code holdout_frequency} column, so that each summary's {@link
   *     RepeatBuyingSummary#holdoutFrequency()} is read, not the 0 of a file without one
   * @since 0.1.0
   */
  public record Result(List<RepeatBuyingSummary> summaries, ImportReport report, boolean hasMeanSpend,
      boolean hasHoldout) {

    /** Copies the list and checks it against the report. */
    public Result {
      summaries = List.copyOf(summaries);
      requireNonNull(report, "report");
      if (summaries.size() != report.accepted()) {
        throw new IllegalArgumentException("summaries (" + summaries.size()
            + ") must be as many as accepted rows (" + report.accepted() + ")");
      }
    }

    /**
     * The result of a file without a holdout column: the form of this record before the column was read.
     *
     * @since 0.1.0
     */
    public Result(List<RepeatBuyingSummary> summaries, ImportReport report, boolean hasMeanSpend) {
      this(summaries, report, hasMeanSpend, false);
    }
  }

  /**
   * Reads every row of {@code input} (closed at the end) for the repeat-buying models; {@code source} names it
   * in the report.
   *
   * @throws InvalidSourceException if the input is empty, the header names neither layout or a column twice,
   *     or the text cannot be read to its end
   * @throws IOException if reading fails
   */
  public static Result read(Reader input, String source) throws IOException {
    return read(input, source, Domain.REPEAT_BUYING);
  }

  /**
   * Reads every row of {@code input} (closed at the end) for the models of {@code domain}.
   *
   * @throws InvalidSourceException if the input is empty, the header names neither layout or a column twice,
   *     or the text cannot be read to its end
   * @throws IOException if reading fails
   */
  public static Result read(Reader input, String source, Domain domain) throws IOException {
    return read(CsvRows.open(requireNonNull(input, "input")), source, domain);
  }

  /**
   * Reads every row of the UTF-8 bytes {@code input} (closed at the end) for the models of {@code domain}; a
   * row holding bytes that are not UTF-8 is rejected with their byte offset.
   *
   * @throws InvalidSourceException if the input is empty or the header names neither layout or a column twice
   * @throws IOException if reading fails
   */
  public static Result read(InputStream input, String source, Domain domain) throws IOException {
    return read(CsvRows.open(requireNonNull(input, "input"), ',', CsvPolicy.defaults()), source, domain);
  }

  /**
   * Reads every row of {@code rows} (closed at the end), whatever its limits, for the models of {@code domain}.
   *
   * @throws InvalidSourceException if the input is empty, the header names neither layout or a column twice,
   *     or the text cannot be read to its end
   * @throws IOException if reading fails
   */
  public static Result read(CsvRows rows, String source, Domain domain) throws IOException {
    requireNonNull(rows, "rows");
    requireNonNull(source, "source");
    requireNonNull(domain, "domain");
    CsvImport<RepeatBuyingSummary> read = CsvTable.read(rows, source, SummaryCsvReader::checkHeader,
        row -> parse(row, row.has(LIFETIMES.get(0)) ? LIFETIMES : BTYD, domain));
    List<String> names = read.columns().contains(LIFETIMES.get(0)) ? LIFETIMES : BTYD;
    return new Result(read.values(), read.report(), read.columns().contains(names.get(3)),
        read.columns().contains(HOLDOUT));
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

  private static RepeatBuyingSummary parse(CsvTable.Row row, List<String> names, Domain domain) {
    String id = IDS.stream().filter(row::has).findFirst().map(column -> cell(row, column, "id"))
        .orElse(Long.toString(row.position().record()));
    String xColumn = names.get(0);
    String txColumn = names.get(1);
    int x = (int) NumberSyntax.whole(xColumn, cell(row, xColumn, xColumn), 0, Integer.MAX_VALUE);
    double tx = time(row, txColumn, txColumn);
    double t = time(row, "t", "T");
    if (tx > t) {
      throw new InvalidFieldException(txColumn, row.get(txColumn), "must not exceed T (" + row.get("t") + ")");
    }
    if (x > 0 && tx == 0) {
      throw new InvalidFieldException(txColumn, row.get(txColumn), "must be above 0 when " + xColumn
          + " is above 0: a repeat purchase comes after the first");
    }
    if (x == 0 && tx > 0) {
      throw new InvalidFieldException(txColumn, row.get(txColumn), "must be 0 when " + xColumn
          + " is 0: without a repeat purchase there is no time of the last one");
    }
    String spendColumn = names.get(3);
    double m = row.has(spendColumn) ? spend(row, spendColumn, x, domain) : 0;
    int holdout = row.has(HOLDOUT) ? (int) NumberSyntax.whole(HOLDOUT, cell(row, HOLDOUT, HOLDOUT), 0,
        Integer.MAX_VALUE) : 0;
    return new RepeatBuyingSummary(id, x, tx, t, m, holdout);
  }

  private static double time(CsvTable.Row row, String column, String field) {
    return NumberSyntax.number(field, cell(row, column, field), 0, Double.POSITIVE_INFINITY);
  }

  private static double spend(CsvTable.Row row, String column, int x, Domain domain) {
    double m = NumberSyntax.number(column, cell(row, column, column), 0, Double.POSITIVE_INFINITY);
    if (domain == Domain.SPEND && x > 0 && m == 0) {
      throw new InvalidFieldException(column, row.get(column), "must be above 0 when the customer has repeat "
          + "purchases: the spend model needs a positive mean spend");
    }
    return m;
  }

  private static String cell(CsvTable.Row row, String column, String field) {
    String value = row.get(column);
    if (value.isEmpty()) {
      throw new InvalidFieldException(field, value, "must not be blank");
    }
    return value;
  }
}
