package org.engagement.clv.model;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.NumberSyntax;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * Reads discrete-time histories, the BG/BB model's input, from CSV: one row per history {@code (x, t_x, n)} with
 * an optional count of the customers who share it, as the published donations file of Fader, Hardie and Shang
 * (2010) is laid out.
 *
 * <table>
 *   <caption>Layouts (column names case-insensitive, any order, other columns ignored)</caption>
 *   <tr><th>layout</th><th>x</th><th>t_x</th><th>n</th><th>customers (optional, default 1)</th></tr>
 *   <tr><td>lifetimes</td><td>{@code frequency}</td><td>{@code recency}</td><td>{@code periods}</td>
 *       <td>{@code weights}</td></tr>
 *   <tr><td>BTYD</td><td>{@code x}</td><td>{@code t_x}</td><td>{@code n}</td><td>{@code custs}</td></tr>
 * </table>
 *
 * <p>The file follows the {@linkplain org.engagement.core.ingest.csv reading policy} of every CSV reader of the
 * SDK. Each value is a whole number ({@code 2} or {@code 2.0}), and each row must be a history
 * ({@link DiscreteSummary}'s rules: {@code 0 <= x <= t_x <= n}, {@code x = 0} exactly when {@code t_x = 0}, at
 * least one customer); a bad row is rejected naming its line, column and rule, the others are kept ({@code read
 * == accepted + rejected}). An empty file or a header without either layout is an {@link InvalidSourceException}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class DiscreteSummaryCsvReader {
  private static final List<String> LIFETIMES = List.of("frequency", "recency", "periods", "weights");
  private static final List<String> BTYD = List.of("x", "t_x", "n", "custs");

  private DiscreteSummaryCsvReader() {}

  /**
   * The histories read, in file order, with the report of every row.
   *
   * @param summaries the accepted rows; as many as {@code report.accepted()}
   * @param report what was read, accepted and rejected, and why
   * @since 0.1.0
   */
  public record Result(List<DiscreteSummary> summaries, ImportReport report) {
    /** Copies the list. */
    public Result {
      summaries = List.copyOf(summaries);
      requireNonNull(report, "report");
    }
  }

  /**
   * Reads every row of the UTF-8 bytes {@code input} (closed at the end); {@code source} names it in the report.
   *
   * @throws InvalidSourceException if the input is empty or the header names neither layout or a column twice
   * @throws IOException if reading fails
   */
  public static Result read(InputStream input, String source) throws IOException {
    CsvRows rows = CsvRows.open(requireNonNull(input, "input"), ',', CsvPolicy.defaults());
    CsvImport<DiscreteSummary> read = CsvTable.read(rows, requireNonNull(source, "source"),
        DiscreteSummaryCsvReader::checkHeader, row -> parse(row, layout(row::has)));
    return new Result(read.values(), read.report());
  }

  /**
   * The layout of a header that has the columns {@code has} says it has: one whose three required columns are all
   * there (the lifetimes' if both are), else the one whose first column is there (its missing column is named in
   * the refusal). Deciding by the three, not by {@code frequency} alone, reads a BTYD file that also has a column
   * called {@code frequency} (another column, ignored, as the class promises) instead of refusing it.
   */
  private static List<String> layout(Predicate<String> has) {
    boolean lifetimes = complete(LIFETIMES, has) || (!complete(BTYD, has) && has.test(LIFETIMES.get(0)));
    return lifetimes ? LIFETIMES : BTYD;
  }

  private static boolean complete(List<String> layout, Predicate<String> has) {
    return layout.subList(0, 3).stream().allMatch(has);
  }

  private static void checkHeader(Set<String> columns, long line) {
    List<String> names = layout(columns::contains);
    for (String required : names.subList(0, 3)) {
      if (!columns.contains(required)) {
        throw new InvalidSourceException("the header on line " + line + " lacks the column '" + required
            + "'; required: frequency,recency,periods[,weights] or x,t_x,n[,custs]");
      }
    }
  }

  private static DiscreteSummary parse(CsvTable.Row row, List<String> names) {
    int x = (int) whole(row, names.get(0), Integer.MAX_VALUE);
    int tx = (int) whole(row, names.get(1), Integer.MAX_VALUE);
    int n = (int) whole(row, names.get(2), Integer.MAX_VALUE);
    long customers = row.has(names.get(3)) ? whole(row, names.get(3), Long.MAX_VALUE) : 1;
    if (tx > n) {
      throw new InvalidFieldException(names.get(1), row.get(names.get(1)),
          "must not exceed " + names.get(2) + " (" + row.get(names.get(2)) + ")");
    }
    if (x > tx || (x == 0) != (tx == 0)) {
      throw new InvalidFieldException(names.get(0), row.get(names.get(0)),
          "must be at most " + names.get(1) + " (" + row.get(names.get(1)) + "), and 0 exactly when it is 0");
    }
    if (customers < 1) {
      throw new InvalidFieldException(names.get(3), row.get(names.get(3)), "must be at least 1");
    }
    return new DiscreteSummary(x, tx, n, customers);
  }

  private static long whole(CsvTable.Row row, String column, long max) {
    String value = row.get(column);
    if (value.isEmpty()) {
      throw new InvalidFieldException(column, value, "must not be blank");
    }
    return NumberSyntax.whole(column, value, 0, max);
  }
}
