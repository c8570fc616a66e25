package org.engagement.clv.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.engagement.core.ingest.csv.CsvRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transform from {@code CDNOW_sample.txt} reproduces Fader and Hardie's summary files {@code
 * cdnow_customers_summary.csv} ({@code ID,frequency,recency,T}) and {@code
 * cdnow_customers_summary_with_transactions.csv} ({@code ID,x,t_x,T,zbar}), both copied from lifetimes @
 * 4f2833f4 (see {@code src/test/resources/cdnow/README.md}); weeks, calibration to 1997-09-30, holdout to
 * 1998-06-30, values rounded to 2 decimals in the files.
 */
class CdnowTransformTest {
  private static final double ROUNDED = 0.005 + 1e-9;
  private static final SummaryOptions CDNOW = SummaryOptions.of(PeriodUnit.WEEK, LocalDate.of(1997, 9, 30))
      .withObservationEnd(LocalDate.of(1998, 6, 30));

  private static List<Transaction> transactions = List.of();
  private static Map<String, RepeatBuyingSummary> summaries = Map.of();

  private static Reader resource(String name) {
    InputStream in =
        Objects.requireNonNull(CdnowTransformTest.class.getResourceAsStream("/cdnow/" + name), name);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static List<List<String>> csv(String name) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CsvRows csv = CsvRows.open(resource(name))) {
      List<String> row = new ArrayList<>();
      csv.next(row); // header
      while (csv.next(row) >= 0) {
        rows.add(List.copyOf(row));
      }
    }
    return rows;
  }

  /**
   * {@code actual}, rounded half-up to 2 decimals, equals the file's {@code expected} exactly (the files
   * write {@code 0.0} or {@code 0.00}, so values are compared as decimals). Binary noise is removed first
   * (8 decimals): a mean of cents such as 36.27 / 2 is 18.135 in decimal, which the file rounds to 18.14,
   * but 18.134999... as a double.
   */
  private static void assertRounded(double actual, String expected, String what, List<String> row) {
    assertThat(actual).as(what, row).isCloseTo(Double.parseDouble(expected), within(ROUNDED));
    BigDecimal rounded =
        BigDecimal.valueOf(actual).setScale(8, RoundingMode.HALF_EVEN).setScale(2, RoundingMode.HALF_UP);
    assertThat(rounded).as(what, row).isEqualByComparingTo(new BigDecimal(expected));
  }

  @BeforeAll
  static void summarise() throws IOException {
    try (Reader in = resource("CDNOW_sample.txt")) {
      transactions = CdnowSampleReader.read(in);
    }
    Map<String, RepeatBuyingSummary> byId = new HashMap<>();
    for (RepeatBuyingSummary s : RepeatBuyingSummaries.summarize(transactions, CDNOW)) {
      byId.put(s.customerId(), s);
    }
    summaries = byId;
  }

  @Test
  void readsEveryRecord() {
    assertThat(transactions).hasSize(6919);
    assertThat(transactions.get(0)).isEqualTo(new Transaction("1", LocalDate.of(1997, 1, 1), 29.33));
    assertThat(transactions.stream().mapToDouble(Transaction::amount).sum())
        .isCloseTo(244_091.94, within(1e-6));
  }

  @Test
  void reproducesSummaryWithTransactions() throws IOException {
    List<List<String>> rows = csv("cdnow_customers_summary_with_transactions.csv");
    assertThat(rows).hasSize(2357);
    assertThat(summaries).hasSize(2357);
    for (List<String> row : rows) {
      RepeatBuyingSummary s = summaries.get(row.get(0));
      assertThat(s).as("customer %s", row.get(0)).isNotNull();
      assertThat(s.frequency()).as("x of %s", row.get(0)).isEqualTo(Integer.parseInt(row.get(1)));
      assertRounded(s.recency(), row.get(2), "t_x of %s", row);
      assertRounded(s.age(), row.get(3), "T of %s", row);
      assertRounded(s.meanSpend(), row.get(4), "zbar of %s", row);
    }
  }

  @Test
  void reproducesSummary() throws IOException {
    List<List<String>> rows = csv("cdnow_customers_summary.csv");
    assertThat(rows).hasSize(2357);
    for (List<String> row : rows) {
      RepeatBuyingSummary s = summaries.get(row.get(0));
      assertThat(s).as("customer %s", row.get(0)).isNotNull();
      assertThat(s.frequency()).as("frequency of %s", row).isEqualTo(Integer.parseInt(row.get(1)));
      assertRounded(s.recency(), row.get(2), "recency of %s", row);
      assertRounded(s.age(), row.get(3), "T of %s", row);
    }
  }

  /** Figures from the shared CDNOW README, "Facts about the data". */
  @Test
  void matchesTheDocumentedFacts() {
    assertThat(summaries.values().stream().mapToInt(RepeatBuyingSummary::frequency).sum()).isEqualTo(2457);
    assertThat(summaries.values().stream().filter(s -> s.frequency() == 0).count()).isEqualTo(1411);
    assertThat(summaries.values().stream().mapToInt(RepeatBuyingSummary::frequency).max()).hasValue(29);
    assertThat(summaries.values().stream().mapToInt(RepeatBuyingSummary::holdoutFrequency).sum())
        .isEqualTo(1882);
    assertThat(summaries.values().stream().filter(s -> s.frequency() == 0)
        .mapToInt(RepeatBuyingSummary::holdoutFrequency).sum()).isEqualTo(334);
    assertThat(summaries.get("1")).satisfies(s -> {
      assertThat(s.frequency()).isEqualTo(2);
      assertThat(s.age()).isEqualTo(272.0 / 7.0);
    });
  }

  /**
   * {@code cdnow_calibration_holdout.csv} ({@code ID,x,t_x,T,holdout_frequency}, derived from BTYD's {@code
   * cdnowElog.csv} outside this code, see the README beside it) read by {@link SummaryCsvReader} holds the same
   * customers as this transform of {@code CDNOW_sample.txt}: the same x and holdout purchases, t_x and T to
   * the file's 6 decimals. Two derivations from two copies of the event log agree.
   */
  @Test
  void theCalibrationHoldoutFileIsThisTransform() throws IOException {
    SummaryCsvReader.Result file = SummaryCsvReader.read(resource("cdnow_calibration_holdout.csv"), "holdout");
    assertThat(file.report().isClean()).isTrue();
    assertThat(file.hasHoldout()).isTrue();
    assertThat(file.summaries()).hasSize(2357);
    for (RepeatBuyingSummary row : file.summaries()) {
      RepeatBuyingSummary s = summaries.get(row.customerId());
      assertThat(s).as("customer %s", row.customerId()).isNotNull();
      assertThat(row.frequency()).as("x of %s", row.customerId()).isEqualTo(s.frequency());
      assertThat(row.holdoutFrequency()).as("holdout of %s", row.customerId()).isEqualTo(s.holdoutFrequency());
      assertThat(row.recency()).as("t_x of %s", row.customerId()).isCloseTo(s.recency(), within(5e-7 + 1e-12));
      assertThat(row.age()).as("T of %s", row.customerId()).isCloseTo(s.age(), within(5e-7 + 1e-12));
    }
  }

  @Test
  void compressionKeepsEveryCustomer() {
    List<WeightedSummary> rows = WeightedSummary.compress(summaries.values());
    assertThat(rows.stream().mapToLong(WeightedSummary::weight).sum()).isEqualTo(2357);
    assertThat(rows.size()).isLessThan(2357);
    assertThat(rows.stream().mapToLong(r -> r.frequency() * r.weight()).sum()).isEqualTo(2457);
  }
}
