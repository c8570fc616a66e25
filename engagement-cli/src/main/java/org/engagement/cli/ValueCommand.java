package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.engagement.core.ingest.ImportReport;
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
 * <p>Input ({@link TransactionReader}): UTF-8 CSV with a header row naming {@code customer_id},
 * {@code timestamp} and {@code amount} once each (any order, case ignored; other columns are ignored).
 * {@code timestamp} is an ISO-8601 date ({@code 2024-03-01} or {@code 20240301}) or a date-time with offset
 * ({@code 2024-03-01T10:15:30Z}); date-times count on their UTC date; a local date-time without offset is
 * refused as ambiguous. {@code amount} is a decimal number in ASCII digits, not negative, at most 10^15 with
 * at most 18 decimal places ({@link Amounts}). Each row is one purchase. A bad row is reported on standard
 * error as {@code file:line: column 'x' value 'v' is invalid: rule} (the first {@value
 * RejectionLines#SHOWN}, then a count), counted in {@code rejected_rows}, and left out; a row dated after
 * {@code --as-of} is counted in {@code excluded_after_as_of} and left out.
 *
 * <p>The file is read in one pass and each row is added to its customer's figures as it arrives: memory
 * grows with the number of customers, not of rows.
 *
 * <p>Per customer ({@link Purchases}): value and RFM monetary value are the total amount; frequency is the
 * number of rows; recency is the days from the last purchase date to the as-of date (default: the latest
 * purchase date in the file). RFM scores and segments are those of {@link Purchases#rfm} and {@link
 * RfmSegment}. {@code total_value} is the exact sum of the amounts.
 *
 * <p>Exit code 0 when every row was used; 1 when a row was rejected, the file could not be read (nothing is
 * printed then) or holds no valid transaction; 2 on a usage error.
 */
@Command(name = "value", mixinStandardHelpOptions = true,
    customSynopsis = "engagement value --transactions=FILE [--as-of=DATE]",
    description = "Value concentration (top-k shares, Gini, the 80/20 check) and RFM segment sizes of a "
        + "transactions CSV customer_id,timestamp,amount; prints CSV metric,value.",
    footerHeading = "%nExamples:%n",
    footer = {"  engagement value --transactions transactions.csv",
        "  engagement value --transactions transactions.csv \\",
        "      --as-of 2024-12-31"})
final class ValueCommand implements Callable<Integer>, TransactionReader.Sink {
  @Option(names = "--transactions", required = true, paramLabel = "FILE",
      description = "the transactions CSV (UTF-8, header customer_id,timestamp,amount)")
  @SuppressWarnings("NullAway.Init")
  private Path transactions;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "the date recency is measured at, ISO-8601 (default: the latest purchase date)")
  private @Nullable LocalDate asOf;

  private final Purchases.Builder purchases = Purchases.builder();
  private BigDecimal totalValue = BigDecimal.ZERO;
  private long accepted;
  private long rejected;
  private long excluded;

  @Override
  public Integer call() throws Failure {
    PrintStream err = System.err;
    ImportReport report;
    try (InputStream csv = InputFile.openBytes(transactions)) {
      report = new TransactionReader(transactions.toString(), this).read(csv);
    } catch (IOException e) {
      throw InputFile.cannotRead(transactions, e);
    }
    rejected = report.rejected();
    RejectionLines.print(transactions.toString(), report, err);
    Purchases buyers = purchases.build();
    System.out.print(metrics(buyers));
    if (excluded > 0) {
      err.println(excluded + " rows dated after --as-of " + asOf + " were left out");
    }
    if (buyers.isEmpty()) {
      throw Failure.failed("no valid transactions in " + transactions + ": nothing to measure");
    }
    return rejected > 0 ? Exit.FAILED : Exit.OK;
  }

  @Override
  public void purchase(String customerId, LocalDate date, BigDecimal amount) {
    if (asOf != null && date.isAfter(asOf)) {
      excluded++;
      return;
    }
    purchases.add(customerId, date, amount.doubleValue());
    totalValue = totalValue.add(amount);
    accepted++;
  }

  /** Every figure, computed before anything is printed so a failure cannot leave half an output. */
  private String metrics(Purchases buyers) {
    StringBuilder out = new StringBuilder();
    line(out, "metric", "value");
    line(out, "transactions", Long.toString(accepted));
    line(out, "rejected_rows", Long.toString(rejected));
    line(out, "excluded_after_as_of", Long.toString(excluded));
    line(out, "customers", Integer.toString(buyers.buyers().size()));
    line(out, "total_value", totalValue.toPlainString());
    Optional<ValueConcentration> concentration = buyers.concentration();
    if (concentration.isEmpty()) {
      return out.toString();
    }
    LocalDate day = asOf != null ? asOf
        : buyers.buyers().stream().map(Buyer::lastPurchase).max(LocalDate::compareTo).orElseThrow();
    ValueConcentration c = concentration.get();
    line(out, "as_of", day.toString());
    line(out, "top_1pct_share", number(c.topShare(0.01)));
    line(out, "top_10pct_share", number(c.topShare(0.10)));
    line(out, "top_20pct_share", number(c.topShare(0.20)));
    line(out, "gini", number(c.gini()));
    line(out, "customer_share_for_80pct_value", number(c.customerShareFor80PercentValue()));
    buyers.rfm(day).segmentCounts().forEach((segment, count) ->
        line(out, "rfm_segment:" + segment.displayName(), Long.toString(count)));
    return out.toString();
  }

  private static void line(StringBuilder out, String metric, String value) {
    out.append(metric).append(',').append(value).append('\n');
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
