package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.presence.ChannelPresence;
import org.engagement.core.presence.ColumnarPresence;
import org.engagement.core.presence.OverlapMatrix;
import org.engagement.core.presence.PresenceCount;
import org.engagement.core.presence.PresenceReport;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.html.Html;
import org.engagement.report.internal.analysis.TopChannels;
import org.engagement.report.internal.chart.BarChart;
import org.engagement.report.internal.chart.HeatMap;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Where the customers are ({@link ChannelPresence}) over the whole input, from the first interaction to
 * just after the last: per channel, how many customers were active there (split into buyers and
 * prospects), and how many were active on both of two channels.
 *
 * <p>The overlap is a matrix over the channels, so with many channels it would grow with their square. The
 * section therefore shows the 20 channels with the most active customers one by one and groups the others
 * into one channel, "other channels (k)", on which a customer active on any of them counts once; the overlap
 * matrix is then at most 21 by 21 whatever the input.
 *
 * <p>Immutable and thread-safe.
 *
 * @param report the presence report, over the channels shown and the grouped one
 * @param others the channel that groups the channels not shown one by one, or {@code null} if every channel
 *     is shown
 * @param grouped how many channels {@code others} groups; 0 without it
 * @since 0.1.0
 */
public record PresenceSection(PresenceReport report, @Nullable Channel others, int grouped)
    implements ReportSection {
  /** The id of this section. */
  public static final String ID = "presence";

  /**
   * Requires the report and a consistent grouping.
   *
   * @throws InvalidFieldException if {@code grouped} is negative, or positive without {@code others}
   */
  public PresenceSection {
    requireNonNull(report, "report");
    if (grouped < 0 || (grouped > 0) != (others != null)) {
      throw new InvalidFieldException("grouped", grouped, "must be positive with a grouping channel, else 0");
    }
  }

  /** A section that shows every channel of {@code report}. */
  public PresenceSection(PresenceReport report) {
    this(report, null, 0);
  }

  /** The builder of this section. */
  public static SectionBuilder builder() {
    return WithoutJourneys.of(ID, PresenceSection::of);
  }

  /**
   * The section for {@code analysis}: one columnar pass over its interactions ({@link ColumnarPresence}), the
   * channels ranked by their active customers, the ones not shown counted as one.
   */
  public static ReportSection of(Analysis analysis) {
    InteractionColumns interactions = analysis.interactions();
    if (interactions.isEmpty()) {
      return ReportSection.notAvailable(ID, "Channel presence and overlap", "no interactions in the input");
    }
    Instant from = interactions.earliest().orElseThrow();
    ColumnarPresence presence =
        ColumnarPresence.of(interactions, from, analysis.asOf().plusNanos(1), ConversionRule.purchases());
    List<Channel> channels = presence.channels();
    Set<Channel> shown = new HashSet<>(TopChannels.shown(channels, presence::active));
    if (shown.size() == channels.size()) {
      return new PresenceSection(presence.report());
    }
    int grouped = channels.size() - shown.size();
    Channel others = othersChannel(channels, grouped);
    return new PresenceSection(presence.report(c -> shown.contains(c) ? c : others), others, grouped);
  }

  /** The channel standing for the {@code grouped} channels not shown, with an id no channel has. */
  private static Channel othersChannel(List<Channel> channels, int grouped) {
    Set<String> ids = new HashSet<>();
    channels.forEach(c -> ids.add(c.id()));
    String id = TopChannels.others(grouped);
    while (ids.contains(id)) {
      id = id + "*";
    }
    return Channel.of(id, TopChannels.others(grouped), ChannelGroup.UNASSIGNED);
  }

  /** The channels of the report, the grouped one last. */
  private List<PresenceCount<Channel>> rows() {
    List<PresenceCount<Channel>> rows = new ArrayList<>(report.channels());
    rows.sort(Comparator.comparing((PresenceCount<Channel> c) -> c.key().equals(others))
        .thenComparing(c -> c.key().displayName()).thenComparing(c -> c.key().id()));
    return rows;
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
    html.paragraph(NumberText.count(report.activeAnywhere()) + " of " + NumberText.count(report.known())
        + " customers were active on some channel.");
    if (others != null) {
      html.paragraph("note", "The " + TopChannels.SHOWN + " channels with the most active customers are shown one "
          + "by one; the other " + grouped + " are grouped as \u201c" + others.displayName() + "\u201d, where a "
          + "customer active on any of them counts once.");
    }
    List<PresenceCount<Channel>> channels = rows();
    html.chart("Customers active per channel: buyers (dark) and prospects (light) in the channel's colour, most "
        + "buyers first",
        new BarChart("Customers active per channel",
        channels.stream().map(c -> c.key().displayName()).toList(), List.of(
            new BarChart.Series("buyers", channels.stream().map(c -> (double) c.customers()).toList()),
            new BarChart.Series("prospects", channels.stream().map(c -> (double) c.prospects()).toList())))
            .sortedByValue().withColours(html.channelColours()));
    List<List<String>> rows = new ArrayList<>();
    for (PresenceCount<Channel> c : channels) {
      rows.add(List.of(c.key().displayName(), c.key().equals(others) ? "mixed" : c.key().group().displayName(),
          NumberText.count(c.active()), NumberText.count(c.customers()), NumberText.count(c.prospects()),
          NumberText.percent(c.activeShare())));
    }
    html.table("Presence per channel", List.of("channel", "group", "active", "buyers", "prospects", "share of customers"), rows);
    OverlapMatrix<Channel> overlap = report.channelOverlap();
    List<List<Double>> shares = new ArrayList<>();
    List<List<String>> counts = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    channels.forEach(c -> order.add(overlap.keys().indexOf(c.key())));
    order.removeIf(k -> k < 0);
    for (int i : order) {
      List<Double> shareRow = new ArrayList<>();
      List<String> countRow = new ArrayList<>();
      for (int j : order) {
        int own = overlap.count(i, i);
        shareRow.add(own == 0 ? 0.0 : (double) overlap.count(i, j) / own);
        countRow.add(NumberText.count(overlap.count(i, j)));
      }
      shares.add(shareRow);
      counts.add(countRow);
    }
    List<String> names = order.stream().map(k -> overlap.keys().get(k).displayName()).toList();
    html.chart("Channel overlap: customers active on both channels (the diagonal: on the channel at all); "
        + "the darker, the larger the share of the row channel's customers also on the column channel",
        new HeatMap("Channel overlap", names, names, shares, counts).withColours(html.channelColours()));
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add(NumberText.count(report.activeAnywhere()) + " of " + NumberText.count(report.known())
        + " customers active; by channel:");
    StringBuilder line = new StringBuilder(" ");
    report.channels().stream()
        .sorted(java.util.Comparator.comparingInt((PresenceCount<Channel> c) -> c.active()).reversed())
        .forEach(c -> line.append(' ').append(c.key().displayName()).append(' ')
            .append(NumberText.count(c.active())).append(','));
    lines.add(line.toString().replaceAll(",$", ""));
    return lines;
  }
}
