package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.hazard.ExposureHazardModel;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.internal.analysis.TruthFit;
import org.engagement.report.internal.section.AttributionSection;
import org.engagement.report.internal.section.RoiSection;
import org.engagement.report.internal.text.NumberText;
import org.engagement.simulator.SampleWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's relationship ROI on the bundled world rests on the {@code recommended} attribution and is set
 * against the world's {@code truth.csv} (issue 13): the page and the summary say which model the rule chose
 * and why, and each invested channel's ROI is recomputed from its true incremental conversions.
 */
class ReportAgainstTruthTest {
  private static Analysis analysis;
  private static RoiSection roi;
  private static ReportModel report;

  @BeforeAll
  static void buildTheReport() throws IOException {
    analysis = Analysis.of(BundledWorld.input(), Progress.none());
    report = ReportModel.build(analysis, ReportModel.defaultBuilders());
    roi = (RoiSection) report.section(RoiSection.ID).orElseThrow();
  }

  /**
   * Issue 15: the terminal summary writes every count and amount with thousands separators, the journeys' note
   * and the files' accounts included.
   */
  @Test
  void theTerminalSummaryGroupsThousands() {
    String text = TextSummary.render(report);
    assertThat(text).containsPattern("csv: read [0-9]{1,3}(,[0-9]{3})+, accepted [0-9]{1,3}(,[0-9]{3})+,")
        .containsPattern("\\(value [0-9]{1,3}(,[0-9]{3})+\\.[0-9]{2}\\)")
        .doesNotContainPattern("(?<![.,0-9])[0-9]{5,}(?![0-9])(?![.,][0-9])");
  }

  /** The truth file as the simulator wrote it, read here by splitting lines: channel to true conversions. */
  private static Map<String, Double> trueConversions() throws IOException {
    return truthColumn(1);
  }

