package org.engagement.clv.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.engagement.clv.summary.CdnowSampleReader;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryOptions;
import org.engagement.core.ingest.csv.CsvRows;

/**
 * The CDNOW files of Fader and Hardie in {@code src/test/resources/cdnow/} (copied from lifetimes @
 * 4f2833f4): the 2,357-customer summaries in weeks, calibration to 1997-09-30, holdout to 1998-06-30.
 */
final class CdnowFixtures {
  static final SummaryOptions CDNOW = SummaryOptions.of(PeriodUnit.WEEK, LocalDate.of(1997, 9, 30))
      .withObservationEnd(LocalDate.of(1998, 6, 30));

  private CdnowFixtures() {}

  /** {@code cdnow_customers_summary.csv} ({@code ID,frequency,recency,T}, rounded to 2 decimals), file order. */
  static List<RepeatBuyingSummary> summary() {
    List<RepeatBuyingSummary> out = new ArrayList<>();
    for (List<String> row : csv("cdnow_customers_summary.csv")) {
      out.add(new RepeatBuyingSummary(row.get(0), Integer.parseInt(row.get(1)),
          Double.parseDouble(row.get(2)), Double.parseDouble(row.get(3)), 0, 0));
    }
    return out;
  }

  /** {@code cdnow_customers_summary_with_transactions.csv} ({@code ID,x,t_x,T,zbar}), file order. */
  static List<RepeatBuyingSummary> summaryWithSpend() {
    List<RepeatBuyingSummary> out = new ArrayList<>();
    for (List<String> row : csv("cdnow_customers_summary_with_transactions.csv")) {
      out.add(new RepeatBuyingSummary(row.get(0), Integer.parseInt(row.get(1)),
          Double.parseDouble(row.get(2)), Double.parseDouble(row.get(3)), Double.parseDouble(row.get(4)), 0));
    }
    return out;
  }

  /** The summaries derived from {@code CDNOW_sample.txt}, with holdout counts (unrounded times). */
  static List<RepeatBuyingSummary> fromTransactions() {
    try (Reader in = resource("CDNOW_sample.txt")) {
      return RepeatBuyingSummaries.summarize(CdnowSampleReader.read(in), CDNOW);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader resource(String name) {
    InputStream in = Objects.requireNonNull(CdnowFixtures.class.getResourceAsStream("/cdnow/" + name), name);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static List<List<String>> csv(String name) {
    List<List<String>> rows = new ArrayList<>();
    try (CsvRows csv = CsvRows.open(resource(name))) {
      List<String> row = new ArrayList<>();
      csv.next(row);
      while (csv.next(row) >= 0) {
        rows.add(List.copyOf(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
