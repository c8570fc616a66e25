package org.engagement.report.internal.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.report.BundledWorld;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.CsvFiles;
import org.engagement.report.analysis.Progress;
import org.engagement.report.internal.analysis.WeeklyMix;
import org.engagement.report.internal.recommendation.BudgetRecommendations;
import org.engagement.report.section.Recommendation;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.roi.mix.MixData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The budget section on the bundled world: the weekly series keep every cost and purchase of the weeks they
 * cover (checked month by month and purchase by purchase, not day by day as they are built), and the moves
 * are recommended only when their gain's interval excludes 0.
 */
class BudgetSectionTest {
  private static Analysis analysis;
  private static WeeklyMix weekly;
  private static List<Cost> costs;
  /** The bundled world's section, fitted once for the tests that read it. */
  private static BudgetSection bundled;

  @BeforeAll
  static void read() throws IOException {
    analysis = Analysis.of(BundledWorld.input(), Progress.none());
    bundled = (BudgetSection) BudgetAnalysis.section(analysis);
    weekly = WeeklyMix.of(analysis).orElseThrow();
    CostCsvReader reader = CostCsvReader.inCurrency(analysis.currency().orElseThrow());
    costs = List.copyOf(CsvFiles.read(analysis, AnalysisInput.COSTS, analysis.input().file(AnalysisInput.COSTS)
        .orElseThrow(), source -> reader.read(source, AnalysisInput.COSTS)).values());
  }

