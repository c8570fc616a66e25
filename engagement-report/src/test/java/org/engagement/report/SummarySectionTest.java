package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.internal.analysis.PeriodFigures;
import org.engagement.report.internal.recommendation.RoiRecommendations;
import org.engagement.report.internal.section.ClvSection;
import org.engagement.report.internal.section.RoiSection;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.ReportSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary's figures worked out by hand on {@link SmallWorld}, its recommendations from hand-made ROI
 * intervals, and the page's one number format (the tests run under a Turkish locale).
 */
class SummarySectionTest {

  /**
   * The small world runs from 2024-01-05T10:00Z to 2024-03-05T12:00Z: 61 days, so the earlier half is the 31
   * days from 2024-01-05 to 2024-02-04 and the later the 30 from 2024-02-05 to 2024-03-05, cut at
   * 2024-02-05T00:00Z (issue 15: cut at an instant in the middle of a day, both halves showed that day).
   * Earlier half: a, b and c active, a's 100 and b's 300 bought (first purchases of a and b). Later half: c
   * and d active, c's two purchases of 50 (c's first). c is active in both halves.
   */
  @Test
  void halvesOfTheSmallWorldByHand(@TempDir Path dir) throws IOException {
    PeriodFigures figures = PeriodFigures.of(Analysis.of(SmallWorld.read(dir), Progress.none()));
    assertThat(figures.middle()).isEqualTo(Instant.parse("2024-02-05T00:00:00Z"));
    assertThat(List.of(figures.earlierFirstDay(), figures.earlierLastDay(), figures.laterFirstDay(),
        figures.laterLastDay())).extracting(Object::toString)
        .containsExactly("2024-01-05", "2024-02-04", "2024-02-05", "2024-03-05");
    assertThat(figures.earlier().revenue()).isEqualTo(400.0);
    assertThat(figures.later().revenue()).isEqualTo(100.0);
    assertThat(figures.earlier().newBuyers()).isEqualTo(2);
    assertThat(figures.later().newBuyers()).isEqualTo(1);
    assertThat(figures.earlier().active()).isEqualTo(3);
    assertThat(figures.later().active()).isEqualTo(2);
    assertThat(figures.retained()).isEqualTo(1);
    assertThat(figures.earlier().cost()).isEmpty();
  }

  /**
   * Each half's cost spreads each month over its days, as the counts are cut at a day: the cut at 2024-02-05
   * gives the earlier half January's 310 and 4 of February's 29 days (40 of 290), the later half the other 25
   * (250) and March's 310. The page's halves are day ranges that do not overlap.
   */
  @Test
  void halvesAreWholeDaysAndShareTheCostOfTheMonthTheyCut(@TempDir Path dir) throws IOException {
    SmallWorld.write(dir);
    java.nio.file.Files.writeString(dir.resolve(AnalysisInput.COSTS), "month,channel,owner,amount,currency\n"
        + "2024-01,email,crm team,310,EUR\n2024-02,email,crm team,290,EUR\n2024-03,social,social team,310,EUR\n");
    AnalysisInput input = AnalysisInput.read(dir);
    PeriodFigures figures = PeriodFigures.of(Analysis.of(input, Progress.none()));
    assertThat(figures.earlier().cost()).hasValueSatisfying(c -> assertThat(c).isCloseTo(350.0, within(1e-9)));
    assertThat(figures.later().cost()).hasValueSatisfying(c -> assertThat(c).isCloseTo(560.0, within(1e-9)));
    SummarySection summary = (SummarySection) ReportModel.build(input, Progress.none()).sections().get(0);
    assertThat(summary.periods()).extracting(SummarySection.Period::label).containsExactly(
        "Whole window, 2024-01-05 to 2024-03-05",
        "Latest half, 2024-02-05 to 2024-03-05 (change against the earlier half)",
        "Earlier half, 2024-01-05 to 2024-02-04");
  }

  /** Without costs: revenue and customers with their change, no ROI, and a note that says why. */
  @Test
  void withoutCostsTheSummarySaysWhatIsMissing(@TempDir Path dir) throws IOException {
    ReportModel model = ReportModel.build(SmallWorld.read(dir), Progress.none());
    SummarySection summary = (SummarySection) model.sections().get(0);
    assertThat(summary.periods()).extracting(SummarySection.Period::key).containsExactly("whole", "later", "earlier");
    assertThat(summary.periods().get(0).figures()).extracting(SummarySection.Kpi::name)
        .containsExactly("revenue", "new buyers", "customers retained");
    assertThat(summary.periods().get(0).figures().get(0).value()).isEqualTo("500 EUR");
    SummarySection.Kpi laterRevenue = summary.periods().get(1).figures().get(0);
    assertThat(laterRevenue.value()).isEqualTo("100 EUR");
    assertThat(laterRevenue.change()).startsWith("-75.0% against the earlier half (");
    assertThat(summary.periods().get(0).figures().get(2).note()).startsWith("33.3% of the earlier half");
    assertThat(summary.recommendations()).isEmpty();
    assertThat(summary.notes()).anyMatch(note -> note.contains("no costs.csv"));
    String page = HtmlReport.render(model);
    assertThat(page.indexOf("<section id=\"summary\">")).isLessThan(page.indexOf("<section id=\"data\">"));
    assertThat(page).contains("select data-switch=\"period\"", "data-period=\"later\"");
  }

