package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.core.conversation.service.RetentionCount;
import org.engagement.core.conversation.service.RetentionGroups;
import org.engagement.core.conversation.service.ServiceReport;
import org.engagement.core.conversation.service.ServiceStats;
import org.engagement.core.conversation.voice.BrandVoice;
import org.engagement.core.conversation.voice.Brands;
import org.engagement.core.conversation.voice.ReputationIndex;
import org.engagement.core.conversation.voice.VoiceReport;
import org.engagement.core.conversation.voice.VoiceRow;
import org.engagement.core.domain.Channel;
import org.engagement.core.engagement.Trend;
import org.engagement.core.engagement.TrendRule;
import org.engagement.core.ingest.ImportReport;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.html.Html;
import org.engagement.report.internal.analysis.MessageFigures;
import org.engagement.report.internal.chart.BarChart;
import org.engagement.report.internal.chart.LineChart;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;
import org.engagement.roi.lift.LiftEstimate;
import org.jspecify.annotations.Nullable;

/**
 * What customers say on the social channels and how the company answers: key-message pull-through, share of
 * voice against the competitors with net sentiment and the reputation index, and social customer service with
 * the retention of customers whose requests were resolved against those whose requests were not.
 *
 * <p>The input is the optional {@value AnalysisInput#CONVERSATIONS} (interactions with content, in the
 * format of {@link org.engagement.core.ingest.csv.CsvInteractionWriter#openWithContent}), with
 * {@value AnalysisInput#MESSAGES} ({@code message,phrase[,kind]}, kind {@code phrase}, {@code hashtag} or
 * {@code link}) naming the key messages and {@value AnalysisInput#BRANDS} ({@code brand,role}, role
 * {@code ours} or {@code competitor}) naming the brands; bad rows of either are rejected and counted. Without
 * the feed the section is not available; without messages there is no pull-through, and without brands every
 * mention counts as ours and share of voice is left out. Months are calendar months in UTC; trends compare the
 * last month with the mean of the three before it ({@link TrendRule#defaults()}); the reputation index is
 * {@link ReputationIndex#defaults()}; the first-response target is {@link #RESPONSE_TARGET}; retention is
 * judged {@link #RETENTION_WINDOW} after a customer's latest request, with the main interactions and the feed
 * as activity ({@link org.engagement.core.conversation.service.ServiceLedger#retention}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param brands the brands compared, or {@code null} when the input names none
 * @param months the first day of every month of the pull-through axis, oldest first
 * @param messages the pull-through of each key message, in the messages file's order
 * @param brandMentions the brand mentions and shares pull-through is measured against
 * @param voice share of voice per channel and month, or {@code null} without brands
 * @param service service metrics overall, per channel and per owner
 * @param retention the retention of resolved and unresolved customers
 * @param retentionLift the two-proportion test of the retention difference, or {@code null} if a group is empty
 *     or the test cannot be formed
 * @param reads the account of every file read: the feed, then the messages and brands files if present
 * @since 0.1.0
 */
