package org.engagement.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.profile.Buyer;
import org.engagement.core.profile.Purchases;
import org.engagement.core.value.ValueConcentration;
import org.engagement.core.value.rfm.RfmSegment;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
 * <p>{@code --format json} prints one JSON object instead: the same metrics by name, counts as numbers,
 * {@code total_value} as an exact decimal string, {@code as_of} as an ISO date, shares as exact doubles (not
 * rounded), and the RFM segment sizes in an object {@code rfm_segments} by segment name.
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

  /** The prefix of the CSV metrics that are RFM segment sizes. */
  private static final String RFM = "rfm_segment:";

  @Mixin
  private FormatOption format = new FormatOption();

  private final Purchases.Builder purchases = Purchases.builder();
  private BigDecimal totalValue = BigDecimal.ZERO;
  private long accepted;
  private long rejected;
  private long excluded;

  @Override
  public Integer call() throws Failure {
    boolean json = format.json();
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
    String printed = json ? json(metrics(buyers)) : csv(metrics(buyers));
    System.out.print(printed);
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

  /**
   * Every figure, computed before anything is printed so a failure cannot leave half an output: the CSV text
   * of each metric by name, in order, and its JSON value.
   */
  private Map<String, Metric> metrics(Purchases buyers) {
    Map<String, Metric> out = new LinkedHashMap<>();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    out.put("transactions", new Metric(Long.toString(accepted), nodes.numberNode(accepted)));
    out.put("rejected_rows", new Metric(Long.toString(rejected), nodes.numberNode(rejected)));
    out.put("excluded_after_as_of", new Metric(Long.toString(excluded), nodes.numberNode(excluded)));
    out.put("customers", new Metric(Integer.toString(buyers.buyers().size()), nodes.numberNode(buyers.buyers().size())));
    out.put("total_value", new Metric(totalValue.toPlainString(), nodes.textNode(totalValue.toPlainString())));
    Optional<ValueConcentration> concentration = buyers.concentration();
    if (concentration.isEmpty()) {
      return out;
    }
    LocalDate day = asOf != null ? asOf
        : buyers.buyers().stream().map(Buyer::lastPurchase).max(LocalDate::compareTo).orElseThrow();
    ValueConcentration c = concentration.get();
    out.put("as_of", new Metric(day.toString(), nodes.textNode(day.toString())));
    out.put("top_1pct_share", Metric.of(c.topShare(0.01)));
    out.put("top_10pct_share", Metric.of(c.topShare(0.10)));
    out.put("top_20pct_share", Metric.of(c.topShare(0.20)));
    out.put("gini", Metric.of(c.gini()));
    out.put("customer_share_for_80pct_value", Metric.of(c.customerShareFor80PercentValue()));
    buyers.rfm(day).segmentCounts().forEach((segment, count) ->
        out.put("rfm_segment:" + segment.displayName(), new Metric(Long.toString(count), nodes.numberNode(count))));
    return out;
  }

  /** The metrics as CSV {@code metric,value}; shares rounded to six decimals. */
  private static String csv(Map<String, Metric> metrics) {
    StringBuilder out = new StringBuilder("metric,value\n");
    metrics.forEach((name, metric) -> out.append(name).append(',').append(metric.csv()).append('\n'));
    return out.toString();
  }

  /**
   * The metrics as one JSON object: counts as numbers, {@code total_value} as an exact decimal string,
   * {@code as_of} as an ISO date, shares as exact doubles, and the RFM segment sizes in an object
   * {@code rfm_segments} by segment name.
   */
  private static String json(Map<String, Metric> metrics) throws Failure {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ObjectNode segments = JsonNodeFactory.instance.objectNode();
    metrics.forEach((name, metric) -> {
      if (name.startsWith(RFM)) {
        segments.set(name.substring(RFM.length()), metric.json());
      } else {
        json.set(name, metric.json());
      }
    });
    if (!segments.isEmpty()) {
      json.set("rfm_segments", segments);
    }
    try {
      return JsonOutput.text(json);
    } catch (IOException e) {
      throw Failure.failed("cannot write the metrics as JSON: " + e.getMessage(), e);
    }
  }

  /** One metric: its CSV text and its JSON value. */
  private record Metric(String csv, JsonNode json) {
    static Metric of(double share) {
      return new Metric(String.format(Locale.ROOT, "%.6f", share), JsonNodeFactory.instance.numberNode(share));
    }
  }
}