  /** One numeric column of the truth file by position, by channel. */
  private static Map<String, Double> truthColumn(int column) throws IOException {
    Map<String, Double> truth = new LinkedHashMap<>();
    try (InputStream in = SampleWorld.open(AnalysisInput.TRUTH)) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertThat(lines.get(0)).isEqualTo("channel,true_incremental_conversions,true_share");
      lines.stream().skip(1).map(line -> line.split(",")).forEach(cells -> truth.put(cells[0],
          Double.parseDouble(cells[column])));
    }
    return truth;
  }

  @Test
  void theRoiSaysWhichModelTheRecommendationChoseAndWhy() {
    assertThat(roi.method()).contains("Measured attribution: " + RecommendedModel.NAME + ",")
        .doesNotContain("Measured attribution: additive-hazard")
        .contains("(attributed by markov)");
    assertThat(roi.attribution()).first().asString().startsWith("recommended: exposure-hazard, because");
    assertThat(roi.attribution()).as("the report's lookback covers the data, so none is set aside")
        .noneMatch(note -> note.startsWith("recommended: not exposure-hazard"))
        .noneMatch(note -> note.contains("more than the lookback before"));
    assertThat(analysis.journeys().setAside().outsideLookback()).isZero();
    assertThat(roi.summary()).contains("attribution: " + roi.attribution().get(0));
    assertThat(TextSummary.render(report)).contains("attribution: recommended: exposure-hazard, because");
    assertThat(HtmlReport.render(report)).contains("Attribution: recommended: exposure-hazard, because");
  }

  /**
   * The attributed revenue follows the exposure-hazard credits the rule chose (the report's lookback covers the
   * data, so the fit in exposure time runs): each channel's attributed revenue over its exposure-hazard value
   * credit is one factor (the survey's blend at weight 0.5 scales every
   * channel alike, and the self-reported part is a component of its own). Markov's credits, which the ROI used
   * before, are not in that proportion.
   */
  @Test
  void theAttributedRevenueIsTheRecommendedModelsCredit() {
    AttributionResult hazard = ExposureHazardModel.create().attribute(analysis.journeys().toJourneySet());
    int revenue = roi.components().indexOf("attributed revenue");
    double factor = Double.NaN;
    for (RoiSection.ChannelRoi row : roi.channels()) {
      double credit = hazard.valueByChannel().getOrDefault(row.channel(), 0.0);
      if (credit > 1) {
        double ratio = row.rewards().get(revenue) / credit;
        if (Double.isNaN(factor)) {
          factor = ratio;
        }
        assertThat(ratio).as(row.channel()).isCloseTo(factor, within(1e-9 * factor));
      }
    }
    assertThat(factor).isGreaterThan(0);
  }

  /**
   * Every invested channel the truth names has its ROI from the truth, and the ROI moves by exactly the
   * difference between the value of its true conversions and its attributed revenue: (ROI from truth - ROI)
   * times investment over margin, plus the attributed revenue, is the true conversions times one value per
   * conversion, the same for every channel.
   */
  @Test
  void theRoiFromTheTruthReplacesTheAttributedRevenueWithTheTrueConversions() throws IOException {
    Map<String, Double> truth = trueConversions();
    assertThat(analysis.truth()).hasValueSatisfying(t -> assertThat(t.incrementalConversions()).isEqualTo(truth));
    List<String> invested = roi.channels().stream().filter(c -> c.investment() > 0)
        .map(RoiSection.ChannelRoi::channel).filter(truth::containsKey).toList();
    assertThat(roi.truth()).extracting(RoiSection.TruthRoi::channel).containsExactlyInAnyOrderElementsOf(invested)
        .hasSizeGreaterThan(5);
    int revenue = roi.components().indexOf("attributed revenue");
    double perConversion = Double.NaN;
    for (RoiSection.TruthRoi row : roi.truth()) {
      RoiSection.ChannelRoi channel = roi.channels().stream().filter(c -> c.channel().equals(row.channel()))
          .findFirst().orElseThrow();
      assertThat(row.measured()).isEqualTo(roi.roi(channel).getAsDouble());
      double trueRevenue = (row.fromTruth() - row.measured()) * channel.investment() / roi.margin()
          + channel.rewards().get(revenue);
      double value = trueRevenue / truth.get(row.channel());
      if (Double.isNaN(perConversion)) {
        perConversion = value;
      }
      assertThat(value).as(row.channel()).isCloseTo(perConversion, within(1e-6 * perConversion));
      assertThat(row.sameSign()).isEqualTo(row.measured() >= 0 == row.fromTruth() >= 0);
    }
    assertThat(perConversion).isGreaterThan(0);
    assertThat(HtmlReport.render(report))
        .contains("ROI per channel from the measured attribution and from the true incremental conversions");
    assertThat(roi.summary()).anyMatch(line -> line.matches("against truth.csv: \\d+ of " + roi.truth().size()
        + " channels change the sign of their ROI"));
  }

  /** Reading truth.csv is accounted for like every other file the report reads. */
  @Test
  void theTruthFileIsAccountedFor() {
    assertThat(report.reads()).anySatisfy(read -> {
      assertThat(read.source()).isEqualTo(AnalysisInput.TRUTH);
      assertThat(read.accepted()).isEqualTo(10);
      assertThat(read.isClean()).isTrue();
    });
  }

  /**
   * A note two models give (exposure-hazard's, which recommended runs on these journeys) is shown once, not once
   * per model.
   */
  @Test
  void theAttributionSectionShowsEachNoteOnce() {
    AttributionSection section = (AttributionSection) report.section(AttributionSection.ID).orElseThrow();
    assertThat(section.notes()).anyMatch(note -> note.startsWith("exposure-hazard:")).doesNotHaveDuplicates();
  }

  /**
   * The attribution section sets every model's shares against the true shares: one fit per model, the
   * recommended model's error recomputed here from its conversion credits, and the page shows both tables.
   */
  @Test
  void theAttributionSectionShowsEveryModelsErrorAgainstTheTruth() throws IOException {
    AttributionSection section = (AttributionSection) report.section(AttributionSection.ID).orElseThrow();
    Map<String, Double> trueShares = truthColumn(2);
    assertThat(section.trueShares()).isEqualTo(trueShares);
    List<TruthFit> fits = section.againstTruth();
    assertThat(fits).extracting(TruthFit::model)
        .containsExactlyElementsOf(section.models().stream().map(AttributionSection.ModelCredit::model).toList());
    AttributionSection.ModelCredit recommended = section.models().stream()
        .filter(m -> m.model().equals(RecommendedModel.NAME)).findFirst().orElseThrow();
    double error = 0;
    for (Map.Entry<String, Double> truth : trueShares.entrySet()) {
      error += Math.abs(recommended.conversions().getOrDefault(truth.getKey(), 0.0) / section.conversions()
          - truth.getValue());
    }
    TruthFit fit = fits.stream().filter(f -> f.model().equals(RecommendedModel.NAME)).findFirst().orElseThrow();
    assertThat(fit.meanAbsoluteError()).isCloseTo(error / trueShares.size(), within(1e-12));
    assertThat(fit.spearman()).isBetween(-1.0, 1.0);
    String page = HtmlReport.render(report);
    assertThat(page).contains("True share per channel beside the recommended model", "Each model against the truth",
        "Against truth.csv");
    assertThat(section.summary()).contains("against truth.csv (mean absolute error of shares / Spearman):")
        .anyMatch(line -> line.startsWith("  recommended  " + NumberText.number(fit.meanAbsoluteError(), 3)));
  }

  /**
   * On the report's own journeys (every purchase, a lookback covering the data) the recommended model meets issue
   * 13's aim against the bundled world's truth and beats last touch and Markov order 1 on both figures. Measured
   * (2026-12-06): recommended (exposure-hazard) 0.0173 / 0.97, last touch 0.0837 / 0.35, Markov 0.1020 / -0.30
   * (error / Spearman); with the former 90-day lookback the recommended model was additive-hazard at 0.0165 /
   * 0.89, last touch 0.0825 / 0.40, Markov 0.0859 / 0.34. Since exposure-hazard follows a journey at most to the
   * horizon of the observed conversions: recommended 0.0163 / 0.97.
   */
  @Test
  void theRecommendedModelIsCloserToTheTruthThanLastTouchAndMarkov() {
    AttributionSection section = (AttributionSection) report.section(AttributionSection.ID).orElseThrow();
    Map<String, TruthFit> fits = new LinkedHashMap<>();
    section.againstTruth().forEach(fit -> fits.put(fit.model(), fit));
    TruthFit recommended = fits.get(RecommendedModel.NAME);
    assertThat(recommended.meanAbsoluteError()).isLessThanOrEqualTo(0.03);
    assertThat(recommended.spearman()).isGreaterThanOrEqualTo(0.8);
    for (String baseline : List.of("last-touch", "markov")) {
      assertThat(recommended.meanAbsoluteError()).as(baseline).isLessThan(fits.get(baseline).meanAbsoluteError());
      assertThat(recommended.spearman()).as(baseline).isGreaterThan(fits.get(baseline).spearman());
    }
  }

  /** Without a truth file the section has no comparison and the page no such tables. */
  @Test
  void withoutTruthThereIsNoComparison(@TempDir Path dir) throws IOException {
    SmallWorld.write(dir);
    ReportModel small = ReportModel.build(AnalysisInput.read(dir), Progress.none());
    AttributionSection section = (AttributionSection) small.section(AttributionSection.ID).orElseThrow();
    assertThat(section.trueShares()).isEmpty();
    assertThat(section.againstTruth()).isEmpty();
    assertThat(HtmlReport.render(small)).doesNotContain("Each model against the truth");
    assertThat(small.reads()).noneMatch(read -> read.source().equals(AnalysisInput.TRUTH));
  }

  /**
   * Spearman's correlation as the tests and the issue define it: 1 for the same order, -1 for the reverse,
   * and with ties by their mean rank: shares (1, 2, 2, 3) against (1, 2, 3, 4) rank (1, 2.5, 2.5, 4) against
   * (1, 2, 3, 4), Pearson's correlation of the ranks 4.5 / sqrt(4.5 * 5) = 0.948683.
   */
  @Test
  void spearmanRanksTiesByTheirMean() {
    Map<String, Double> truth = Map.of("a", 0.1, "b", 0.2, "c", 0.3, "d", 0.4);
    assertThat(TruthFit.of("same", truth, truth).spearman()).isCloseTo(1, within(1e-12));
    assertThat(TruthFit.of("same", truth, truth).meanAbsoluteError()).isZero();
    assertThat(TruthFit.of("reverse", Map.of("a", 0.4, "b", 0.3, "c", 0.2, "d", 0.1), truth).spearman())
        .isCloseTo(-1, within(1e-12));
    TruthFit ties = TruthFit.of("ties", Map.of("a", 0.1, "b", 0.2, "c", 0.2, "d", 0.3), truth);
    assertThat(ties.spearman()).isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-12));
    assertThat(ties.meanAbsoluteError()).isCloseTo((0 + 0 + 0.1 + 0.1) / 4, within(1e-12));
  }

  /**
   * The ROI per channel has bootstrap intervals from the model the recommendation chose, each ROI end the
   * page's ROI with the attributed revenue moved to that end of its interval; the page shows them low to high.
   */
  @Test
  void theRoiHasBootstrapIntervalsOfTheChosenModel() {
    assertThat(roi.attribution()).contains("intervals: 90% bootstrap percentiles of exposure-hazard's credits over "
        + ReportModel.REPORT_RESAMPLES + " resamples of customers (seed 0)");
    assertThat(roi.intervals()).hasSizeGreaterThan(5);
    int revenue = roi.components().indexOf("attributed revenue");
    for (RoiSection.RoiInterval interval : roi.intervals()) {
      RoiSection.ChannelRoi channel = roi.channels().stream().filter(c -> c.channel().equals(interval.channel()))
          .findFirst().orElseThrow();
      assertThat(interval.revenue()).isEqualTo(channel.rewards().get(revenue));
      assertThat(interval.roi()).isEqualTo(roi.roi(channel).getAsDouble());
      assertThat(interval.revenueLow()).as(interval.channel()).isLessThan(interval.revenueHigh());
      for (double[] end : new double[][] {{interval.revenueLow(), interval.roiLow()},
          {interval.revenueHigh(), interval.roiHigh()}}) {
        double reward = channel.reward() - interval.revenue() + end[0];
        assertThat(end[1]).isCloseTo((roi.margin() * reward - channel.investment()) / channel.investment(),
            within(1e-12));
      }
    }
    assertThat(HtmlReport.render(report)).contains("Attributed revenue and ROI per channel with their bootstrap "
        + "intervals (low to high");
    assertThat(roi.summary()).anyMatch(line -> line.contains("ROI interval"));
  }
  /**
   * The value tiers cut their journeys by the report's rules ({@code Analysis.journeyRules()}: the lookback that
   * covers the data), so every purchase of everyone's journeys falls in exactly one tier's and the tiers' attributed
   * revenue adds up to everyone's. On 90-day journeys, as the tiers were cut before, it did not: purchases whose
   * touches all lay more than 90 days back were in everyone's journeys and in no tier's (72,283.54 against
   * 75,093.47 on this world).
   */
  @Test
  void theValueTiersAttributedRevenueAddsUpToEveryones() {
    int revenue = roi.components().indexOf("attributed revenue");
    double everyone = roi.channels().stream().mapToDouble(c -> c.rewards().get(revenue)).sum();
    double tiers = roi.segments().stream().mapToDouble(c -> c.rewards().get(revenue)).sum();
    assertThat(roi.segments()).hasSizeGreaterThan(2);
    assertThat(tiers).isCloseTo(everyone, within(1e-6 * everyone));
  }
}