public record ConversationSection(
    @Nullable Brands brands,
    List<LocalDate> months,
    List<MessageFigures> messages,
    long brandMentions,
    @Nullable VoiceReport voice,
    ServiceReport service,
    RetentionGroups retention,
    @Nullable LiftEstimate retentionLift,
    List<ImportReport> reads) implements ReportSection {
  /** The page's channel order: by display name. */
  private static final java.util.Comparator<Channel> BY_NAME = java.util.Comparator.comparing(Channel::displayName)
      .thenComparing(Channel::id);
  /** The id of this section (and of its slot in {@code ReportModel.defaultBuilders()}). */
  public static final String ID = "conversations";
  /** The first-response target of the within-target share. */
  public static final Duration RESPONSE_TARGET = Duration.ofHours(24);
  /** How long after a request a customer must still be active to count as retained. */
  public static final Duration RETENTION_WINDOW = Duration.ofDays(90);
  private static final String TITLE = "Conversations";
  private static final ReputationIndex INDEX = ReputationIndex.defaults();
  private static final int LISTED = 10;

  /** Requires the parts and copies the lists. */
  public ConversationSection {
    months = List.copyOf(months);
    messages = List.copyOf(messages);
    requireNonNull(service, "service");
    requireNonNull(retention, "retention");
    reads = List.copyOf(reads);
  }

  /** The builder of this section, to take the conversations slot's place. */
  public static SectionBuilder builder() {
    return WithoutJourneys.of(ID, ConversationSection::of);
  }

  /** The section for {@code analysis}; not available without {@value AnalysisInput#CONVERSATIONS}. */
  public static ReportSection of(Analysis analysis) {
    return ConversationAnalysis.of(analysis).<ReportSection>map(s -> s).orElseGet(() -> ReportSection.notAvailable(ID,
        TITLE, "the input has no " + AnalysisInput.CONVERSATIONS + " (mentions, shares and service threads with content)"));
  }

  /** Our mentions over all brands' on every channel and in every month, or {@code null} without brands. */
  public @Nullable VoiceRow voiceTotal() {
    return voice == null || voice.rows(null).isEmpty() ? null : total(voice.rows(null));
  }

  /** Every brand's mentions on each channel over all months, by channel id; empty without brands. */
  public Map<Channel, VoiceRow> voiceByChannel() {
    Map<Channel, List<VoiceRow>> rows = new LinkedHashMap<>();
    if (voice != null) {
      for (VoiceRow row : voice.rows()) {
        Channel channel = row.channel();
        if (channel != null) {
          rows.computeIfAbsent(channel, c -> new ArrayList<>()).add(row);
        }
      }
    }
    Map<Channel, VoiceRow> byChannel = new LinkedHashMap<>();
    rows.forEach((channel, channelRows) -> byChannel.put(channel, total(channelRows)));
    return byChannel;
  }

  private static VoiceRow total(List<VoiceRow> rows) {
    int brands = rows.get(0).brands().size();
    long[][] sums = new long[brands][4];
    for (VoiceRow row : rows) {
      for (int b = 0; b < brands; b++) {
        BrandVoice v = row.brands().get(b);
        sums[b][0] += v.mentions();
        sums[b][1] += v.scored();
        sums[b][2] += v.positive();
        sums[b][3] += v.negative();
      }
    }
    List<BrandVoice> voices = new ArrayList<>(brands);
    for (int b = 0; b < brands; b++) {
      voices.add(new BrandVoice(rows.get(0).brands().get(b).brand(), sums[b][0], sums[b][1], sums[b][2], sums[b][3]));
    }
    return new VoiceRow(rows.get(0).channel(), rows.get(0).periodStart(), voices);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return TITLE;
  }

  @Override
  public void writeHtml(Html html) {
    html.paragraph("note", "Brand mentions are inbound mentions and shares naming our brand (or no brand). A key "
        + "message is carried when its phrases (whole words), hashtags or link patterns occur, ignoring case and "
        + "accents. Months in UTC; trends compare the last month with the three before it. Service cases open with "
        + "an inbound request carrying a thread id; first response and resolution are timed from the opening.");
    html.figures(keyFigures());
    writeMessages(html);
    writeVoice(html);
    writeService(html);
    writeRetention(html);
    writeReads(html);
  }

  private Map<String, String> keyFigures() {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("brand mentions", NumberText.count(brandMentions));
    VoiceRow total = voiceTotal();
    if (total != null && voice != null) {
      figures.put("share of voice", NumberText.percent(total.shareOfVoice()) + " (" + trendText(
          voice.shareOfVoiceTrend(null, TrendRule.defaults())) + ")");
      figures.put("net sentiment", NumberText.number(total.netSentiment(), 2) + " ("
          + trendText(voice.netSentimentTrend(null, TrendRule.defaults())) + ")");
      figures.put("reputation index", NumberText.number(total.reputation(INDEX), 1) + " ("
          + trendText(voice.reputationTrend(null, INDEX, TrendRule.defaults())) + ")");
    }
    figures.put("service cases", NumberText.count(service.overall().cases()));
    figures.put("answered within " + RESPONSE_TARGET.toHours() + " h",
        NumberText.percent(service.overall().withinTargetShare()));
    figures.put("resolved", NumberText.percent(service.overall().resolutionRate()));
    return figures;
  }

  private void writeMessages(Html html) {
    if (messages.isEmpty()) {
      html.paragraph("note", "No key messages: the input has no usable " + AnalysisInput.MESSAGES + ".");
      return;
    }
    List<List<Html.Cell>> rows = new ArrayList<>();
    for (MessageFigures m : messages) {
      rows.add(List.of(Html.Cell.text(m.message()), count(m.carrying()), count(m.shares()),
          new Html.Cell(NumberText.percent(m.pullThrough()), m.pullThrough()), count(m.reach()),
          count(m.amplifiers()), Html.Cell.text(trendText(m.trend()))));
    }
    html.dataTable("Key-message pull-through (of " + NumberText.count(brandMentions) + " brand mentions)",
        List.of("message", "mentions carrying", "of which shares", "share of brand mentions", "amplified reach",
            "unique amplifiers", "trend"), rows);
    if (!months.isEmpty()) {
      List<BarChart.Series> series = messages.stream().map(m -> new BarChart.Series(m.message(),
          m.byMonth().stream().map(Long::doubleValue).toList())).toList();
      html.chart("Brand mentions carrying each key message, by month",
          new LineChart("Brand mentions carrying each key message by month", monthLabels(months), series));
    }
  }

  private void writeVoice(Html html) {
    VoiceRow total = voiceTotal();
    if (voice == null || total == null || brands == null) {
      html.paragraph("note", "No share of voice: the input has no " + AnalysisInput.BRANDS + " naming our brand.");
      return;
    }
    List<String> header = new ArrayList<>(List.of("channel"));
    brands.all().forEach(b -> header.add(b + " mentions"));
    header.addAll(List.of("share of voice", "net sentiment", "reputation index"));
    List<List<Html.Cell>> rows = new ArrayList<>();
    voiceByChannel().entrySet().stream().sorted(Map.Entry.comparingByKey(BY_NAME))
        .forEach(e -> rows.add(voiceRow(e.getKey().displayName(), e.getValue())));
    rows.add(voiceRow("all channels", total));
    html.dataTable("Share of voice against the competitors, by channel", header, rows);
    List<VoiceRow> monthly = voice.rows(null);
    List<LocalDate> starts = monthly.stream().map(VoiceRow::periodStart).toList();
    html.chart("Our share of voice (%) and reputation index (0\u2013100), by month", new LineChart(
        "Share of voice and reputation index by month", monthLabels(starts), List.of(
            new BarChart.Series("share of voice (%)", monthly.stream().map(r -> 100 * r.shareOfVoice()).toList()),
            new BarChart.Series("reputation index", monthly.stream().map(r -> r.reputation(INDEX)).toList()))));
  }

  private static List<Html.Cell> voiceRow(String label, VoiceRow row) {
    List<Html.Cell> cells = new ArrayList<>();
    cells.add(Html.Cell.text(label));
    row.brands().forEach(b -> cells.add(count(b.mentions())));
    cells.add(new Html.Cell(NumberText.percent(row.shareOfVoice()), row.shareOfVoice()));
    cells.add(new Html.Cell(NumberText.number(row.netSentiment(), 2), row.netSentiment()));
    cells.add(new Html.Cell(NumberText.number(row.reputation(INDEX), 1), row.reputation(INDEX)));
    return cells;
  }

  private void writeService(Html html) {
    List<List<Html.Cell>> rows = new ArrayList<>();
    service.byChannel().entrySet().stream().sorted(Map.Entry.comparingByKey(BY_NAME))
        .forEach(e -> rows.add(serviceRow("channel " + e.getKey().displayName(), e.getValue())));
    service.byOwner().forEach((owner, stats) -> rows.add(serviceRow("owner " + owner, stats)));
    if (service.unassigned().cases() > 0) {
      rows.add(serviceRow("no owner", service.unassigned()));
    }
    rows.add(serviceRow("all cases", service.overall()));
    html.dataTable("Social customer service by channel and owner", List.of("scope", "cases", "answered",
        "within " + RESPONSE_TARGET.toHours() + " h", "median first response", "mean first response", "resolved",
        "median resolution"), rows);
  }

  private static List<Html.Cell> serviceRow(String scope, ServiceStats stats) {
    return List.of(Html.Cell.text(scope), count(stats.cases()),
        new Html.Cell(NumberText.percent(stats.answerRate()), stats.answerRate()),
        new Html.Cell(NumberText.percent(stats.withinTargetShare()), stats.withinTargetShare()),
        Html.Cell.text(ConversationAnalysis.hours(stats.medianFirstResponse())),
        Html.Cell.text(ConversationAnalysis.hours(stats.meanFirstResponse())),
        new Html.Cell(NumberText.percent(stats.resolutionRate()), stats.resolutionRate()),
        Html.Cell.text(ConversationAnalysis.hours(stats.medianResolution())));
  }

  private void writeRetention(Html html) {
    html.dataTable("Retention " + RETENTION_WINDOW.toDays() + " days after the latest request (as of "
        + retention.asOf().toString().substring(0, 10) + ")", List.of("customers whose requests were", "customers",
        "retained", "retention"), List.of(retentionRow("all resolved", retention.resolved()),
        retentionRow("not all resolved", retention.unresolved())));
    html.paragraph("note", liftText());
  }

  private static List<Html.Cell> retentionRow(String group, RetentionCount count) {
    return List.of(Html.Cell.text(group), count(count.customers()), count(count.retained()),
        new Html.Cell(NumberText.percent(count.rate()), count.rate()));
  }

  private String liftText() {
    LiftEstimate lift = retentionLift;
    if (lift == null) {
      return "No lift test: a group has no customers, or retention does not vary at all.";
    }
    return String.format(Locale.ROOT, "Retention of resolved minus unresolved customers: %+.1f points "
            + "(%.0f%% interval %+.1f to %+.1f), %s, %s. The groups are observed, not randomised: this is an "
            + "association (customers about to leave may also be the hardest to satisfy), not the effect of "
            + "resolving.", 100 * lift.absoluteLift(), 100 * lift.interval().level(), 100 * lift.interval().lower(),
        100 * lift.interval().upper(), lift.method(), pValue(lift.pValue()));
  }

  private void writeReads(Html html) {
    List<String> lines = new ArrayList<>();
    for (ImportReport report : reads) {
      lines.add(readText(report));
      report.rejections().stream().limit(LISTED).forEach(r -> lines.add(r.message(report.source())));
    }
    html.paragraph("note", String.join("; ", lines) + ".");
  }

  private static String readText(ImportReport report) {
    return report.source() + ": read " + NumberText.count(report.read()) + ", accepted "
        + NumberText.count(report.accepted()) + ", rejected " + NumberText.count(report.rejected())
        + report.failureReason().map(f -> " (stopped: " + f + ")").orElse("");
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    if (!messages.isEmpty()) {
      lines.add("pull-through of " + NumberText.count(brandMentions) + " brand mentions: " + String.join(", ",
          messages.stream().map(m -> m.message() + " " + NumberText.percent(m.pullThrough()) + " ("
              + NumberText.count(m.carrying()) + ", " + NumberText.count(m.amplifiers()) + " amplifiers, "
              + trendText(m.trend()) + ")").toList()));
    }
    VoiceRow total = voiceTotal();
    if (total != null && voice != null) {
      List<String> shares = new ArrayList<>();
      for (int b = 0; b < total.brands().size(); b++) {
        shares.add(total.brands().get(b).brand() + " " + NumberText.percent(total.shareOf(b)));
      }
      lines.add("share of voice: " + String.join(", ", shares) + "; net sentiment "
          + NumberText.number(total.netSentiment(), 2) + " (" + trendText(voice.netSentimentTrend(null,
          TrendRule.defaults())) + "); reputation index " + NumberText.number(total.reputation(INDEX), 1) + " ("
          + trendText(voice.reputationTrend(null, INDEX, TrendRule.defaults())) + ")");
    }
    ServiceStats all = service.overall();
    lines.add("service: " + NumberText.count(all.cases()) + " cases, " + NumberText.percent(all.answerRate()) + " answered, "
        + NumberText.percent(all.withinTargetShare()) + " within " + RESPONSE_TARGET.toHours() + " h, median first "
        + "response " + ConversationAnalysis.hours(all.medianFirstResponse()) + ", "
        + NumberText.percent(all.resolutionRate()) + " resolved");
    lines.add("retention after " + RETENTION_WINDOW.toDays() + " days: resolved "
        + NumberText.percent(retention.resolved().rate()) + " of " + NumberText.count(retention.resolved().customers())
        + ", unresolved " + NumberText.percent(retention.unresolved().rate()) + " of "
        + NumberText.count(retention.unresolved().customers()) + (retentionLift == null ? "" : ", " + pValue(retentionLift.pValue())
        + " (an association)"));
    lines.add(String.join("; ", reads.stream().map(ConversationSection::readText).toList()));
    return lines;
  }

  private static Html.Cell count(long value) {
    return new Html.Cell(NumberText.number((double) value, 0), (double) value);
  }

  private static String trendText(Trend trend) {
    return trend.name().toLowerCase(Locale.ROOT);
  }

  private static String pValue(double p) {
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
  }

  private static List<String> monthLabels(List<LocalDate> starts) {
    return starts.stream().map(d -> YearMonth.from(d).toString()).toList();
  }
}
