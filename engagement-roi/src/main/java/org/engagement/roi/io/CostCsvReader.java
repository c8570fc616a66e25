package org.engagement.roi.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;

/**
 * Reads costs from CSV: a header row, then one cost per row.
 *
 * <table>
 *   <caption>Columns (names case-insensitive, any order, other columns ignored, none named twice)</caption>
 *   <tr><th>column</th><th>required</th><th>content</th></tr>
 *   <tr><td>{@code month}</td><td>yes</td><td>ISO year-month, {@code 2024-03}</td></tr>
 *   <tr><td>{@code channel}</td><td>yes</td><td>the channel name attribution uses</td></tr>
 *   <tr><td>{@code amount}</td><td>yes</td><td>decimal, not negative, at most the currency's decimals</td></tr>
 *   <tr><td>{@code currency}</td><td>yes</td><td>ISO 4217 code; must be the investment's currency</td></tr>
 *   <tr><td>{@code owner}</td><td>no</td><td>the person or team responsible; blank means
 *       {@value Cost#UNASSIGNED}</td></tr>
 *   <tr><td>{@code segment}</td><td>no</td><td>the targeted segment; blank means all customers</td></tr>
 * </table>
 *
 * <p>The file follows the {@linkplain org.engagement.core.ingest.csv reading policy} of every CSV reader of the
 * SDK (UTF-8, every row with the header's number of fields, no control characters, numbers in ASCII digits,
 * field and record limits). A row that breaks a rule is rejected with its position and reason; the others
 * become costs.
 * Thread-safe: it holds no state.
 *
 * @since 0.1.0
 */
public final class CostCsvReader {
  private static final List<String> REQUIRED = List.of("month", "channel", "amount", "currency");

  private final Currency currency;

  private CostCsvReader(Currency currency) {
    this.currency = currency;
  }

  /** A reader of costs in {@code currency}; rows in another currency are rejected. */
  public static CostCsvReader inCurrency(Currency currency) {
    return new CostCsvReader(requireNonNull(currency, "currency"));
  }

  /**
   * Reads every row of {@code input} (closed at the end).
   *
   * @throws InvalidSourceException if the input is empty or its header lacks a required column
   * @throws IOException if reading fails
   */
  public CsvImport<Cost> read(Reader input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    return CsvTable.read(input, source, REQUIRED, this::cost);
  }

  /**
   * Reads every row of the UTF-8 bytes {@code input} (closed at the end); a row holding bytes that are not
   * UTF-8 is rejected with their byte offset.
   *
   * @throws InvalidSourceException if the input is empty or its header lacks a required column or names one
   *     twice
   * @throws IOException if reading fails
   */
  public CsvImport<Cost> read(InputStream input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    return CsvTable.read(input, source, REQUIRED, this::cost);
  }

  /** The investment made of the accepted costs of {@code costs}. */
  public Investment investment(CsvImport<Cost> costs) {
    return Investment.of(currency, costs.values());
  }

  private Cost cost(CsvTable.Row row) {
    YearMonth month = month(row.require("month"));
    Money amount = Money.parse(row.require("amount"), row.require("currency"));
    if (!amount.currency().equals(currency)) {
      throw new InvalidFieldException(
          "currency", amount.currency().getCurrencyCode(), "must be " + currency.getCurrencyCode());
    }
    String owner = row.get("owner");
    String segment = row.get("segment");
    return new Cost(month, row.require("channel"), owner.isEmpty() ? Cost.UNASSIGNED : owner,
        segment.isEmpty() ? null : segment, amount);
  }

  private static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("month", text, "must be an ISO year-month such as 2024-03");
    }
  }
}
