package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.engagement.core.funnel.ColumnarFunnel;
import org.engagement.core.funnel.FunnelCounts;
import org.engagement.core.funnel.FunnelDefinition;
import org.engagement.core.funnel.FunnelReport;
import org.engagement.core.funnel.StageTransition;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.html.Html;
import org.engagement.report.internal.chart.FunnelChart;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * The funnel of {@link FunnelDefinition#defaults()} (touch, lead, opportunity, customer): how many
 * customers reached each stage, the conversion and median time between stages, and the same per channel
 * of first touch.
 *
 * <p>Immutable and thread-safe.
 *
 * @param report the funnel report over every interaction
 * @since 0.1.0
 */
public record FunnelSection(FunnelReport report) implements ReportSection {
  /** The id of this section. */
  public static final String ID = "funnel";

  /** Requires the report. */
  public FunnelSection {
    requireNonNull(report, "report");
  }

  /** The builder of this section. */
  public static SectionBuilder builder() {
    return WithoutJourneys.of(ID, FunnelSection::of);
  }

  /** The section for {@code analysis}. */
  public static ReportSection of(Analysis analysis) {
    if (analysis.input().interactions().isEmpty()) {
      return ReportSection.notAvailable(ID, "Funnel", "no interactions in the input");
    }
    return new FunnelSection(ColumnarFunnel.report(FunnelDefinition.defaults(), analysis.interactions()));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Funnel";
  }

  @Override
  public void writeHtml(Html html) {
    FunnelCounts overall = report.overall();
    html.chart("Customers reaching each stage (a later stage implies the earlier ones)",
        new FunnelChart(overall.stages(), overall.reached()));
    List<List<String>> rows = new ArrayList<>();
    for (StageTransition t : overall.transitions()) {
      rows.add(List.of(t.from() + " \u2192 " + t.to(), NumberText.count(t.fromCount()), NumberText.count(t.toCount()),
          NumberText.percent(t.conversionRate()),
          t.medianTime() == null ? "-" : NumberText.number(t.medianTime().toHours() / 24.0, 1) + " days"));
    }
    html.table("Stage to stage", List.of("transition", "from", "to", "conversion", "median time"), rows);
    List<String> header = new ArrayList<>();
    header.add("first touch");
    header.addAll(overall.stages());
    List<List<String>> byChannel = new ArrayList<>();
    List<FunnelReport.ByChannel> firstTouch = new ArrayList<>(report.byFirstTouch());
    firstTouch.sort(java.util.Comparator.comparing((FunnelReport.ByChannel row) -> row.channel().displayName())
        .thenComparing(row -> row.channel().id()));
    for (FunnelReport.ByChannel row : firstTouch) {
      List<String> cells = new ArrayList<>();
      cells.add(row.channel().displayName());
      row.counts().reached().forEach(n -> cells.add(NumberText.count(n)));
      byChannel.add(cells);
    }
    html.table("Customers reaching each stage, by channel of first touch", header, byChannel);
  }

  @Override
  public List<String> summary() {
    FunnelCounts overall = report.overall();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < overall.stages().size(); i++) {
      line.append(i == 0 ? "" : " -> ").append(overall.stages().get(i)).append(' ')
          .append(NumberText.count(overall.reached(i)));
    }
    return List.of(line.toString());
  }
}