  /** A ROI section left out for the heap is named as such, not blamed on a missing cost file. */
  @Test
  void aRoiLeftOutForTheHeapIsNotCalledAMissingCostFile() {
    List<ReportSection> leftOut = List.of(ReportSection.leftOut(RoiSection.ID, RoiSection.TITLE,
        "building it ran out of memory (the Java heap's limit is 972 MB)"));
    assertThat(SummarySection.whyNoRoi(leftOut)).startsWith("the ROI section was left out")
        .contains("972 MB").doesNotContain("costs.csv");
    assertThat(SummarySection.whyNoRoi(List.of())).contains("no costs.csv");
    List<ReportSection> otherLeftOut = List.of(ReportSection.leftOut(ClvSection.ID, "Customer lifetime value",
        "building it ran out of memory"));
    assertThat(SummarySection.whyNoRoi(otherLeftOut)).contains("no costs.csv");
  }

  /**
   * A channel whose whole ROI interval is above 0 is a case to grow, one whose whole interval is below 0 a
   * case to cut, one whose interval spans 0 a case to test; the strongest (furthest from 0) first, named by
   * display name.
   */
  @Test
  void recommendationsClaimNoMoreThanTheIntervals() {
    RoiSection section = new RoiSection("EUR", "hand-made", List.of("attributed revenue"), 1.0, List.of(
        new RoiSection.ChannelRoi("partner-referral", 100, List.of(210.0)),
        new RoiSection.ChannelRoi("trade-show", 100, List.of(40.0)),
        new RoiSection.ChannelRoi("email", 100, List.of(110.0))))
        .withIntervals(List.of(
            new RoiSection.RoiInterval("partner-referral", 210, 160, 270, 1.1, 0.6, 1.7),
            new RoiSection.RoiInterval("trade-show", 40, 20, 70, -0.6, -0.8, -0.3),
            new RoiSection.RoiInterval("email", 110, 80, 140, 0.1, -0.2, 0.4)))
        .withLabels(new RoiSection.Labels("markov", Map.of("partner-referral", "Partner referrals",
            "trade-show", "Trade shows", "email", "Email"), Map.of()));
    List<Recommendation> found = new RoiRecommendations().recommend(List.of(section));
    assertThat(found).extracting(Recommendation::action).satisfiesExactly(
        grow -> assertThat(grow).startsWith("Grow Partner referrals"),
        cut -> assertThat(cut).startsWith("Cut or rethink Trade shows"),
        test -> assertThat(test).startsWith("Test Email"));
    assertThat(found.get(0).effect()).isEqualTo("ROI +110.0%: each 1 EUR spent brought back 2.10 EUR of contribution");
    assertThat(found.get(0).interval()).isEqualTo("90% interval +60.0% to +170.0%");
    assertThat(found.get(0).basis()).contains("markov");
    assertThat(found).extracting(Recommendation::strength).containsExactly(0.6, 0.3, 0.0);
  }

  /**
   * When every channel lost money the recommendations can only cut, so the summary says so first, naming the
   * least bad channel (issue 15: three "cut" lines on the bundled world read as if growth had been left out); one
   * channel that paid back, or no interval at all, says nothing.
   */
  @Test
  void aWindowWhereEveryChannelLostMoneyIsSaidBeforeTheCuts() {
    RoiSection.Labels labels = new RoiSection.Labels("markov", Map.of("trade-show", "Trade shows", "email", "Email"),
        Map.of());
    RoiSection losing = handMade(labels, List.of(
        new RoiSection.RoiInterval("trade-show", 40, 20, 70, -0.6, -0.8, -0.3),
        new RoiSection.RoiInterval("email", 90, 80, 140, -0.1, -0.2, 0.4)));
    assertThat(SummarySection.findings(losing)).singleElement().asString()
        .startsWith("Every channel lost money over this window: the best, Email, brought back 0.90 EUR for each 1 EUR")
        .contains("ROI -10.0%");
    RoiSection oneWins = handMade(labels, List.of(
        new RoiSection.RoiInterval("trade-show", 40, 20, 70, -0.6, -0.8, -0.3),
        new RoiSection.RoiInterval("email", 110, 80, 140, 0.1, -0.2, 0.4)));
    assertThat(SummarySection.findings(oneWins)).isEmpty();
    assertThat(SummarySection.findings(handMade(labels, List.of()))).isEmpty();
  }

