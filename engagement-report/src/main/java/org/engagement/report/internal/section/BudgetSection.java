package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.html.Html;
import org.engagement.report.internal.chart.BarChart;
import org.engagement.report.internal.chart.LineChart;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.internal.text.TerminalText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * Where the next budget should go, by a marketing mix model fitted on the report's own data ({@link
 * BudgetAnalysis}): each channel's spend and modelled contribution, ROI and marginal ROI with their intervals,
 * carry-over half-life, response curve and the optimiser's recommended spend, and the budget moves that follow,
 * each valued on its own with the interval of its expected gain. The plan is the cautious one {@code engagement
 * mix} makes by default ({@link org.engagement.roi.mix.BudgetRequest}), so that the page and the command give one
 * answer: a channel whose ROI the fit cannot pin down is held at today's spend ({@link BudgetCaution}, with the
 * reason in plain words and what would free it: a lift test), and the page says so, and what would unlock
 * moves, when caution leaves none. The fit's warnings (a channel estimated at zero, an estimate at the edge of
 * the range searched, spend that never changes) are shown in plain words beside the channels' table. A move is
 * recommended only when its interval excludes 0 ({@code BudgetRecommendations}); otherwise the page says to
 * test it first. A move of the optimiser's split that the fitted model expects to gain nothing is no
 * recommendation: it is named in a note, not listed.
 *
 * <p>Every interval is shown together with the fitted value it belongs to. A ROI interval holds its fit by
 * construction (the mix model unites the bootstrap's percentiles with the channel's profile interval); a marginal
 * ROI's interval is the refits' percentiles alone, and the refits are drawn again towards the ROI prior's mean,
 * so they can lie wholly on one side of the fit: such an interval is widened to hold the fitted value
 * ({@link Spread}), and the page marks the figure and says so instead of showing a value outside its own
 * interval.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the currency of every amount
 * @param firstWeek the Monday of the first week fitted
 * @param lastWeek the Monday of the last week fitted
 * @param revenuePerWeek the mean weekly revenue over the weeks fitted, the base of the percentages
 * @param resamples the bootstrap resamples behind the intervals
 * @param channels one line per channel, in the page's channel order (by display name)
 * @param plan the optimiser's whole plan, valued against the current split
 * @param moves the moves of the plan that the fitted model expects to gain from, largest expected gain first,
 *     each valued on its own
 * @param idle the other moves of the plan: those the fitted model expects no gain from (at most {@link
 *     #NO_GAIN} of the weekly revenue), largest first; named on the page, never recommended
 * @param priorRoi the mean of the mix model's ROI prior, towards which every refit is drawn
 * @param trueShares each channel's true share of the channels' incremental conversions, from a simulated world's
 *     {@value AnalysisInput#TRUTH} (renormalised over the channels with spend); empty without one
 * @param caution what the cautious plan holds and why, the fit's warnings in plain words, and what an uncautious
 *     split would move when the cautious one moves nothing
 * @since 0.1.0
 */
public record BudgetSection(String currency, LocalDate firstWeek, LocalDate lastWeek, double revenuePerWeek,
    int resamples, List<ChannelBudget> channels, Gain plan, List<Move> moves, List<Move> idle,
    Map<String, Double> trueShares, double priorRoi, BudgetCaution caution) implements ReportSection {
  /** The id of this section. */
  public static final String ID = "budget";
  /** The command that makes the same plan from the same kind of data, as the page names it. */
  static final String COMMAND = "engagement mix";
  /** The multiples of each channel's current weekly spend at which the response curves are drawn. */
  public static final List<Double> CURVE_MULTIPLES = IntStream.rangeClosed(0, 8).mapToObj(i -> i * 0.25).toList();
  /**
   * The largest expected gain, as a share of the weekly revenue, of a move that gains nothing: 0.05%, below
   * which the gain reads +0.0%. A move worth less is not a recommendation.
   */
  public static final double NO_GAIN = 0.0005;

  /** Copies the lists. */
  public BudgetSection {
    requireNonNull(currency, "currency");
    requireNonNull(firstWeek, "firstWeek");
    requireNonNull(lastWeek, "lastWeek");
    requireNonNull(plan, "plan");
    channels = List.copyOf(channels);
    moves = List.copyOf(moves);
    idle = List.copyOf(idle);
    trueShares = Map.copyOf(trueShares);
    requireNonNull(caution, "caution");
  }

  /**
   * A section without idle moves, held channels or warnings, under {@link
   * org.engagement.roi.mix.MixPriors#defaults()}' ROI prior.
   */
  public BudgetSection(String currency, LocalDate firstWeek, LocalDate lastWeek, double revenuePerWeek,
      int resamples, List<ChannelBudget> channels, Gain plan, List<Move> moves, Map<String, Double> trueShares) {
    this(currency, firstWeek, lastWeek, revenuePerWeek, resamples, channels, plan, moves, List.of(), trueShares,
        requireNonNull(org.engagement.roi.mix.MixPriors.defaults().roi(), "roi prior").mean(), BudgetCaution.NONE);
  }

  /** Whether {@code gain} is an expected gain at all: more than {@link #NO_GAIN} of the weekly revenue. */
  public boolean gains(Gain gain) {
    return gain.perWeek() > NO_GAIN * revenuePerWeek;
  }

  /** The mean absolute difference between the mix model's shares and the true shares; empty without truth. */
  public java.util.OptionalDouble shareError() {
    return trueShares.isEmpty() ? java.util.OptionalDouble.empty() : channels.stream()
        .mapToDouble(c -> Math.abs(c.share() - trueShares.getOrDefault(c.channel(), 0.0))).average();
  }

  /**
   * The builder of this section ({@link BudgetAnalysis}): a {@linkplain SmallSection small} one, since what it keeps
   * is the weekly series (a few hundred weeks whatever the number of interactions) and the mix model fitted to them.
   */
  public static SectionBuilder builder() {
    return WithoutJourneys.small(ID, BudgetAnalysis::section);
  }

  /** The number of weeks fitted. */
  public long weeks() {
    return java.time.temporal.ChronoUnit.WEEKS.between(firstWeek, lastWeek) + 1;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Budget";
  }

  @Override
  public void writeHtml(Html html) {
    double spend = channels.stream().mapToDouble(ChannelBudget::currentPerWeek).sum();
    html.paragraph("A marketing mix model fitted on " + NumberText.count(weeks()) + " weeks (" + firstWeek + " to "
        + lastWeek.plusDays(6) + "): each week's purchase revenue against each channel's spend, with carry-over "
        + "(adstock), saturation, trend and season. Spend per week is the costs file's monthly amount spread "
        + "evenly over the days of its month, so it changes only from month to month: the model learns from "
        + "about as many spend levels as there are months, not weeks.");
    Map<String, String> figures = new java.util.LinkedHashMap<>();
    figures.put("spend per week", NumberText.wholeMoney(spend, currency));
    figures.put("revenue per week", NumberText.wholeMoney(revenuePerWeek, currency));
    html.figures(figures);
    html.paragraph("note", (moves.isEmpty() && idle.isEmpty() ? "The cautious split of today's total is today's split (below: "
        + "why, and what would unlock moves). " : "By the mix model's own reckoning, the cautious split of today's "
        + "total would change revenue by " + plan.text(revenuePerWeek, currency) + ". ")
        + "Not a forecast to plan on: on simulated worlds "
        + "with known effects the optimiser's gains were far from the true optimum's, so a move is recommended "
        + "only when the attribution agrees, and a move is tested before it is made.");
    shareError().ifPresent(error -> html.paragraph("warning", "Checked against " + AnalysisInput.TRUTH
        + " (a simulated world's known effects): the mix model's shares of the channels' revenue miss the true "
        + "shares by " + NumberText.number(error * 100, 1) + " points on average (column \u201ctrue share\u201d). "
        + "Where they miss this much, the series cannot tell the channels apart (a trend, a channel growing "
        + "with it) and its moves are not to be followed; the summary recommends a move only when the "
        + "attribution's ROI intervals agree with it."));
    writeChannels(html);
    html.chart("Marginal ROI: revenue from one more " + currency + " a week on each channel at today's spend "
        + "(best first). Above 1, more spend brings back more than it costs in revenue.",
        BarChart.single("Marginal ROI per channel", channels.stream().map(ChannelBudget::name).toList(),
            channels.stream().map(ChannelBudget::marginalRoi).toList()).sortedByValue()
            .withColours(html.channelColours()));
    html.chart("Response curves: revenue per week each channel is expected to bring at a steady spend, from none "
        + "to twice today's weekly spend (1\u00d7 is today). A curve that flattens has saturated.",
        new LineChart("Weekly revenue by weekly spend, as a multiple of today's", CURVE_MULTIPLES.stream()
            .map(m -> NumberText.compact(m) + "\u00d7").toList(), channels.stream()
            .map(c -> new BarChart.Series(c.name(), c.response())).toList()).withColours(html.channelColours()));
    writeMoves(html);
    html.details("What this model can and cannot say", "Attribution splits the purchases that happened among "
        + "the touches on the journeys; a mix model asks what a change of spend would change in revenue, so it "
        + "also sees channels without trackable touches. It assumes the channels' effects add up and do not "
        + "interact, and it cannot tell a slow channel's build-up from a trend.", List.of("On simulated worlds "
        + "with known effects its 90% intervals held the truth in about half of the cases, not nine in ten, "
        + "and its shares missed by about 5 points: read the intervals as the least uncertainty there is. "
        + "Intervals: " + resamples + " block-bootstrap resamples of the weeks, each refitted (seed 1). "
        + "A lift test (hold-out) on a channel is what settles a move. The summary recommends a move only when "
        + "the attribution's ROI intervals (Relationship ROI) also put the receiving channel above the giving one."));
  }

  private void writeChannels(Html html) {
    List<String> header = new ArrayList<>(List.of("channel", "spend", "modelled revenue", "share"));
    if (!trueShares.isEmpty()) {
      header.add("true share");
    }
    header.addAll(List.of("ROI (90% interval)", "marginal ROI (90% interval)", "half-life (weeks)",
        "spend per week now", "recommended per week", "change"));
    html.dataTable("Per channel: spend and the revenue the model credits to it, its ROI and marginal ROI "
        + "(revenue per " + currency + ", 90% intervals), how long its effect lasts, and the cautious split",
        header, channels.stream().map(c -> {
          List<Html.Cell> cells = new ArrayList<>(c.cells(currency));
          if (!trueShares.isEmpty()) {
            double truth = trueShares.getOrDefault(c.channel(), 0.0);
            cells.add(4, new Html.Cell(NumberText.percent(truth), truth));
          }
          return cells;
        }).toList());
    List<String> widened = channels.stream().flatMap(c -> c.widened().stream()).toList();
    if (!widened.isEmpty()) {
      html.paragraph("warning", "* The fitted value lies outside the 90% range of the model's " + resamples
          + " refits: " + String.join("; ", widened) + ". Each refit is drawn again towards the typical ROI of "
          + NumberText.number(priorRoi, 2) + " that the model's prior assumes for every channel, so the refits "
          + "sit between the fit and that prior: for these channels the model is biased, and its figure is "
          + "less settled than its interval says. The interval shown is widened to hold the fitted value. "
          + "A lift test (hold-out) on the channel settles it.");
    }
    caution.writeWarnings(html);
  }

  private void writeMoves(Html html) {
    html.heading("Budget moves, each valued on its own");
    caution.writeHeld(html, channels.size());
    if (!idle.isEmpty()) {
      html.paragraph("note", idleText());
    }
    if (moves.isEmpty()) {
      caution.writeNoMove(html, revenuePerWeek, currency);
      return;
    }
    html.dataTable("Each move of the recommended split on its own, at today's total spend: the expected revenue "
        + "gained per week once the carry-over has built up, with its 90% interval",
        List.of("move", "per week", "expected gain per week", "share of weekly revenue", "90% interval per week",
            "verdict"),
        moves.stream().map(m -> m.cells(revenuePerWeek, currency)).toList());
    if (moves.stream().anyMatch(m -> m.gain().spread().widened())) {
      html.paragraph("note", "* The expected gain lies outside the 90% range of the refits' gains; the interval "
          + "shown is widened to hold it (see the note under the channels' table).");
    }
  }

  /**
   * Why the optimiser's idle moves are not listed: the optimiser maximises the revenue averaged over the fit
   * and its refits, so it places money where only some refits see a return; by the fitted model those moves
   * gain nothing.
   */
  String idleText() {
    return "Not listed, though part of the optimiser's split: " + String.join("; ", idle.stream().map(m ->
        m.words() + " (" + NumberText.wholeMoney(m.perWeek(), currency) + " a week)").toList()) + ". By the fitted "
        + "model "
        + (idle.size() == 1 ? "this move gains" : "these moves gain") + " nothing (at most "
        + NumberText.percent(NO_GAIN) + " of the weekly revenue): the optimiser maximises the revenue averaged "
        + "over the fit and its " + resamples + " refits, and some refits see a return where the fit sees none "
        + "(marginal ROI 0.00). A move with no expected gain is not a recommendation.";
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add("mix model on " + NumberText.count(weeks()) + " weeks; " + (moves.isEmpty() && idle.isEmpty()
        ? "the cautious split is today's" : "the cautious split, by the model's own reckoning (not a forecast): "
            + plan.text(revenuePerWeek, currency)));
    lines.addAll(caution.summary(moves.isEmpty()));
    shareError().ifPresent(error -> lines.add("against truth.csv: shares miss by " + NumberText.number(error * 100, 1)
        + " points on average"));
    channels.stream().sorted(Comparator.comparingDouble(ChannelBudget::marginalRoi).reversed())
        .forEach(c -> lines.add(String.format(Locale.ROOT, "  %-22s marginal ROI %s, %s",
            TerminalText.safe(c.name()), NumberText.number(c.marginalRoi(), 2), c.contribution() > 0
                ? "half-life " + NumberText.number(c.halfLife(), 1) + " weeks" : "no effect found")));
    return lines;
  }

  /**
   * One channel's line. Immutable and thread-safe.
   *
   * @param channel the channel id
   * @param name its display name
   * @param spend its spend over the weeks fitted
   * @param contribution the revenue the model credits to it over those weeks
   * @param share its share of the channels' modelled revenue
   * @param roi modelled revenue per unit spent
   * @param roiLow the lower end of its 90% interval
   * @param roiHigh the upper end
   * @param marginalRoi the revenue of one more unit spent, spread as today's spend is
   * @param marginalLow the lower end of its 90% interval
   * @param marginalHigh the upper end
   * @param halfLife weeks until half of a week's spend's effect has been delivered
   * @param currentPerWeek today's mean spend per week
   * @param recommendedPerWeek the optimiser's spend per week at the same total
   * @param response the expected revenue per week at steady spends of {@link #CURVE_MULTIPLES} times today's
   * @since 0.1.0
   */
  public record ChannelBudget(String channel, String name, double spend, double contribution, double share,
      double roi, double roiLow, double roiHigh, double marginalRoi, double marginalLow, double marginalHigh,
      double halfLife, double currentPerWeek, double recommendedPerWeek, List<Double> response) {
    /**
     * Validates.
     *
     * @throws InvalidFieldException if the response curve does not have one value per multiple
     */
    public ChannelBudget {
      requireNonNull(channel, "channel");
      requireNonNull(name, "name");
      response = List.copyOf(response);
      if (response.size() != CURVE_MULTIPLES.size()) {
        throw new InvalidFieldException("response of " + channel, response.size(),
            "must have one value per multiple (" + CURVE_MULTIPLES.size() + ")");
      }
    }

    private List<Html.Cell> cells(String currency) {
      double change = currentPerWeek > 0 ? recommendedPerWeek / currentPerWeek - 1 : 0;
      return List.of(Html.Cell.text(name), money(spend, currency), money(contribution, currency),
          new Html.Cell(NumberText.percent(share), share), ratio(roi, Spread.of(roi, roiLow, roiHigh)),
          ratio(marginalRoi, Spread.of(marginalRoi, marginalLow, marginalHigh)),
          contribution > 0 ? new Html.Cell(NumberText.number(halfLife, 1), halfLife)
              : Html.Cell.text("none: no effect found"), money(currentPerWeek, currency),
          money(recommendedPerWeek, currency), new Html.Cell(NumberText.signedPercent(change), change));
    }

    /**
     * The figures of this channel whose fitted value lies outside its refits' 90% range, in words ("Press
     * coverage: ROI 2.85, refits 1.64 to 2.68"); empty when both lie inside.
     */
    List<String> widened() {
      List<String> parts = new ArrayList<>();
      if (Spread.of(roi, roiLow, roiHigh).widened()) {
        parts.add("ROI " + NumberText.number(roi, 2) + ", refits " + NumberText.number(roiLow, 2) + " to "
            + NumberText.number(roiHigh, 2));
      }
      if (Spread.of(marginalRoi, marginalLow, marginalHigh).widened()) {
        parts.add("marginal ROI " + NumberText.number(marginalRoi, 2) + ", refits "
            + NumberText.number(marginalLow, 2) + " to " + NumberText.number(marginalHigh, 2));
      }
      return parts.isEmpty() ? List.of() : List.of(name + ": " + String.join(", ", parts));
    }
  }

  /**
   * A 90% interval shown with its fitted value: the bootstrap's percentile interval, widened where needed so
   * that it holds the fitted value. A percentile interval of a biased estimator (one whose refits lean towards
   * its prior) can lie wholly on one side of the fit; a reader then sees a figure and an interval that
   * contradict each other. The widened interval holds both the fit and the refits' middle 90%, so it is at
   * least as wide as either says; {@code widened} says that it was widened. Immutable and thread-safe.
   *
   * @param low the lower end
   * @param high the upper end
   * @param widened whether the fitted value lay outside the percentile interval
   * @since 0.1.0
   */
  public record Spread(double low, double high, boolean widened) {
    /** The spread of the fitted {@code value} and its percentile interval {@code [low, high]}. */
    /** How far outside, as a share of the interval's width, a value must lie to count as outside. */
    private static final double TOLERANCE = 0.01;

    /**
     * The spread of the fitted {@code value} and its percentile interval {@code [low, high]}; widened only when
     * the value lies outside by more than 1% of the interval's width (a value on an end, as a fit at a bound
     * is, is not outside).
     */
    public static Spread of(double value, double low, double high) {
      double slack = TOLERANCE * (high - low);
      boolean outside = value < low - slack || value > high + slack;
      return new Spread(Math.min(low, value), Math.max(high, value), outside);
    }
  }

  /**
   * An expected gain in revenue per week with its 90% interval. Immutable and thread-safe.
   *
   * @param perWeek the expected gain per week
   * @param low the lower end of its interval
   * @param high the upper end
   * @since 0.1.0
   */
  public record Gain(double perWeek, double low, double high) {
    /**
     * Whether the gain and its interval are above 0: the move is worth making. Both, since an expected gain of
     * 0 with an interval above it (the refits leaning one way) is no sure gain.
     */
    public boolean certain() {
      return spread().low() > 0;
    }

    /** The interval widened to hold the expected gain ({@link Spread}). */
    public Spread spread() {
      return Spread.of(perWeek, low, high);
    }

    /** The gain in words: the share of the weekly revenue, the amount, and the interval. */
    String text(double revenuePerWeek, String currency) {
      Spread spread = spread();
      return share(perWeek, revenuePerWeek) + " expected revenue (" + NumberText.wholeMoney(perWeek, currency)
          + " a week; 90% interval " + share(spread.low(), revenuePerWeek) + " to " + share(spread.high(),
          revenuePerWeek) + (spread.widened() ? ", widened to hold the expected gain" : "") + ")";
    }

    /** {@code amount} as a signed share of {@code revenuePerWeek}, or as a number without a revenue. */
    public static String share(double amount, double revenuePerWeek) {
      return revenuePerWeek > 0 ? NumberText.signedPercent(amount / revenuePerWeek)
          : NumberText.number(amount, 0);
    }
  }

  /**
   * Moving part of one channel's weekly spend to another, the rest of the split kept. Immutable and
   * thread-safe.
   *
   * @param from the channel id money leaves
   * @param fromName its display name
   * @param to the channel id money goes to
   * @param toName its display name
   * @param perWeek the amount moved per week
   * @param share the amount as a share of {@code from}'s weekly spend
   * @param gain the expected gain of this move alone
   * @since 0.1.0
   */
  public record Move(String from, String fromName, String to, String toName, double perWeek, double share,
      Gain gain) {
    /** Requires every part. */
    public Move {
      requireNonNull(from, "from");
      requireNonNull(fromName, "fromName");
      requireNonNull(to, "to");
      requireNonNull(toName, "toName");
      requireNonNull(gain, "gain");
    }

    /** The move in words: "move 12.0% of Trade shows' spend to Partner referrals". */
    public String words() {
      return "move " + NumberText.percent(share) + " of " + fromName + (fromName.endsWith("s") ? "'" : "'s")
          + " spend to " + toName;
    }

    private List<Html.Cell> cells(double revenuePerWeek, String currency) {
      Spread spread = gain.spread();
      String mark = spread.widened() ? " *" : "";
      return List.of(Html.Cell.text(words()), money(perWeek, currency), money(gain.perWeek(), currency),
          Html.Cell.text(Gain.share(gain.perWeek(), revenuePerWeek)),
          Html.Cell.text(NumberText.number(spread.low(), 0) + " to " + NumberText.wholeMoney(spread.high(), currency)
              + " (" + Gain.share(spread.low(), revenuePerWeek) + " to " + Gain.share(spread.high(), revenuePerWeek)
              + ")" + mark),
          Html.Cell.text(gain.certain() ? "gain sure by the mix model" : "test before moving: either side of 0"));
    }
  }

  private static Html.Cell money(double amount, String currency) {
    return new Html.Cell(NumberText.wholeMoney(amount, currency), amount);
  }

  /**
   * A ratio with its interval in one cell, {@code 0.52 (0.31 to 0.80)}, marked {@code *} when the interval was
   * widened to hold the ratio; the exact value is the ratio.
   */
  private static Html.Cell ratio(double value, Spread spread) {
    return new Html.Cell(NumberText.number(value, 2) + " (" + NumberText.number(spread.low(), 2) + " to "
        + NumberText.number(spread.high(), 2) + ")" + (spread.widened() ? " *" : ""), value);
  }
}
