package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import com.google.common.collect.Iterables;
import com.google.common.collect.Streams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.html.Html;
import org.engagement.report.internal.chart.BarChart;
import org.engagement.report.internal.chart.StackedBarChart;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.RoiIntervalsSection;
import org.engagement.report.section.SectionBuilder;
import org.engagement.roi.RewardComponent;
import org.engagement.roi.RoiAnalysis;
import org.engagement.roi.RoiIntervals;
import org.engagement.roi.RoiLine;
import org.engagement.roi.RoiReport;
import org.engagement.roi.SegmentRoiInterval;

/**
 * Relationship ROI per channel: the rewards, split into the components the ROI calculator reports
 * (attributed revenue, retained value, lift, self-reported influence, ...), against the investment.
 *
 * <p>The section does not compute rewards; a calculator does ({@link #of(RoiReport)} takes the report of
 * any {@link org.engagement.roi.RoiCalculator}), and {@link #builder(Function)} plugs it into
 * the report. What the section does compute is the ROI itself, always as
 * {@code (margin · sum of the reward components − investment) / investment} (the rule of {@link RoiLine}),
 * from the figures it shows: so every ROI figure on the page is traceable to the investment and the
 * components next to it (the table carries their exact values in {@code data-value} attributes). A channel
 * without investment has no ROI.
 *
 * <p>A calculator may leave reward components out of a line (not computed, which is not zero). The section
 * lists the components the calculator computed for at least one line; a cell of a component not computed
 * for its row reads "not computed", carries no exact value and counts nothing in the row's total.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the currency code of every amount
 * @param method how the rewards were computed, in a sentence (shown above the chart)
 * @param components the names of the reward components, in order
 * @param margin the share of reward that is profit, in (0, 1]: contribution = margin · reward
 * @param channels one row per channel, each with one reward per component
 * @param months the months of the window, at least 1: the "per year" of the cost per engaged customer
 * @param owners one row per owner of costs (their share of the channels they pay for); may be empty
 * @param segments one row per customer segment (each segment's own ROI report, in total); may be empty
 * @param attribution what the reader should know of the measured attribution behind the attributed revenue:
 *     which model was chosen and why (the {@code recommended} model's notes); may be empty
 * @param truth per channel, the ROI again with the attributed revenue replaced by the value of the channel's
 *     true incremental conversions, when the input has a {@value AnalysisInput#TRUTH}; may be empty
 * @param intervals per invested channel, the bootstrap interval of its attributed revenue and ROI (the
 *     attribution's sampling uncertainty only; how they were drawn is in {@code attribution}); may be empty
 * @param labels how the page names the channels, which attribution model was chosen, and the basis of each
 *     reward component ({@link Labels#NONE}: ids, no model, no basis)
 * @param roiIntervals the intervals as {@link RoiAnalysis#intervals} made them, with their level, resamples and
 *     seed: {@code intervals} holds their rows; empty for rows made by hand
 * @since 0.1.0
 */