  private static RoiSection handMade(RoiSection.Labels labels, List<RoiSection.RoiInterval> intervals) {
    return new RoiSection("EUR", "hand-made", List.of("attributed revenue"), 1.0, List.of(
        new RoiSection.ChannelRoi("trade-show", 100, List.of(40.0)),
        new RoiSection.ChannelRoi("email", 100, List.of(90.0))))
        .withIntervals(intervals).withLabels(labels);
  }

  /**
   * The intervals resample the customers: seeded, so two runs agree; each resample draws as many customers as
   * there are (the four of the small world, each active in some half), so its active customers of the two
   * halves less those in both are four; and the observed revenue lies inside its interval.
   */
  @Test
  void headlineIntervalsResampleTheCustomers(@TempDir Path dir) throws IOException {
    AnalysisInput input = SmallWorld.read(dir);
    PeriodFigures once = PeriodFigures.of(Analysis.of(input, Progress.none()));
    PeriodFigures again = PeriodFigures.of(Analysis.of(input, Progress.none()));
    assertThat(once.resamples()).hasSize(PeriodFigures.RESAMPLES).isEqualTo(again.resamples());
    assertThat(once.resamples()).allSatisfy(r -> {
      assertThat(r.earlier().active() + r.later().active() - r.retained()).isEqualTo(4);
      // four draws from a's 100, b's 300, c's 100 and d's nothing
      assertThat(r.revenue() % 100).isZero();
      assertThat(r.revenue()).isBetween(0.0, 1200.0);
    });
    assertThat(once.resamples().stream().map(PeriodFigures.Sample::revenue).distinct().count()).isGreaterThan(3);
    SummarySection summary = (SummarySection) ReportModel.build(input, Progress.none()).sections().get(0);
    SummarySection.Kpi revenue = summary.periods().get(0).figures().get(0);
    java.util.regex.Matcher ends = java.util.regex.Pattern.compile("90% interval ([0-9,]+) EUR to ([0-9,]+) EUR")
        .matcher(revenue.interval());
    assertThat(ends.matches()).as(revenue.interval()).isTrue();
    assertThat(Double.parseDouble(ends.group(1).replace(",", ""))).isLessThanOrEqualTo(500);
    assertThat(Double.parseDouble(ends.group(2).replace(",", ""))).isGreaterThanOrEqualTo(500);
  }

  /**
   * Each source's strongest comes first, even a case to test; then the others, supported before those to test,
   * the sources taking turns; the shown three are ordered supported first.
   */
  @Test
  void everySourceIsHeardAndSupportedMovesComeFirst(@TempDir Path dir) throws IOException {
    Recommendation.Source first = sections -> List.of(new Recommendation("a test", "", "", "", 0),
        new Recommendation("a weak", "", "", "", 0.01), new Recommendation("a strong", "", "", "", 0.05));
    Recommendation.Source second = sections -> List.of(new Recommendation("b strong", "", "", "", 2),
        new Recommendation("b weak", "", "", "", 0.5));
    Recommendation.Source tests = sections -> List.of(new Recommendation("c test", "", "", "", 0),
        new Recommendation("c other test", "", "", "", 0));
    List<ReportSection> none = List.of();
    assertThat(SummarySection.interleaved(List.of(first, second), none)).extracting(Recommendation::action)
        .containsExactly("a strong", "b strong", "a weak", "b weak", "a test");
    assertThat(SummarySection.interleaved(List.of(tests, first, second), none)).extracting(Recommendation::action)
        .containsExactly("a strong", "b strong", "c test", "a weak", "b weak", "c other test", "a test");
    ReportModel model = ReportModel.build(Analysis.of(SmallWorld.read(dir), Progress.none()),
        ReportModel.defaultBuilders(), List.of(tests, first, second));
    assertThat(((SummarySection) model.sections().get(0)).recommendations()).extracting(Recommendation::action)
        .containsExactly("a strong", "b strong", "c test");
  }

