package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.calibration.UntestedChannels;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.analysis.TrueEffects;
import org.engagement.report.internal.analysis.TruthFit;
import org.engagement.report.internal.section.RoiSection;
import org.engagement.roi.RoiSettings;
import org.engagement.simulator.Holdout;
import org.engagement.simulator.SampleWorld;
import org.engagement.simulator.WorldMechanism;
import org.engagement.simulator.WorldSpec;
import org.engagement.simulator.WorldWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's ROI calibrated with the randomised holdouts of a generated world (issue 13): in the
 * {@linkplain WorldMechanism#CONFOUNDED confounded} world retargeting (Facebook Ads) and navigational visits
 * (direct, Google Ads) cause nothing but sit next to purchases, so every observational model credits them; with
 * half the people held out of each, the report estimates their lifts from {@code holdout.csv}, credits them
 * with those and refits the recommended choice without their touches.
 */
class ReportCalibrationTest {
  private static final List<String> SUSPECT = List.of("facebook-ads", "google-ads", "direct");
  @TempDir static Path dir;
  private static Analysis analysis;
  private static RoiSection roi;

  @BeforeAll
  static void reportOnAWorldWithHoldouts() throws IOException {
    WorldWriter.write(WorldSpec.builder().seed(SampleWorld.SEED).mechanism(WorldMechanism.CONFOUNDED)
        .holdouts(SUSPECT.stream().map(channel -> new Holdout(channel, 0.5)).toList()).build(), dir);
    analysis = Analysis.of(AnalysisInput.read(dir), Progress.none());
    RoiSettings settings = RoiSettings.defaults().withModel(RecommendedModel.NAME);
    roi = (RoiSection) RelationshipRoiBuilder.of(settings).withTierModel("last-touch").withIntervals(5).build(analysis);
  }

  /** A model's shares of the journeys' conversions (the attribution section's) against the truth. */
  private static TruthFit uncalibrated(String model) {
    JourneySet journeys = analysis.journeys().toJourneySet();
    AttributionResult result = AttributionModels.defaults().create(model).attribute(journeys);
    Map<String, Double> shares = new LinkedHashMap<>();
    result.conversionsByChannel().forEach((channel, conversions) ->
        shares.put(channel, conversions / journeys.totalConversions()));
    return TruthFit.of(model, shares, analysis.truth().orElseThrow().shares());
  }

  @Test
  void theNotesSayWhichExperimentsCalibratedWhichChannels() {
    roi.attribution().forEach(note -> System.out.println("note: " + note));
    assertThat(roi.attribution().get(0)).startsWith("calibrated: " + String.join(", ", List.of("direct",
        "facebook-ads", "google-ads")) + " credited with their experiments'");
    for (String channel : SUSPECT) {
      assertThat(roi.attribution()).anySatisfy(note -> assertThat(note).startsWith("experiment on " + channel
          + ": holdout.csv, ").contains(" of 5,000 people (everyone in customers.csv) held out at random"));
    }
    assertThat(roi.method()).contains("Measured attribution: recommended calibrated with the experiments on direct,"
        + " facebook-ads, google-ads");
    assertThat(roi.chosenModel()).endsWith(" (calibrated by experiments)");
    assertThat(analysis.reads()).extracting(r -> r.source()).contains(AnalysisInput.HOLDOUT, AnalysisInput.CUSTOMERS);
    assertThat(analysis.reads()).allMatch(r -> r.isClean());
  }

  /**
   * The calibrated shares are measurably closer to the truth than the uncalibrated recommended model's on the
   * same journeys (the attribution section's figures). Measured at the bundled seed, 5,000 people (error /
   * Spearman), on the report's journeys (every purchase, a lookback covering the data; recommended runs
   * exposure-hazard): calibrated 0.063 / 0.48, uncalibrated recommended 0.105 / -0.41, last touch 0.141 / -0.80
   * (on the 90-day journeys the report cut before, with the time-free fit: 0.068 / 0.63, 0.083 / 0.17 and 0.142 /
   * -0.78). The aim (0.03 / 0.8) needs stronger experiments than 5,000 people give: the holdouts' 95 %
   * intervals are ±173 to ±181 purchases wide here, against the journeys' 645 conversions. (Counted in buyers, as before the holdouts were put in the journeys' unit,
   * the intervals were ±43 and the calibrated figures 0.034 / 0.61, and this asserted an error below 0.6 times
   * the uncalibrated one; purchases per person vary far more than whether a person bought, and the simulated
   * channels cause first purchases only, so the unit-consistent estimate is the noisier one.)
   */
  @Test
  void calibrationBringsTheCreditsMeasurablyCloserToTheTruth() {
    TruthFit uncalibrated = uncalibrated(RecommendedModel.NAME);
    TruthFit lastTouch = uncalibrated("last-touch");
    String note = roi.attribution().stream().filter(n -> n.startsWith("against truth.csv: the calibrated"))
        .findFirst().orElseThrow();
    Matcher figures = Pattern.compile("mean absolute error of ([0-9.]+) and a Spearman correlation of (-?[0-9.]+)")
        .matcher(note);
    assertThat(figures.find()).as(note).isTrue();
    double error = Double.parseDouble(figures.group(1));
    double spearman = Double.parseDouble(figures.group(2));
    System.out.printf(Locale.ROOT, "report, confounded world with holdouts: calibrated %.3f / %.2f, uncalibrated"
        + " %.3f / %.2f, last touch %.3f / %.2f%n", error, spearman, uncalibrated.meanAbsoluteError(),
        uncalibrated.spearman(), lastTouch.meanAbsoluteError(), lastTouch.spearman());
    assertThat(error).isLessThan(uncalibrated.meanAbsoluteError());
    assertThat(spearman).isGreaterThan(uncalibrated.spearman() + 0.3);
  }

  /**
   * Why the calibrated figures above miss the aim at 5,000 people: the same calibration given exact experiments
   * (each tested channel's true incremental conversions from {@code truth.csv}, an interval of zero width) meets
   * it (measured 0.018 / 0.97 on the report's journeys; 0.023 / 0.99 on the former 90-day ones), so the miss is the
   * experiments' sampling noise, not the method.
   */
  @Test
  void withExactExperimentsTheCalibrationMeetsTheAimSoTheMissIsTheExperimentsNoise() {
    JourneySet journeys = analysis.journeys().toJourneySet();
    TrueEffects truth = analysis.truth().orElseThrow();
    List<LiftResult> exact = SUSPECT.stream().map(channel -> {
      double conversions = truth.incrementalConversions().get(channel);
      return new LiftResult(channel, conversions, conversions, conversions);
    }).toList();
    AttributionResult calibrated = LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED)
        .calibrate(RecommendedModel.create(), journeys, exact);
    Map<String, Double> shares = new LinkedHashMap<>();
    truth.shares().keySet().forEach(channel ->
        shares.put(channel, calibrated.conversions(channel) / calibrated.totalConversions()));
    TruthFit fit = TruthFit.of("calibrated", shares, truth.shares());
    System.out.printf(Locale.ROOT, "report journeys, exact experiments: %.4f / %.3f%n", fit.meanAbsoluteError(),
        fit.spearman());
    assertThat(fit.meanAbsoluteError()).isLessThanOrEqualTo(0.03);
    assertThat(fit.spearman()).isGreaterThanOrEqualTo(0.8);
  }

  /**
   * At 5,000 people the holdouts' intervals are ±173 to ±181 purchases against the journeys' 645, so each can move
   * its channel's share by 0.27 to 0.28: the page says so and how many people a holdout would need (about 400,000
   * to 440,000, held out in the same share).
   */
  @Test
  void theNotesSayEachExperimentIsTooSmallAndHowManyPeopleWouldDo() {
    for (String channel : SUSPECT) {
      assertThat(roi.attribution()).anySatisfy(note -> assertThat(note).startsWith("experiment on " + channel
          + " too small to calibrate shares: its interval is ±").contains(" people, held out in the same share,"
          + " would bring it to 0.03"));
    }
  }

  /**
   * Every resample is calibrated, and a tested channel's revenue interval is its experiment's interval in
   * money: the calibrated credit's value per conversion times the experiment's low and high, each side's
   * distance from the estimate taken from the holdout's 95 % to the ROI's 90 % (times z(0.95) / z(0.975)).
   */
  @Test
  void eachTestedChannelsIntervalIsItsExperiments() {
    assertThat(roi.attribution()).anySatisfy(note -> assertThat(note).contains("each resample calibrated"));
    assertThat(roi.intervals()).isNotEmpty();
    RoiSection.RoiInterval google = roi.intervals().stream().filter(i -> i.channel().equals("google-ads")).findFirst()
        .orElseThrow();
    Matcher lift = Pattern.compile("google-ads: holdout.csv, .* incremental conversions ([0-9.]+) \\[(-?[0-9.]+), "
        + "(-?[0-9.]+)\\]").matcher(String.join("\n", roi.attribution()));
    assertThat(lift.find()).isTrue();
    double estimate = Double.parseDouble(lift.group(1));
    double perConversion = google.revenue() / estimate;
    double ratio = 1.6448536269514722 / 1.959963984540054;
    double low = estimate - (estimate - Double.parseDouble(lift.group(2))) * ratio;
    double high = estimate + (Double.parseDouble(lift.group(3)) - estimate) * ratio;
    assertThat(google.revenueLow()).isCloseTo(perConversion * low,
        org.assertj.core.api.Assertions.within(0.01 * google.revenue()));
    assertThat(google.revenueHigh()).isCloseTo(perConversion * high,
        org.assertj.core.api.Assertions.within(0.01 * google.revenue()));
  }
}