public record RoiSection(String currency, String method, List<String> components, double margin,
    List<ChannelRoi> channels, int months, List<ChannelRoi> owners, List<ChannelRoi> segments,
    List<String> attribution, List<TruthRoi> truth, List<RoiInterval> intervals, Labels labels,
    Optional<RoiIntervals> roiIntervals) implements RoiIntervalsSection {
  /** The id of this section (and of its slot in {@code ReportModel.defaultBuilders()}). */
  public static final String ID = "roi";
  /** The heading of this section. */
  public static final String TITLE = "Relationship ROI";

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if there is no component, the margin is outside (0, 1], a row has not
   *     one reward per component, or the interval rows are not those of {@code roiIntervals}
   */
  public RoiSection {
    requireNonNull(currency, "currency");
    if (!(margin > 0 && margin <= 1)) {
      throw new InvalidFieldException("margin", margin, "must be in (0, 1]");
    }
    requireNonNull(method, "method");
    components = List.copyOf(components);
    channels = List.copyOf(channels);
    owners = List.copyOf(owners);
    segments = List.copyOf(segments);
    attribution = List.copyOf(attribution);
    truth = List.copyOf(truth);
    intervals = List.copyOf(intervals);
    requireNonNull(labels, "labels");
    requireNonNull(roiIntervals, "roiIntervals");
    if (roiIntervals.isPresent() && !intervals.equals(rows(roiIntervals.get()))) {
      throw new InvalidFieldException("intervals", intervals.size() + " rows", "must be the rows of roiIntervals");
    }
    if (components.isEmpty()) {
      throw new InvalidFieldException("components", components, "must name at least one reward component");
    }
    if (months < 1) {
      throw new InvalidFieldException("months", months, "must be at least 1");
    }
    for (ChannelRoi row : Iterables.concat(channels, owners, segments)) {
      if (row.rewards().size() != components.size()) {
        throw new InvalidFieldException("rewards of " + row.channel(), row.rewards().size(),
            "must hold one reward per component (" + components.size() + ")");
      }
      for (int index : row.notComputed()) {
        if (index >= components.size()) {
          throw new InvalidFieldException("not computed of " + row.channel(), index,
              "must be the position of a component (0 to " + (components.size() - 1) + ")");
        }
      }
    }
  }

  /** A section without notes on the attribution and without a comparison with the truth. */
  public RoiSection(String currency, String method, List<String> components, double margin,
      List<ChannelRoi> channels, int months, List<ChannelRoi> owners, List<ChannelRoi> segments) {
    this(currency, method, components, margin, channels, months, owners, segments, List.of(), List.of(), List.of(),
        Labels.NONE, Optional.empty());
  }

  /** A section over one year with channel rows only. */
  public RoiSection(String currency, String method, List<String> components, double margin, List<ChannelRoi> channels) {
    this(currency, method, components, margin, channels, 12, List.of(), List.of());
  }

  /**
   * The section of a relationship-ROI report: one row per channel line, the components of
   * {@link RewardComponent} the calculator computed for at least one line (all of them when it computed
   * none) in their order, and the report's margin.
   *
   * @throws InvalidFieldException if the report's lines do not share one margin
   */
  public static RoiSection of(RoiReport report) {
    requireNonNull(report, "report");
    double margin = report.total().margin();
    List<RewardComponent> computed = computed(report);
    return new RoiSection(report.currency().getCurrencyCode(), "Calculator " + report.calculator() + ", "
        + report.firstMonth() + " to " + report.lastMonth() + " (" + report.total().months() + " months); "
        + "rewards count at a margin of " + NumberText.percent(margin) + ".",
        computed.stream().map(RoiSection::label).toList(), margin, rows(report.channels(), margin, computed),
        report.total().months(), rows(report.owners(), margin, computed), List.of());
  }

  /** The components computed for any line of {@code report}, in enum order; all when none is. */
  private static List<RewardComponent> computed(RoiReport report) {
    EnumSet<RewardComponent> computed = EnumSet.noneOf(RewardComponent.class);
    for (RoiLine line : Iterables.concat(report.channels(), report.owners(), List.of(report.total()))) {
      computed.addAll(line.rewards().keySet());
    }
    return List.copyOf(computed.isEmpty() ? EnumSet.allOf(RewardComponent.class) : computed);
  }

  /** How the page names {@code component}: {@code SELF_REPORTED_INFLUENCE} is "self reported influence". */
  public static String label(RewardComponent component) {
    return component.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** This section with one row per segment: the total line of each segment's own report, in map order. */
  public RoiSection withSegments(Map<String, RoiReport> reports) {
    List<RewardComponent> shown = Arrays.stream(RewardComponent.values())
        .filter(c -> components.contains(label(c))).toList();
    List<ChannelRoi> rows = new ArrayList<>();
    reports.forEach((segment, report) -> rows.add(row(segment, report.total(), margin, shown)));
    return new RoiSection(currency, method, components, margin, channels, months, owners, rows, attribution, truth,
        intervals, labels, roiIntervals);
  }

  /** This section with another method text. */
  public RoiSection withMethod(String method) {
    return new RoiSection(currency, method, components, margin, channels, months, owners, segments, attribution,
        truth, intervals, labels, roiIntervals);
  }

  /** This section with {@code notes} on the measured attribution (which model, and why). */
  public RoiSection withAttribution(List<String> notes) {
    return new RoiSection(currency, method, components, margin, channels, months, owners, segments, notes, truth,
        intervals, labels, roiIntervals);
  }

  /** This section with the bootstrap intervals of the attributed revenue and ROI per channel, made by hand. */
  public RoiSection withIntervals(List<RoiInterval> rows) {
    return new RoiSection(currency, method, components, margin, channels, months, owners, segments, attribution,
        truth, rows, labels, Optional.empty());
  }

  /**
   * This section with the intervals {@link RoiAnalysis#intervals} made for its report: their rows on the page, and
   * the intervals themselves, with how they were drawn, for a host ({@link #roiIntervals()}).
   */
  public RoiSection withIntervals(RoiIntervals computed) {
    return new RoiSection(currency, method, components, margin, channels, months, owners, segments, attribution,
        truth, rows(computed), labels, Optional.of(computed));
  }

  /** The page's rows of {@code computed}, in its order. */
  private static List<RoiInterval> rows(RoiIntervals computed) {
    return computed.channels().stream().map(c -> new RoiInterval(c.channel(), c.revenue(), c.revenueLow(),
        c.revenueHigh(), c.roi(), c.roiLow(), c.roiHigh())).toList();
  }

  /** This section with {@code labels}: display names, the chosen model and each component's basis. */
  public RoiSection withLabels(Labels labels) {
    return new RoiSection(currency, method, components, margin, channels, months, owners, segments, attribution,
        truth, intervals, labels, roiIntervals);
  }

  /** The attribution model the attributed revenue comes from, as chosen; "the measured attribution" if unknown. */
  public String chosenModel() {
    return labels.model().isEmpty() ? "the measured attribution" : labels.model();
  }

  /** This section with the ROI per channel recomputed from the truth. */
  public RoiSection withTruth(List<TruthRoi> rows) {
    return new RoiSection(currency, method, components, margin, channels, months, owners, segments, attribution,
        rows, intervals, labels, roiIntervals);
  }

  private static List<ChannelRoi> rows(List<RoiLine> lines, double margin, List<RewardComponent> components) {
    return lines.stream().map(line -> row(line.key(), line, margin, components)).toList();
  }

  private static ChannelRoi row(String key, RoiLine line, double margin, List<RewardComponent> components) {
    if (line.margin() != margin) {
      throw new InvalidFieldException("margin of " + key, line.margin(), "must be the report's " + margin);
    }
    List<Double> rewards = new ArrayList<>();
    Set<Integer> notComputed = new TreeSet<>();
    for (RewardComponent component : components) {
      OptionalDouble reward = line.reward(component);
      if (reward.isEmpty()) {
        notComputed.add(rewards.size());
      }
      rewards.add(reward.orElse(0));
    }
    return new ChannelRoi(key, line.cost().amount().doubleValue(), rewards, line.paybackMonth(),
        line.engagedCustomers(), notComputed);
  }

  /**
   * The builder of this section: "not available" when the input has no {@value AnalysisInput#COSTS} or
   * {@code compute} returns nothing, otherwise the section {@code compute} makes (from the ROI calculator's
   * result, typically using {@link Analysis#journeys()} and the costs file).
   */
  public static SectionBuilder builder(Function<Analysis, Optional<RoiSection>> compute) {
    requireNonNull(compute, "compute");
    return SectionBuilder.of(ID, analysis -> {
      if (analysis.input().file(AnalysisInput.COSTS).isEmpty()) {
        return noCosts();
      }
      return compute.apply(analysis).<ReportSection>map(s -> s)
          .orElseGet(() -> ReportSection.notAvailable(ID, TITLE, "the ROI calculator found nothing to report"));
    });
  }

  private static ReportSection noCosts() {
    return ReportSection.notAvailable(ID, TITLE,
        "the input has no " + AnalysisInput.COSTS + " (month,channel,owner,amount,currency)");
  }

  /** The total investment. */
  public double investment() {
    return channels.stream().mapToDouble(ChannelRoi::investment).sum();
  }

  /** The total reward of every channel. */
  public double reward() {
    return channels.stream().mapToDouble(ChannelRoi::reward).sum();
  }

  /** The ROI of all channels together; empty without investment. */
  public OptionalDouble roi() {
    return ChannelRoi.roi(margin * reward(), investment());
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
    html.details("How the figures were computed: the calculator, the window and the model chosen",
        method, attribution.stream().map(note -> "Attribution: " + note).toList());
    html.paragraph("ROI = (contribution \u2212 investment) / investment, with contribution = margin \u00d7 total "
        + "reward. Margin: " + NumberText.percent(margin) + (margin == 1 ? " (the default, which counts every unit "
        + "of reward as profit; give your gross margin, with the report command's --margin, for a profit view)"
        : "") + ". Every figure is computed from the components shown."
        + (anyNotComputed() ? " A component the calculator did not compute reads \"not computed\" and counts "
            + "nothing in the total reward." : ""));
    if (!labels.basis().isEmpty()) {
      html.heading("What each reward component rests on");
      html.definitions("basis", labels.basis());
    }
    List<ChannelRoi> byReward = channels.stream()
        .sorted(Comparator.comparingDouble(ChannelRoi::reward).reversed()).toList();
    html.chart("Reward per channel by component (" + currency + "), largest total first; each channel in its "
        + "colour, its components from darkest to lightest in the legend's order; the black tick is the "
        + "investment", new StackedBarChart("Reward components and investment per channel",
            byReward.stream().map(c -> labels.name(c.channel())).toList(), components,
            byReward.stream().map(ChannelRoi::rewards).toList(), "investment",
            byReward.stream().map(ChannelRoi::investment).toList()).withColours(html.channelColours()));
    List<ChannelRoi> invested = channels.stream().filter(c -> roi(c).isPresent())
        .sorted(Comparator.comparingDouble((ChannelRoi c) -> roi(c).getAsDouble()).reversed()).toList();
    if (!invested.isEmpty()) {
      html.chart("ROI per channel, best first", BarChart.single("ROI per channel",
          invested.stream().map(c -> labels.name(c.channel())).toList(),
          invested.stream().map(c -> roi(c).getAsDouble() * 100).toList()).withSuffix("%")
          .withColours(html.channelColours()));
    }
    List<List<Html.Cell>> rows = new ArrayList<>();
    inNameOrder(channels).forEach(c -> rows.add(cells(c)));
    rows.add(cells(totalRow()));
    html.dataTable("Relationship ROI per channel (" + currency + ")", header("channel"), rows);
    if (!owners.isEmpty()) {
      html.rowSwitch("owner", "Owner", owners.stream().map(ChannelRoi::channel).toList());
      html.dataTable("Relationship ROI per owner (" + currency + "): each owner's share of the rewards of the "
          + "channels they pay for, in proportion to their share of each channel's cost", header("owner"),
          owners.stream().map(this::cells).toList(), "owner");
    }
    if (!segments.isEmpty()) {
      html.rowSwitch("segment", "Segment", segments.stream().map(ChannelRoi::channel).toList());
      html.dataTable("Relationship ROI per value tier (" + currency + "): each tier's own journeys, evidence and "
          + "survey answers, with its share of the investment", header("segment"),
          segments.stream().map(this::cells).toList(), "segment");
    }
    if (!intervals.isEmpty()) {
      html.dataTable("Attributed revenue and ROI per channel with their bootstrap intervals (low to high, "
          + intervalLevel() + "): the uncertainty of the attribution only, the other components held",
          List.of("channel", "attributed revenue", "low", "high", "ROI", "ROI low", "ROI high"),
          intervals.stream().sorted(Comparator.comparing((RoiInterval i) -> labels.name(i.channel())))
              .map(i -> i.cells(labels.name(i.channel()))).toList());
    }
    List<SegmentRoiInterval> tiers = segmentIntervals();
    if (!tiers.isEmpty()) {
      html.dataTable("ROI per value tier with its bootstrap interval (low to high, " + intervalLevel() + ", the "
          + "channels' resamples): each resample's tier is its drawn members, whose credited purchase value moves the "
          + "attributed revenue and self-reported influence, the investment and other components held. The "
          + "difference from the tier of highest ROI (for that tier, from the runner-up) is paired on the same "
          + "resamples: \"beyond noise\" when its interval leaves out 0", SEGMENT_INTERVAL_HEADER,
          tiers.stream().map(this::cells).toList());
    }
    if (!truth.isEmpty()) {
      html.paragraph("note", TRUTH_METHOD);
      html.dataTable("ROI per channel from the measured attribution and from the true incremental conversions",
          List.of("channel", "ROI (measured)", "ROI (truth)", "change (points)", "same sign"),
          truth.stream().sorted(Comparator.comparing((TruthRoi t) -> labels.name(t.channel())))
              .map(t -> t.cells(labels.name(t.channel()))).toList());
    }
  }

  /** The header of the value tiers' interval table. */
  private static final List<String> SEGMENT_INTERVAL_HEADER = List.of("segment", "investment", "attributed revenue",
      "low", "high", "ROI", "ROI low", "ROI high", "compared with", "difference (points)", "difference low",
      "difference high", "beyond noise");

  /** The segments' intervals as {@link RoiAnalysis#intervals} made them; none for rows made by hand. */
  private List<SegmentRoiInterval> segmentIntervals() {
    return roiIntervals.map(RoiIntervals::segments).orElse(List.of());
  }

  /** A row of the value tiers' interval table: the ROI's and, if any, the difference's, in points. */
  private List<Html.Cell> cells(SegmentRoiInterval tier) {
    List<Html.Cell> cells = new ArrayList<>(List.of(Html.Cell.text(labels.name(tier.segment())),
        money(tier.investment()), money(tier.revenue()), money(tier.revenueLow()), money(tier.revenueHigh()),
        percent(tier.roi()), percent(tier.roiLow()), percent(tier.roiHigh())));
    tier.versus().ifPresentOrElse(d -> cells.addAll(List.of(Html.Cell.text(labels.name(d.versus())),
        points(d.difference()), points(d.low()), points(d.high()), Html.Cell.text(d.excludesZero() ? "yes" : "no"))),
        () -> cells.addAll(List.of(Html.Cell.text("no other tier"), Html.Cell.text(""), Html.Cell.text(""),
            Html.Cell.text(""), Html.Cell.text(""))));
    return cells;
  }

  private static Html.Cell percent(double fraction) {
    return new Html.Cell(NumberText.percent(fraction), fraction);
  }

  private static Html.Cell points(double fraction) {
    return new Html.Cell(NumberText.number(fraction * 100, 1), fraction * 100);
  }

  /** The intervals' level as the page gives it ("90%"); 90% for rows made by hand, the report's level. */
  private String intervalLevel() {
    double level = roiIntervals.map(RoiIntervals::level).orElse(0.9);
    return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** {@code rows} in the page's channel order: by display name. */
  private List<ChannelRoi> inNameOrder(List<ChannelRoi> rows) {
    return rows.stream().sorted(Comparator.comparing((ChannelRoi c) -> labels.name(c.channel()))).toList();
  }

  /** How the truth's ROI is computed, as the page and the summary say it. */
  static final String TRUTH_METHOD = "ROI from the truth: the attributed revenue replaced by the channel's true "
      + "incremental conversions (" + AnalysisInput.TRUTH + ", first purchases caused, negative for a harmful "
      + "channel) valued at the mean value of a conversion on the journeys; the other components unchanged.";

  /** The channels added up, component by component; a component computed for no channel is not computed. */
  private ChannelRoi totalRow() {
    List<Double> totals = new ArrayList<>();
    Set<Integer> notComputed = new TreeSet<>();
    for (int k = 0; k < components.size(); k++) {
      int index = k;
      totals.add(channels.stream().mapToDouble(c -> c.rewards().get(index)).sum());
      if (!channels.isEmpty() && channels.stream().allMatch(c -> c.notComputed().contains(index))) {
        notComputed.add(index);
      }
    }
    return new ChannelRoi("total", investment(), totals, OptionalInt.empty(), 0, notComputed);
  }

  private List<String> header(String key) {
    List<String> header = new ArrayList<>();
    header.add(key);
    header.add("investment");
    header.addAll(components);
    header.addAll(List.of("total reward", "contribution", "net", "ROI", "payback month", "engaged customers",
        "cost per engaged customer per year"));
    return header;
  }

  private List<Html.Cell> cells(ChannelRoi row) {
    List<Html.Cell> cells = new ArrayList<>();
    cells.add(Html.Cell.text(labels.name(row.channel())));
    cells.add(money(row.investment()));
    for (int k = 0; k < row.rewards().size(); k++) {
      cells.add(row.notComputed().contains(k) ? Html.Cell.text("not computed") : money(row.rewards().get(k)));
    }
    double contribution = margin * row.reward();
    cells.add(money(row.reward()));
    cells.add(money(contribution));
    cells.add(money(contribution - row.investment()));
    OptionalDouble roi = ChannelRoi.roi(contribution, row.investment());
    cells.add(roi.isPresent() ? new Html.Cell(NumberText.percent(roi.getAsDouble()), roi.getAsDouble())
        : Html.Cell.text("no investment"));
    cells.add(row.paybackMonth().isPresent() ? Html.Cell.text(Integer.toString(row.paybackMonth().getAsInt()))
        : Html.Cell.text(row.investment() > 0 ? "not within the window" : "no investment"));
    cells.add(row.engagedCustomers() > 0 ? new Html.Cell(NumberText.number(row.engagedCustomers(), 0),
        row.engagedCustomers()) : Html.Cell.text("none"));
    OptionalDouble perYear = costPerEngagedCustomerPerYear(row);
    cells.add(perYear.isPresent() ? money(perYear.getAsDouble())
        : Html.Cell.text(row.investment() > 0 ? "no engaged customer" : "no investment"));
    return cells;
  }

  private boolean anyNotComputed() {
    return Streams.concat(channels.stream(), owners.stream(), segments.stream())
        .anyMatch(row -> !row.notComputed().isEmpty());
  }

  /** {@code investment / engaged customers / (months / 12)}; empty without investment or engaged customers. */
  public OptionalDouble costPerEngagedCustomerPerYear(ChannelRoi row) {
    return row.investment() > 0 && row.engagedCustomers() > 0
        ? OptionalDouble.of(row.investment() / row.engagedCustomers() / (months / 12.0))
        : OptionalDouble.empty();
  }

  /** The ROI of {@code row} at this section's margin; empty without investment. */
  public OptionalDouble roi(ChannelRoi row) {
    return ChannelRoi.roi(margin * row.reward(), row.investment());
  }

  private static Html.Cell money(double amount) {
    return new Html.Cell(NumberText.number(amount, 2), amount);
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add("overall: reward " + NumberText.number(reward(), 2) + " on investment " + NumberText.number(investment(), 2)
        + " " + currency + ", ROI " + roiText(roi()));
    channels.stream().filter(c -> roi(c).isPresent())
        .sorted(Comparator.comparingDouble((ChannelRoi c) -> roi(c).getAsDouble()).reversed())
        .forEach(c -> lines.add(String.format(Locale.ROOT, "  %-16s ROI %s (reward %s on %s)", labels.name(c.channel()),
            roiText(roi(c)), NumberText.number(c.reward(), 2), NumberText.number(c.investment(), 2))));
    attribution.stream().findFirst().ifPresent(note -> lines.add("attribution: " + note));
    intervals.forEach(i -> lines.add(String.format(Locale.ROOT, "  %-16s ROI interval %s to %s", labels.name(i.channel()),
        NumberText.percent(i.roiLow()), NumberText.percent(i.roiHigh()))));
    segmentIntervals().forEach(t -> lines.add(String.format(Locale.ROOT, "  tier %-11s ROI %s, interval %s to %s%s",
        labels.name(t.segment()), NumberText.percent(t.roi()), NumberText.percent(t.roiLow()),
        NumberText.percent(t.roiHigh()), t.versus().map(d -> String.format(Locale.ROOT, "; %s points vs %s (%s to %s%s)",
            NumberText.number(d.difference() * 100, 1), labels.name(d.versus()), NumberText.number(d.low() * 100, 1),
            NumberText.number(d.high() * 100, 1), d.excludesZero() ? ", beyond noise" : ", within noise")).orElse(""))));
    if (!truth.isEmpty()) {
      long flipped = truth.stream().filter(t -> !t.sameSign()).count();
      lines.add("against " + AnalysisInput.TRUTH + ": " + flipped + " of " + truth.size()
          + " channels change the sign of their ROI");
      truth.forEach(t -> lines.add(String.format(Locale.ROOT, "  %-16s ROI %s measured, %s from the truth",
          labels.name(t.channel()), NumberText.percent(t.measured()), NumberText.percent(t.fromTruth()))));
    }
    return lines;
  }

  private static String roiText(OptionalDouble roi) {
    return roi.isPresent() ? NumberText.percent(roi.getAsDouble()) : "n/a (no investment)";
  }

  /**
   * One channel's investment and rewards. Immutable and thread-safe.
   *
   * @param channel the channel
   * @param investment what was spent on it: finite, not negative
   * @param rewards one finite reward per component of the section (a component may be negative); 0 for a
   *     component not computed
   * @param paybackMonth the calculator's payback month (1 = the window's first), empty if none
   * @param engagedCustomers customers engaged (0 when unknown); fractional for owners
   * @param notComputed the positions in {@code rewards} of the components the calculator did not compute
   *     for this row: each must be 0, and the page shows "not computed"
   * @since 0.1.0
   */
  public record ChannelRoi(String channel, double investment, List<Double> rewards, OptionalInt paybackMonth,
      double engagedCustomers, Set<Integer> notComputed) {
    /**
     * Validates and copies.
     *
     * @throws InvalidFieldException if the investment is negative, a figure is not finite, or a component
     *     not computed has a reward
     */
    public ChannelRoi {
      requireNonNull(channel, "channel");
      requireNonNull(paybackMonth, "paybackMonth");
      if (!(investment >= 0) || !Double.isFinite(investment)) {
        throw new InvalidFieldException("investment of " + channel, investment, "must be finite and not negative");
      }
      if (!(engagedCustomers >= 0) || !Double.isFinite(engagedCustomers)) {
        throw new InvalidFieldException("engaged customers of " + channel, engagedCustomers,
            "must be finite and not negative");
      }
      rewards = List.copyOf(rewards);
      for (double r : rewards) {
        if (!Double.isFinite(r)) {
          throw new InvalidFieldException("reward of " + channel, r, "must be finite");
        }
      }
      notComputed = Collections.unmodifiableSet(new TreeSet<>(notComputed));
      for (int index : notComputed) {
        if (index < 0 || index >= rewards.size() || rewards.get(index) != 0) {
          throw new InvalidFieldException("not computed of " + channel, index,
              "must be the position of a reward of 0 (0 to " + (rewards.size() - 1) + ")");
        }
      }
    }

    /** A row whose every component was computed. */
    public ChannelRoi(String channel, double investment, List<Double> rewards, OptionalInt paybackMonth,
        double engagedCustomers) {
      this(channel, investment, rewards, paybackMonth, engagedCustomers, Set.of());
    }

    /**
     * The sum of the reward components, added left to right (so a reader adding the cells gets it exactly);
     * components not computed count nothing.
     */
    public double reward() {
      double sum = 0;
      for (double reward : rewards) {
        sum += reward;
      }
      return sum;
    }

    /** A row without engaged customers. */
    public ChannelRoi(String channel, double investment, List<Double> rewards, OptionalInt paybackMonth) {
      this(channel, investment, rewards, paybackMonth, 0);
    }

    /** A row without a payback month or engaged customers. */
    public ChannelRoi(String channel, double investment, List<Double> rewards) {
      this(channel, investment, rewards, OptionalInt.empty(), 0);
    }

    static OptionalDouble roi(double contribution, double investment) {
      return investment > 0 ? OptionalDouble.of((contribution - investment) / investment) : OptionalDouble.empty();
    }
  }

  /**
   * One channel's ROI from the measured attribution and from the truth. Immutable and thread-safe.
   *
   * @param channel the channel
   * @param measured the ROI on the page, from the measured attribution
   * @param fromTruth the ROI with the attributed revenue replaced by the value of the true incremental
   *     conversions
   * @since 0.1.0
   */
  public record TruthRoi(String channel, double measured, double fromTruth) {
    /**
     * Validates.
     *
     * @throws InvalidFieldException if a figure is not finite
     */
    public TruthRoi {
      requireNonNull(channel, "channel");
      if (!Double.isFinite(measured) || !Double.isFinite(fromTruth)) {
        throw new InvalidFieldException("ROI of " + channel, measured + " and " + fromTruth, "must be finite");
      }
    }

    /** Whether both ROIs are on the same side of 0 (a loss stays a loss, a gain a gain). */
    public boolean sameSign() {
      return (measured >= 0) == (fromTruth >= 0);
    }

    private List<Html.Cell> cells(String name) {
      return List.of(Html.Cell.text(name), new Html.Cell(NumberText.percent(measured), measured),
          new Html.Cell(NumberText.percent(fromTruth), fromTruth),
          new Html.Cell(NumberText.number((fromTruth - measured) * 100, 1), (fromTruth - measured) * 100),
          Html.Cell.text(sameSign() ? "yes" : "no"));
    }
  }

  /**
   * One channel's attributed revenue and ROI with their bootstrap intervals. Immutable and thread-safe.
   *
   * @param channel the channel
   * @param revenue the attributed revenue on the page
   * @param revenueLow the lower end of its interval
   * @param revenueHigh the upper end of its interval
   * @param roi the ROI on the page
   * @param roiLow the ROI at {@code revenueLow}, the other components held
   * @param roiHigh the ROI at {@code revenueHigh}, the other components held
   * @since 0.1.0
   */
  public record RoiInterval(String channel, double revenue, double revenueLow, double revenueHigh, double roi,
      double roiLow, double roiHigh) {
    /**
     * Validates.
     *
     * @throws InvalidFieldException if a figure is not finite
     */
    public RoiInterval {
      requireNonNull(channel, "channel");
      for (double figure : new double[] {revenue, revenueLow, revenueHigh, roi, roiLow, roiHigh}) {
        if (!Double.isFinite(figure)) {
          throw new InvalidFieldException("interval of " + channel, figure, "must be finite");
        }
      }
    }

    private List<Html.Cell> cells(String name) {
      return List.of(Html.Cell.text(name), money(revenue), money(revenueLow), money(revenueHigh),
          new Html.Cell(NumberText.percent(roi), roi), new Html.Cell(NumberText.percent(roiLow), roiLow),
          new Html.Cell(NumberText.percent(roiHigh), roiHigh));
    }
  }

  /**
   * How the page presents the section: each channel's display name, the attribution model the attributed
   * revenue comes from, and what each reward component rests on (its basis, and why it is zero or not
   * computed where it is). Immutable and thread-safe.
   *
   * @param model the chosen attribution model's name; empty when unknown
   * @param names display name per channel id; a channel not named here shows its id
   * @param basis per reward component (as the section labels it), its basis in a sentence
   * @since 0.1.0
   */
  public record Labels(String model, Map<String, String> names, Map<String, String> basis) {
    /** No display names, no model, no basis. */
    public static final Labels NONE = new Labels("", Map.of(), Map.of());

    /** Copies the maps, keeping their order. */
    public Labels {
      requireNonNull(model, "model");
      names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
      basis = Collections.unmodifiableMap(new LinkedHashMap<>(basis));
    }

    /** How the page names {@code channel}: its display name, or the id itself. */
    public String name(String channel) {
      return names.getOrDefault(channel, channel);
    }
  }
}
