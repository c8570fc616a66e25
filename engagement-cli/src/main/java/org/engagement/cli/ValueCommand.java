package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.NumberSyntax;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Timestamps;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;
import org.engagement.core.profile.Buyer;
import org.engagement.core.profile.Purchases;
import org.engagement.core.value.ValueConcentration;
import org.engagement.core.value.rfm.RfmSegment;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engagement value --transactions FILE [--as-of DATE]}: value concentration and RFM segment sizes
 * of a transactions CSV, printed as CSV {@code metric,value}.
 *
 * <p>Input: UTF-8 CSV with a header row naming {@code customer_id}, {@code timestamp} and {@code amount}
 * (any order, case ignored; other columns are ignored; read under the library's {@linkplain
 * org.engagement.core.ingest.csv reading policy}: no column named twice, every row with the header's number of
 * fields). {@code timestamp} is an ISO-8601 date
 * ({@code 2024-03-01} or {@code 20240301}) or a date-time with offset ({@code 2024-03-01T10:15:30Z});
 * date-times count on their UTC date; a local date-time without offset is refused as ambiguous.
 * {@code amount} is a decimal number in ASCII digits, not negative. Each row is one purchase. A bad row is reported on
 * standard error with its line and reason, counted in {@code rejected_rows}, and left out; a row dated
 * after {@code --as-of} is counted in {@code excluded_after_as_of} and left out.
 *
 * <p>Per customer ({@link Purchases}): value and RFM monetary value are the total amount; frequency is the
 * number of rows; recency is the days from the last purchase date to the as-of date (default: the latest
 * purchase date in the file). RFM scores and segments are those of {@link Purchases#rfm} and {@link
 * RfmSegment}.
 *
 * <p>Exit code 0 when every row was used, 1 when a row was rejected or the file could not be read, 2 on
 * a usage error.
 */
@Command(name = "value", mixinStandardHelpOptions = true,
    description = "Value concentration (top-k shares, Gini, the 80/20 check) and RFM segment sizes of a "
        + "transactions CSV customer_id,timestamp,amount.")
final class ValueCommand implements Callable<Integer> {
  private static final String[] COLUMNS = {"customer_id", "timestamp", "amount"};

  @Option(names = "--transactions", required = true,
      description = "the transactions CSV (UTF-8, header customer_id,timestamp,amount)")
  @SuppressWarnings("NullAway.Init")
  private Path transactions;

  @Option(names = "--as-of", description = "the date recency is measured at, ISO-8601 (default: the latest purchase date)")
  private @Nullable LocalDate asOf;

  private final Purchases.Builder purchases = Purchases.builder();
  private BigDecimal totalValue = BigDecimal.ZERO;
  private long accepted;
  private long rejected;
  private long excluded;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    try (InputStream csv = Files.newInputStream(transactions)) {
      read(csv, err);
    } catch (InvalidFieldException | InvalidSourceException | IOException e) {
      err.println("cannot read " + transactions + ": " + e.getMessage());
      return 1;
    }
    Purchases buyers = purchases.build();
    print(buyers);
    if (excluded > 0) {
      err.println(excluded + " rows dated after --as-of " + asOf + " were left out");
    }
    if (buyers.isEmpty()) {
      err.println("no valid transactions: nothing to measure");
      return 1;
    }
    return rejected > 0 ? 1 : 0;
  }

  /** One valid row. */
  private record Purchase(String customerId, LocalDate date, BigDecimal amount) {}

  private void read(InputStream input, PrintStream err) throws IOException {
    CsvImport<Purchase> rows = CsvTable.read(input, transactions.toString(), List.of(COLUMNS),
        row -> new Purchase(row.require(COLUMNS[0]), date(row.require(COLUMNS[1])),
            amount(row.require(COLUMNS[2]))));
    rows.report().rejections().forEach(rejection -> err.println(rejection.message(transactions.toString())));
    rejected = rows.report().rejected();
    if (rows.report().failureReason().isPresent()) {
      throw new InvalidSourceException(rows.report().failureReason().get());
    }
    rows.values().forEach(this::add);
  }

  private void add(Purchase purchase) {
    if (asOf != null && purchase.date().isAfter(asOf)) {
      excluded++;
      return;
    }
    purchases.add(purchase.customerId(), purchase.date(), purchase.amount().doubleValue());
    totalValue = totalValue.add(purchase.amount());
    accepted++;
  }

  private static LocalDate date(String text) {
    String s = text.strip();
    if (s.indexOf('T') < 0 && s.indexOf('t') < 0) {
      try {
        return LocalDate.parse(s, s.length() == 8 ? DateTimeFormatter.BASIC_ISO_DATE : DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeParseException e) {
        throw new InvalidFieldException("timestamp", text,
            "must be an ISO-8601 date (2024-03-01) or date-time with offset (2024-03-01T10:15:30Z)");
      }
    }
    return Timestamps.parseInstant("timestamp", s).atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static BigDecimal amount(String text) {
    BigDecimal amount = NumberSyntax.decimal("amount", text);
    if (amount.signum() < 0) {
      throw new InvalidFieldException("amount", text, "must not be negative");
    }
    if (!Double.isFinite(amount.doubleValue())) {
      throw new InvalidFieldException("amount", text, "is too large");
    }
    return amount;
  }

  private void print(Purchases buyers) {
    PrintStream out = System.out;
    out.println("metric,value");
    out.println("transactions," + accepted);
    out.println("rejected_rows," + rejected);
    out.println("excluded_after_as_of," + excluded);
    out.println("customers," + buyers.buyers().size());
    out.println("total_value," + totalValue.toPlainString());
    Optional<ValueConcentration> concentration = buyers.concentration();
    if (concentration.isEmpty()) {
      return;
    }
    LocalDate day = asOf != null ? asOf
        : buyers.buyers().stream().map(Buyer::lastPurchase).max(LocalDate::compareTo).orElseThrow();
    ValueConcentration c = concentration.get();
    out.println("as_of," + day);
    out.println("top_1pct_share," + number(c.topShare(0.01)));
    out.println("top_10pct_share," + number(c.topShare(0.10)));
    out.println("top_20pct_share," + number(c.topShare(0.20)));
    out.println("gini," + number(c.gini()));
    out.println("customer_share_for_80pct_value," + number(c.customerShareFor80PercentValue()));
    buyers.rfm(day).segmentCounts().forEach((segment, count) ->
        out.println("rfm_segment:" + segment.displayName() + "," + count));
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
