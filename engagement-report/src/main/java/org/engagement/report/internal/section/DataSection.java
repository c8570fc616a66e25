package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.Rejection;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.html.Html;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * What was analysed: the source, the import's account of every record (rejected ones listed with their
 * reasons, up to {@value #LISTED}), how many customers and buyers, the as-of date, the value currency
 * and which optional files were found.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source where the data came from
 * @param importReport the import's account
 * @param customers customers seen
 * @param buyers customers with a purchase
 * @param asOf the as-of date
 * @param currency the value currency code, or "none" without purchase values
 * @param otherCurrencyPurchases purchases left out of value figures for their currency
 * @param files the optional files found
 * @since 0.1.0
 */
public record DataSection(String source, ImportReport importReport, int customers, int buyers, LocalDate asOf,
    String currency, long otherCurrencyPurchases, List<String> files, List<String> channels)
    implements ReportSection {
  /** The id of this section. */
  public static final String ID = "data";
  /** How many rejected records the page lists. */
  public static final int LISTED = 20;

  /** Requires every part and copies the list. */
  public DataSection {
    requireNonNull(source, "source");
    requireNonNull(importReport, "importReport");
    requireNonNull(asOf, "asOf");
    requireNonNull(currency, "currency");
    files = List.copyOf(files);
    channels = List.copyOf(channels);
  }

  /** The builder of this section. */
  public static SectionBuilder builder() {
    return WithoutJourneys.of(ID, DataSection::of);
  }

  /** The section for {@code analysis}. */
  public static DataSection of(Analysis analysis) {
    AnalysisInput input = analysis.input();
    return new DataSection(input.source(), input.importReport(), analysis.profiles().size(),
        analysis.buyers().size(), analysis.asOfDate(),
        analysis.currency().map(c -> c.getCurrencyCode()).orElse("none"), analysis.otherCurrencyPurchases(),
        List.copyOf(input.files().keySet()), analysis.channelNames().values().stream().distinct().sorted().toList());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Data";
  }

  @Override
  public void writeHtml(Html html) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("source", source);
    figures.put("records read", NumberText.count(importReport.read()));
    figures.put("accepted", NumberText.count(importReport.accepted()));
    figures.put("rejected", NumberText.count(importReport.rejected()));
    figures.put("duplicates", NumberText.count(importReport.duplicates()));
    figures.put("customers", NumberText.count(customers));
    figures.put("buyers", NumberText.count(buyers));
    figures.put("as of", asOf.toString());
    figures.put("currency", currency);
    html.figures(figures);
    html.paragraph("note", "Optional files found: " + (files.isEmpty() ? "none" : String.join(", ", files))
        + ". Conversions are purchases; figures are as of the latest interaction; dates are UTC.");
    if (otherCurrencyPurchases > 0) {
      html.paragraph("warning", otherCurrencyPurchases + " purchases in another currency than " + currency
          + " are left out of the value figures.");
    }
    List<Rejection> rejections = importReport.rejections();
    if (!rejections.isEmpty()) {
      List<List<String>> rows = rejections.stream().limit(LISTED).map(r -> List.of(r.toString())).toList();
      html.table("Rejected and duplicate records" + (rejections.size() > LISTED ? " (first " + LISTED + ")" : ""),
          List.of("record and reason"), rows);
    }
    importReport.failureReason().ifPresent(reason -> html.paragraph("warning", "The import stopped early: " + reason));
  }

  @Override
  public List<String> summary() {
    return List.of(readSummary(importReport), NumberText.count(customers) + " customers, "
        + NumberText.count(buyers) + " buyers, as of " + asOf + ", values in " + currency);
  }

  /**
   * The account of one file read, as {@link ImportReport#summary()} words it but with the page's thousands
   * separators: {@code csv: read 27,050, accepted 27,050, rejected 0, duplicates 0}. Core's own summary stays
   * plain, for the programs that parse it.
   */
  public static String readSummary(ImportReport read) {
    return read.source() + ": read " + NumberText.count(read.read()) + ", accepted "
        + NumberText.count(read.accepted()) + ", rejected " + NumberText.count(read.rejected()) + ", duplicates "
        + NumberText.count(read.duplicates()) + read.failureReason().map(f -> ", stopped early: " + f).orElse("");
  }
}
