package org.engagement.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.presence.ChannelPresence;
import org.engagement.core.presence.OverlapMatrix;
import org.engagement.core.presence.PresenceCount;
import org.engagement.core.presence.PresenceReport;

/**
 * Where the customers are ({@link ChannelPresence}) over the whole input, from the first interaction to
 * just after the last: per channel, how many customers were active there (split into buyers and
 * prospects), and how many were active on both of two channels.
 *
 * <p>Immutable and thread-safe.
 *
 * @param report the presence report
 * @since 0.1.0
 */
public record PresenceSection(PresenceReport report) implements ReportSection {
  /** The id of this section. */
  public static final String ID = "presence";

  /** Requires the report. */
  public PresenceSection {
    requireNonNull(report, "report");
  }

  /** The builder of this section. */
  public static SectionBuilder builder() {
    return SectionBuilder.of(ID, PresenceSection::of);
  }

  /** The section for {@code analysis}. */
  public static ReportSection of(Analysis analysis) {
    List<Interaction> interactions = analysis.input().interactions();
    if (interactions.isEmpty()) {
      return ReportSection.notAvailable(ID, "Channel presence and overlap", "no interactions in the input");
    }
    Instant from = interactions.stream().map(Interaction::timestamp).min(Instant::compareTo).orElseThrow();
    ChannelPresence presence = ChannelPresence.of(from, analysis.asOf().plusNanos(1), ConversionRule.purchases());
    return new PresenceSection(presence.addAll(interactions).report());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Channel presence and overlap";
  }

  @Override
  public void writeHtml(Html html) {
    html.paragraph(report.activeAnywhere() + " of " + report.known() + " customers were active on some channel.");
    html.chart("Customers active per channel: buyers and prospects", new BarChart("Customers active per channel",
        report.channels().stream().map(c -> c.key().displayName()).toList(), List.of(
            new BarChart.Series("buyers", report.channels().stream().map(c -> (double) c.customers()).toList()),
            new BarChart.Series("prospects", report.channels().stream().map(c -> (double) c.prospects()).toList()))));
    List<List<String>> rows = new ArrayList<>();
    for (PresenceCount<Channel> c : report.channels()) {
      rows.add(List.of(c.key().displayName(), c.key().group().displayName(), Integer.toString(c.active()),
          Integer.toString(c.customers()), Integer.toString(c.prospects()), NumberText.percent(c.activeShare())));
    }
    html.table("Presence per channel", List.of("channel", "group", "active", "buyers", "prospects", "share of customers"), rows);
    OverlapMatrix<Channel> overlap = report.channelOverlap();
    List<List<Double>> shares = new ArrayList<>();
    List<List<String>> counts = new ArrayList<>();
    for (int i = 0; i < overlap.size(); i++) {
      List<Double> shareRow = new ArrayList<>();
      List<String> countRow = new ArrayList<>();
      for (int j = 0; j < overlap.size(); j++) {
        int own = overlap.count(i, i);
        shareRow.add(own == 0 ? 0.0 : (double) overlap.count(i, j) / own);
        countRow.add(Integer.toString(overlap.count(i, j)));
      }
      shares.add(shareRow);
      counts.add(countRow);
    }
    List<String> names = overlap.keys().stream().map(Channel::displayName).toList();
    html.chart("Channel overlap: customers active on both channels (the diagonal: on the channel at all); "
        + "the darker, the larger the share of the row channel's customers also on the column channel",
        new HeatMap("Channel overlap", names, names, shares, counts));
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add(report.activeAnywhere() + " of " + report.known() + " customers active; by channel:");
    StringBuilder line = new StringBuilder(" ");
    report.channels().stream()
        .sorted(java.util.Comparator.comparingInt((PresenceCount<Channel> c) -> c.active()).reversed())
        .forEach(c -> line.append(' ').append(c.key().displayName()).append(' ').append(c.active()).append(','));
    lines.add(line.toString().replaceAll(",$", ""));
    return lines;
  }
}
