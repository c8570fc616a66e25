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
 * each valued on its own with the interval of its expected gain. A move is recommended only when that interval
 * excludes 0 ({@code BudgetRecommendations}); otherwise the page says to test it first.
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
 * @param moves the moves the plan is made of, largest first, each valued on its own
 * @param trueShares each channel's true share of the channels' incremental conversions, from a simulated world's
 *     {@value AnalysisInput#TRUTH} (renormalised over the channels with spend); empty without one
 * @since 0.1.0
 */
public record BudgetSection(String currency, LocalDate firstWeek, LocalDate lastWeek, double revenuePerWeek,
    int resamples, List<ChannelBudget> channels, Gain plan, List<Move> moves, Map<String, Double> trueShares)
    implements ReportSection {
  /** The id of this section. */
  public static final String ID = "budget";
  /** The multiples of each channel's current weekly spend at which the response curves are drawn. */
  public static final List<Double> CURVE_MULTIPLES = IntStream.rangeClosed(0, 8).mapToObj(i -> i * 0.25).toList();

  /** Copies the lists. */
  public BudgetSection {
    requireNonNull(currency, "currency");
    requireNonNull(firstWeek, "firstWeek");
    requireNonNull(lastWeek, "lastWeek");
    requireNonNull(plan, "plan");
    channels = List.copyOf(channels);
    moves = List.copyOf(moves);
    trueShares = Map.copyOf(trueShares);
  }

  /** The mean absolute difference between the mix model's shares and the true shares; empty without truth. */
  public java.util.OptionalDouble shareError() {
    return trueShares.isEmpty() ? java.util.OptionalDouble.empty() : channels.stream()
        .mapToDouble(c -> Math.abs(c.share() - trueShares.getOrDefault(c.channel(), 0.0))).average();
  }

  /** The builder of this section ({@link BudgetAnalysis}). */
  public static SectionBuilder builder() {
    return SectionBuilder.of(ID, BudgetAnalysis::section);
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
    html.paragraph("note", "By the mix model's own reckoning, the optimiser's split of today's total would change "
        + "revenue by " + plan.text(revenuePerWeek, currency) + ". Not a forecast to plan on: on simulated worlds "
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
        + "(revenue per " + currency + ", 90% intervals), how long its effect lasts, and the optimiser's split",
        header, channels.stream().map(c -> {
          List<Html.Cell> cells = new ArrayList<>(c.cells(currency));
          if (!trueShares.isEmpty()) {
            double truth = trueShares.getOrDefault(c.channel(), 0.0);
            cells.add(4, new Html.Cell(NumberText.percent(truth), truth));
          }
          return cells;
        }).toList());
  }

  private void writeMoves(Html html) {
    if (moves.isEmpty()) {
      html.paragraph("note", "The optimiser keeps today's split: no move it considered is expected to bring "
          + "more revenue.");
      return;
    }
    html.heading("Budget moves, each valued on its own");
    html.dataTable("Each move of the recommended split on its own, at today's total spend: the expected revenue "
        + "gained per week once the carry-over has built up, with its 90% interval",
        List.of("move", "per week", "expected gain per week", "gain", "low", "high", "verdict"),
        moves.stream().map(m -> m.cells(revenuePerWeek, currency)).toList());
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add("mix model on " + NumberText.count(weeks()) + " weeks; the optimiser's split, by the model's own "
        + "reckoning (not a forecast): " + plan.text(revenuePerWeek, currency));
    shareError().ifPresent(error -> lines.add("against truth.csv: shares miss by " + NumberText.number(error * 100, 1)
        + " points on average"));
    channels.stream().sorted(Comparator.comparingDouble(ChannelBudget::marginalRoi).reversed())
        .forEach(c -> lines.add(String.format(Locale.ROOT, "  %-22s marginal ROI %s, half-life %s weeks",
            TerminalText.safe(c.name()), NumberText.number(c.marginalRoi(), 2), NumberText.number(c.halfLife(), 1))));
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
          new Html.Cell(NumberText.percent(share), share), ratio(roi, roiLow, roiHigh),
          ratio(marginalRoi, marginalLow, marginalHigh),
          new Html.Cell(NumberText.number(halfLife, 1), halfLife), money(currentPerWeek, currency),
          money(recommendedPerWeek, currency), new Html.Cell(NumberText.signedPercent(change), change));
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
    /** Whether the interval excludes 0 on the side of a gain: the move is worth making. */
    public boolean certain() {
      return low > 0;
    }

    /** The gain in words: the share of the weekly revenue, the amount, and the interval. */
    String text(double revenuePerWeek, String currency) {
      return share(perWeek, revenuePerWeek) + " expected revenue (" + NumberText.wholeMoney(perWeek, currency)
          + " a week; 90% interval " + share(low, revenuePerWeek) + " to " + share(high, revenuePerWeek) + ")";
    }

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
      return List.of(Html.Cell.text(words()), money(perWeek, currency), money(gain.perWeek(), currency),
          Html.Cell.text(Gain.share(gain.perWeek(), revenuePerWeek)),
          Html.Cell.text(Gain.share(gain.low(), revenuePerWeek)), Html.Cell.text(Gain.share(gain.high(),
              revenuePerWeek)), Html.Cell.text(gain.certain() ? "gain sure by the mix model"
              : "test before moving: either side of 0"));
    }
  }

  private static Html.Cell money(double amount, String currency) {
    return new Html.Cell(NumberText.wholeMoney(amount, currency), amount);
  }

  /** A ratio with its interval in one cell, {@code 0.52 (0.31 to 0.80)}; the exact value is the ratio. */
  private static Html.Cell ratio(double value, double low, double high) {
    return new Html.Cell(NumberText.number(value, 2) + " (" + NumberText.number(low, 2) + " to "
        + NumberText.number(high, 2) + ")", value);
  }
}