  /**
   * ROI and ROAS per half, by hand: rewards 300 (250 of it revenue credited to the channels) on 500 of revenue,
   * so each half's rewards are 0.6 of its revenue and its credited revenue 0.5; margin 0.5. Earlier half: 400 of
   * revenue on 200 of cost, ROI (0.5 x 240 - 200) / 200 = -40%, ROAS 1.00; later: 100 on 100, ROI -70%, ROAS
   * 0.50, so -30 points and -50% against the earlier half. The second resample doubles the later revenue (ROI
   * -40%): R-7's 5% and 95% of {-70%, -40%} are -68.5% and -41.5%.
   */
  @Test
  void roiAndRoasPerHalfSplitTheRewardsByRevenue() {
    PeriodFigures.Sample observed = new PeriodFigures.Sample(
        new PeriodFigures.Half(400, 2, java.util.Optional.of(200.0), 3),
        new PeriodFigures.Half(100, 1, java.util.Optional.of(100.0), 2), 1);
    PeriodFigures.Sample doubled = new PeriodFigures.Sample(observed.earlier(),
        new PeriodFigures.Half(200, 1, java.util.Optional.of(100.0), 2), 1);
    PeriodFigures figures = new PeriodFigures(Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-07-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), observed,
        List.of(observed, doubled));
    RoiSection roi = new RoiSection("EUR", "hand-made", List.of("attributed revenue", "retained value"), 0.5,
        List.of(new RoiSection.ChannelRoi("a", 300, List.of(250.0, 50.0))));

    List<SummarySection.Kpi> later = SummarySection.Kpis.returns(roi, figures, true, "EUR");
    List<SummarySection.Kpi> earlier = SummarySection.Kpis.returns(roi, figures, false, "EUR");

    assertThat(later).extracting(SummarySection.Kpi::name).containsExactly("ROI", "ROAS");
    assertThat(later.get(0).value()).isEqualTo("-70.0%");
    assertThat(later.get(0).interval()).isEqualTo("90% interval -68.5% to -41.5%");
    assertThat(later.get(0).change()).startsWith("-30.0 points against the earlier half (");
    assertThat(later.get(1).value()).isEqualTo("0.50");
    assertThat(later.get(1).change()).startsWith("-50.0% against the earlier half (");
    assertThat(earlier.get(0).value()).isEqualTo("-40.0%");
    assertThat(earlier.get(1).value()).isEqualTo("1.00");
    assertThat(earlier).extracting(SummarySection.Kpi::change).containsOnly("");
    // without a cost in one half there is no base for a half's return
    PeriodFigures noCost = new PeriodFigures(figures.earlierStart(), figures.middle(), figures.end(),
        new PeriodFigures.Sample(new PeriodFigures.Half(400, 2, java.util.Optional.empty(), 3), observed.later(), 1),
        List.of());
    assertThat(SummarySection.Kpis.returns(roi, noCost, true, "EUR")).isEmpty();
  }

  @Test
  void oneNumberFormatInEveryLocale() {
    assertThat(NumberText.count(27918)).isEqualTo("27,918");
    assertThat(NumberText.money(199.756, "EUR")).isEqualTo("199.76 EUR");
    assertThat(NumberText.wholeMoney(956840.4, "EUR")).isEqualTo("956,840 EUR");
    assertThat(NumberText.percent(0.06)).isEqualTo("6.0%");
    assertThat(NumberText.percent(0.061)).isEqualTo("6.1%");
    assertThat(NumberText.signedPercent(-0.02)).isEqualTo("-2.0%");
    assertThat(NumberText.signedPercent(0.5)).isEqualTo("+50.0%");
    assertThat(List.of(950.0, 5000.0, 10_000.0, 12_500.0, 250_000.0, 3_400_000.0, -8.31, 207.0, -11.0))
        .extracting(NumberText::compact)
        .containsExactly("950", "5k", "10k", "12.5k", "250k", "3.4M", "-8.31", "207", "-11");
  }

  /** Widening bands of 1, 2, 5, ... from a floor a thousandth of the largest value; the last holds its top. */
  @Test
  void lifetimeValueBandsWiden() {
    ClvSection clv = new ClvSection("hand-made", "EUR", List.of(0.5, 3.0, 30.0, 300.0, 2000.0));
    assertThat(clv.bands()).containsExactly(Map.entry("under 2", 1), Map.entry("2\u20135", 1),
        Map.entry("5\u201310", 0), Map.entry("10\u201320", 0), Map.entry("20\u201350", 1), Map.entry("50\u2013100", 0),
        Map.entry("100\u2013200", 0), Map.entry("200\u2013500", 1), Map.entry("500\u20131k", 0),
        Map.entry("1k\u20132k", 1));
  }

  /** The model's notes lose the "recommended: " that repeats the model named just before them. */
  @Test
  void modelNotesReadAsSentences() {
    assertThat(SummarySection.withoutModelName("recommended: additive-hazard, because its fit predicts"))
        .isEqualTo("Additive-hazard, because its fit predicts");
    assertThat(SummarySection.withoutModelName("shapley: 7 channels")).isEqualTo("shapley: 7 channels");
    assertThat(SummarySection.withoutModelName("recommended: ")).isEqualTo("recommended: ");
  }
}