  @Test
  void wholeWeeksWithinTheCostsAndTheInteractions() {
    MixData data = weekly.data();
    assertThat(weekly.first().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(weekly.last().plusDays(6)).isBefore(analysis.asOfDate());
    assertThat(weekly.first()).isAfterOrEqualTo(costs.stream().map(Cost::month).min(Comparator.naturalOrder())
        .orElseThrow().atDay(1));
    assertThat(data.periods()).hasSize((int) ChronoUnit.WEEKS.between(weekly.first(), weekly.last()) + 1)
        .hasSizeGreaterThanOrEqualTo(MixData.MIN_PERIODS);
    // the bundled world's two years hold more than a hundred whole weeks
    assertThat(data.periods()).hasSizeGreaterThan(100);
  }

  /** Each month's cost is spread over its days, so the weeks hold each month's share of the days they cover. */
  @Test
  void spendKeepsEachMonthsShareOfTheDaysCovered() {
    LocalDate from = weekly.first();
    LocalDate to = weekly.last().plusDays(7);
    double expected = 0;
    for (Cost cost : costs) {
      YearMonth month = cost.month();
      LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
      LocalDate end = month.plusMonths(1).atDay(1).isAfter(to) ? to : month.plusMonths(1).atDay(1);
      long days = Math.max(0, ChronoUnit.DAYS.between(start, end));
      expected += cost.amount().amount().doubleValue() * days / month.lengthOfMonth();
    }
    MixData data = weekly.data();
    double spread = data.channels().stream().mapToDouble(data::totalSpend).sum();
    assertThat(spread).isCloseTo(expected, within(1e-6 * expected));
  }

  @Test
  void outcomeIsTheRevenueOfThePurchasesInTheWeeks() {
    LocalDate from = weekly.first();
    LocalDate to = weekly.last().plusDays(7);
    ConversionRule purchases = ConversionRule.purchases();
    double expected = 0;
    for (Interaction i : analysis.input().interactions()) {
      LocalDate day = i.timestamp().atOffset(ZoneOffset.UTC).toLocalDate();
      if (purchases.isConversion(i) && i.value() != null && !day.isBefore(from) && day.isBefore(to)) {
        expected += i.value().amount().doubleValue();
      }
    }
    assertThat(Arrays.stream(weekly.data().outcome()).sum()).isCloseTo(expected, within(1e-6 * expected));
  }

  @Test
  void movesAreMadeOnlyWhenTheirGainIsSure() {
    BudgetSection budget = bundled;
    assertThat(budget.channels()).extracting(BudgetSection.ChannelBudget::name).isSorted();
    assertThat(budget.channels()).allSatisfy(c -> {
      assertThat(c.roiLow()).isLessThanOrEqualTo(c.roiHigh());
      assertThat(c.halfLife()).isPositive();
      assertThat(c.response().get(0)).isCloseTo(0, within(1e-6));
    });
    double now = budget.channels().stream().mapToDouble(BudgetSection.ChannelBudget::currentPerWeek).sum();
    double then = budget.channels().stream().mapToDouble(BudgetSection.ChannelBudget::recommendedPerWeek).sum();
    assertThat(then).isCloseTo(now, within(1e-6 * now));
    assertThat(budget.moves()).hasSizeLessThanOrEqualTo(BudgetAnalysis.MOVES).allSatisfy(m -> {
      assertThat(m.share()).isGreaterThan(0).isLessThanOrEqualTo(1);
      assertThat(m.from()).isNotEqualTo(m.to());
      assertThat(m.gain().low()).isLessThanOrEqualTo(m.gain().high());
    });
    // without the attribution's intervals to agree, no move is made, whatever the mix model says
    List<Recommendation> alone = new BudgetRecommendations().recommend(List.of(budget));
    assertThat(alone).hasSameSizeAs(budget.moves()).allSatisfy(r -> {
      assertThat(r.action()).startsWith("Test before you move ");
      assertThat(r.strength()).isZero();
    });
  }

  /**
   * A move is made only when the mix model's gain interval and the attribution's agree that it gains: the
   * attribution's gain is the amount moved times the ROI difference, ends against ends (100 a week from a
   * channel with ROI -0.5 [-0.6, -0.4] to one with 0.5 [0.2, 0.8]: 100, interval 60 to 140).
   */
  @Test
  void aMoveNeedsTheMixModelAndTheAttributionToAgree() {
    BudgetSection.Move sure = new BudgetSection.Move("a", "Channel A", "b", "Channel B", 100, 0.1,
        new BudgetSection.Gain(30, 10, 50));
    BudgetSection.Move unsure = new BudgetSection.Move("a", "Channel A", "b", "Channel B", 100, 0.1,
        new BudgetSection.Gain(30, -10, 50));
    Map<String, RoiSection.RoiInterval> apart = Map.of(
        "a", new RoiSection.RoiInterval("a", 50, 40, 60, -0.5, -0.6, -0.4),
        "b", new RoiSection.RoiInterval("b", 150, 120, 180, 0.5, 0.2, 0.8));
    BudgetSection.Gain attributed = BudgetRecommendations.attributed(sure, apart).orElseThrow();
    assertThat(attributed.perWeek()).isCloseTo(100, within(1e-9));
    assertThat(attributed.low()).isCloseTo(60, within(1e-9));
    assertThat(attributed.high()).isCloseTo(140, within(1e-9));
    Map<String, RoiSection.RoiInterval> overlapping = Map.of("a", apart.get("a"),
        "b", new RoiSection.RoiInterval("b", 55, 40, 70, -0.45, -0.55, -0.3));
    assertThat(action(sure, apart)).startsWith("Move 10.0% of Channel A's spend to Channel B");
    assertThat(action(unsure, apart)).contains("either side of 0");
    assertThat(action(sure, overlapping)).contains("do not put Channel B above Channel A");
  }

  /**
   * Issue 15 on the bundled world: the optimiser's split moved money from trade shows to channels whose fitted
   * marginal ROI is 0, and the moves table listed three moves with an expected gain of 0. A move is listed only
   * when the fitted model expects a gain from it, largest first; the others are named as idle, never
   * recommended.
   */
  @Test
  void movesWithoutAnExpectedGainAreNamedNotListed() {
    BudgetSection budget = bundled;
    double least = BudgetSection.NO_GAIN * budget.revenuePerWeek();
    assertThat(budget.moves()).allSatisfy(m -> assertThat(m.gain().perWeek()).isGreaterThan(least));
    assertThat(budget.moves()).extracting(m -> m.gain().perWeek())
        .isSortedAccordingTo(Comparator.<Double>naturalOrder().reversed());
    // the uncautious plan had three idle moves here; the cautious one (issue 15) holds every channel and has none
    assertThat(budget.idle()).allSatisfy(m -> assertThat(m.gain().perWeek()).isLessThanOrEqualTo(least));
    // every idle move goes to a channel whose fitted marginal ROI is 0: the fit sees no return there
    assertThat(budget.idle()).allSatisfy(m -> assertThat(budget.channels().stream()
        .filter(c -> c.channel().equals(m.to())).findFirst().orElseThrow().marginalRoi()).isZero());
    StringBuilder page = new StringBuilder();
    budget.writeHtml(new org.engagement.report.html.Html(page));
    String moves = page.substring(page.indexOf("Budget moves, each valued on its own"));
    budget.idle().forEach(m -> assertThat(moves).contains("Not listed").contains(org.engagement.report.html.Html
        .escape(m.words())));
    // the table of moves lists only gaining moves: no row with an expected gain of 0 EUR
    assertThat(moves).doesNotContain(">0 EUR</td>", ">-0 EUR</td>");
    List<Recommendation> recommended = new BudgetRecommendations().recommend(List.of(budget));
    assertThat(recommended).hasSameSizeAs(budget.moves());
    budget.idle().forEach(m -> assertThat(recommended).extracting(Recommendation::action)
        .noneMatch(action -> action.contains(m.words())));
  }

  /**
   * An estimate at the edge of the range searched, as the mix model words it for analysts ("half-life 52.0 (the
   * most searched)", Google Ads on the 50,000-person world), is put in a marketer's words with its unit.
   */
  @Test
  void anEstimateAtItsLimitInPlainWords() {
    String so = ", so the data would have gone further and its interval is cut there";
    assertThat(MixWords.limit(new org.engagement.roi.mix.MixWarning("google-ads",
        org.engagement.roi.mix.MixWarning.Kind.AT_LIMIT, "channel 'google-ads': half-life 52.0 (the most searched)"
            + so))).isEqualTo("its carry-over half-life (52.0 weeks, the longest searched)");
    assertThat(MixWords.limit(new org.engagement.roi.mix.MixWarning("google-ads",
        org.engagement.roi.mix.MixWarning.Kind.AT_LIMIT, "channel 'google-ads': shape 3.00 (the most searched)"
            + so))).isEqualTo("the steepness of its saturation curve (3.00, the steepest searched)");
    assertThat(MixWords.limit(new org.engagement.roi.mix.MixWarning("tv", org.engagement.roi.mix.MixWarning.Kind
        .AT_LIMIT, "channel 'tv': something else"))).isEqualTo("an estimate");
  }

  /** An idle move is named in a note with why, not listed in the table of moves. */
  @Test
  void idleMovesAreNamedInANote() {
    BudgetSection.Move idle = new BudgetSection.Move("a", "Channel A", "b", "Channel B", 100, 0.1,
        new BudgetSection.Gain(0, -3, 50));
    BudgetSection budget = new BudgetSection("EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 30), 1_000,
        20, List.of(aChannel()), new BudgetSection.Gain(0, 0, 0), List.of(), List.of(idle), Map.of(), 1.83,
        BudgetCaution.NONE);
    StringBuilder page = new StringBuilder();
    budget.writeHtml(new org.engagement.report.html.Html(page));
    assertThat(page).contains("Not listed, though part of the optimiser&#39;s split: "
        + org.engagement.report.html.Html.escape(idle.words()), "gains nothing").doesNotContain("<td>move 10.0%");
  }

  /** A move with no expected gain is not recommended even as a test, whatever its interval says. */
  @Test
  void aMoveWithoutExpectedGainIsNoRecommendation() {
    // an expected gain of 0 with an interval above it: the refits lean one way, the fit sees nothing
    BudgetSection.Move nothing = new BudgetSection.Move("a", "Channel A", "b", "Channel B", 100, 0.1,
        new BudgetSection.Gain(0, 3, 50));
    assertThat(nothing.gain().certain()).isFalse();
    assertThat(nothing.gain().spread()).isEqualTo(new BudgetSection.Spread(0, 50, true));
    BudgetSection budget = new BudgetSection("EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 30), 1_000,
        0, List.of(), new BudgetSection.Gain(0, 0, 0), List.of(nothing), Map.of());
    assertThat(budget.gains(nothing.gain())).isFalse();
    assertThat(new BudgetRecommendations().recommend(List.of(budget))).isEmpty();
  }

  /**
   * A figure and its interval that a reader can trust together: the bundled world's press coverage had an ROI
   * of 2.85 beside a 90% interval of 1.64 to 2.68 (the mix model's refits are drawn again towards its ROI
   * prior's mean, 1.83, so their percentiles lay below the fit). The interval shown is widened to hold the fitted
   * value, and marked; every ROI and marginal ROI cell holds its value. Since the ROI interval became the union
   * with the profile interval the bundled page's ROI intervals hold their fits; the widening still guards the
   * marginal ROI's.
   */
  @Test
  void everyIntervalShownHoldsItsFittedValue() {
    assertThat(BudgetSection.Spread.of(2.85, 1.64, 2.68)).isEqualTo(new BudgetSection.Spread(1.64, 2.85, true));
    assertThat(BudgetSection.Spread.of(0.74, 0.08, 1.84)).isEqualTo(new BudgetSection.Spread(0.08, 1.84, false));
    assertThat(BudgetSection.Spread.of(0.46, 0.46, 1.67).widened()).isFalse();
    // a fit at a bound, on an end of its interval but for rounding, is not outside it
    assertThat(BudgetSection.Spread.of(0.3399, 0.34, 1.30).widened()).isFalse();
    BudgetSection budget = bundled;
    StringBuilder page = new StringBuilder();
    budget.writeHtml(new org.engagement.report.html.Html(page));
    java.util.regex.Matcher cell = java.util.regex.Pattern.compile(
        "<td[^>]*>(-?[0-9.,]+) \\((-?[0-9.,]+) to (-?[0-9.,]+)\\)( \\*)?</td>").matcher(page);
    int cells = 0;
    while (cell.find()) {
      double value = Double.parseDouble(cell.group(1).replace(",", ""));
      assertThat(value).as(cell.group()).isBetween(Double.parseDouble(cell.group(2).replace(",", "")),
          Double.parseDouble(cell.group(3).replace(",", "")));
      cells++;
    }
    // an ROI and a marginal ROI per channel
    assertThat(cells).isEqualTo(2 * budget.channels().size());
    BudgetSection.ChannelBudget press = budget.channels().stream().filter(c -> c.name().equals("Press coverage"))
        .findFirst().orElseThrow();
    // since issue 14's profile intervals a ROI interval is the union of the refits' percentile interval and the
    // channel's profile interval, which holds the fitted value: press's 2.85 now lies inside 1.64 to 3.54, and
    // no ROI interval needs widening (marginal ROI intervals are still the refits' alone)
    assertThat(press.roi()).isBetween(press.roiLow(), press.roiHigh());
    assertThat(budget.channels()).allSatisfy(c -> assertThat(c.roi()).isBetween(c.roiLow(), c.roiHigh()));
    // a channel without effect has no half-life to read (the fit's value is its prior's median)
    assertThat(page.toString().split("none: no effect found", -1)).hasSize(1 + (int) budget.channels().stream()
        .filter(c -> c.contribution() <= 0).count());
    assertThat(budget.channels()).anySatisfy(c -> assertThat(c.contribution()).isZero());
  }

  /**
   * Issue 15: the page planned without caution while {@code engagement mix} is cautious by default, two answers
   * to one question. The page's plan is the cautious one: every channel the fit cannot pin down keeps today's
   * spend and is named with the reason and what would free it; when there is no move, the page says what would
   * unlock moves (a lift test, on the channels an uncautious split would move).
   */
  @Test
  void thePlanIsCautiousAndNamesTheHeldChannels() {
    BudgetSection budget = bundled;
    BudgetCaution caution = budget.caution();
    assertThat(caution.held()).isNotEmpty().allSatisfy(h -> {
      BudgetSection.ChannelBudget line = budget.channels().stream().filter(c -> c.channel().equals(h.channel()))
          .findFirst().orElseThrow();
      assertThat(line.recommendedPerWeek()).as(h.name()).isCloseTo(line.currentPerWeek(),
          within(1e-6 * line.currentPerWeek()));
      assertThat(h.name()).isEqualTo(line.name());
      assertThat(h.noEffect()).as(h.name()).isEqualTo(line.contribution() <= 0);
    });
    StringBuilder page = new StringBuilder();
    budget.writeHtml(new org.engagement.report.html.Html(page));
    assertThat(page).contains("cautious one, as engagement mix makes it by default",
        "A lift test on a channel settles its ROI and frees its budget");
    caution.held().forEach(h -> assertThat(page).contains(org.engagement.report.html.Html.escape(h.name())));
    if (budget.moves().isEmpty()) {
      assertThat(page).contains("What would unlock moves: a lift test");
      // the uncautious split's moves, named as what the test should check, never as recommendations
      assertThat(caution.untested()).isNotEmpty();
      caution.untested().forEach(m -> assertThat(page).contains(org.engagement.report.html.Html.escape(m.words())));
      assertThat(new BudgetRecommendations().recommend(List.of(budget))).isEmpty();
    }
  }

  /**
   * Issue 15: the page did not show the mix model's warnings. The channels the fit finds no effect for (the
   * bundled world has several) are named in plain words beside the channels' table, with what would settle it.
   */
  @Test
  void theFitsWarningsAreShownInPlainWords() {
    BudgetSection budget = bundled;
    List<String> noEffect = budget.channels().stream().filter(c -> c.contribution() <= 0)
        .map(BudgetSection.ChannelBudget::name).toList();
    assertThat(noEffect).isNotEmpty();
    assertThat(budget.caution().warnings()).anySatisfy(w -> assertThat(w)
        .startsWith(BudgetCaution.names(noEffect) + ": the model found no effect").contains("lift test"));
    // plain words: no channel id in quotes, no objective or R² figures
    assertThat(budget.caution().warnings()).allSatisfy(w -> assertThat(w).doesNotContain("channel '", "objective",
        "R²"));
    StringBuilder page = new StringBuilder();
    budget.writeHtml(new org.engagement.report.html.Html(page));
    assertThat(page).contains("what the fit could not settle");
    budget.caution().warnings().forEach(w -> assertThat(page).contains(org.engagement.report.html.Html.escape(w)));
  }

  /**
   * Without moves and with channels held, the page groups the held channels by reason and says what would unlock
   * moves: a lift test on them.
   */
  @Test
  void withoutMovesThePageSaysWhatWouldUnlockThem() {
    BudgetCaution caution = new BudgetCaution(List.of(
        new BudgetCaution.Held("blog", "Blog", true, "half", 0.95),
        new BudgetCaution.Held("press", "Press coverage", false, "half or twice", 0.5),
        new BudgetCaution.Held("tv", "TV", true, "half", 0.97)),
        List.of("Blog: the model found no effect of its spend."), List.of());
    BudgetSection budget = new BudgetSection("EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 30), 1_000,
        20, List.of(aChannel()), new BudgetSection.Gain(0, 0, 0), List.of(), List.of(), Map.of(), 1.83, caution);
    StringBuilder page = new StringBuilder();
    budget.writeHtml(new org.engagement.report.html.Html(page));
    assertThat(page).contains("<li>Blog and TV: no effect of the spend found, so no ROI to pin down; and spend "
        + "that rises and falls with the rest of the model",
        "<li>Press coverage: the weekly figures fit about as well with half or twice the estimated ROI.</li>",
        "What would unlock moves: a lift test (a hold-out, or a geographic split) on Blog, Press coverage and TV",
        "engagement mix --lift FILE", "Blog: the model found no effect of its spend.");
    assertThat(budget.summary()).anySatisfy(line -> assertThat(line).contains("held at today's spend")
        .contains("Blog, Press coverage and TV"));
  }

  /** One channel's line, for the charts of a hand-made section. */
  private static BudgetSection.ChannelBudget aChannel() {
    return new BudgetSection.ChannelBudget("blog", "Blog", 5_200, 2_600, 1, 0.5, 0.3, 0.7, 0.4, 0.2, 0.6, 2, 100, 100,
        BudgetSection.CURVE_MULTIPLES.stream().map(m -> 50 * m).toList());
  }

  private static String action(BudgetSection.Move move, Map<String, RoiSection.RoiInterval> intervals) {
    BudgetSection budget = new BudgetSection("EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 30), 1_000,
        0, List.of(), new BudgetSection.Gain(0, 0, 0), List.of(move), Map.of());
    RoiSection roi = new RoiSection("EUR", "hand-made", List.of("attributed revenue"), 1.0, List.of(
        new RoiSection.ChannelRoi("a", 100, List.of(50.0)), new RoiSection.ChannelRoi("b", 100, List.of(150.0))))
        .withIntervals(List.copyOf(intervals.values()));
    return new BudgetRecommendations().recommend(List.of(budget, roi)).get(0).action();
  }
}
