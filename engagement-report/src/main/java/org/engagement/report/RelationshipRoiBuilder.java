package org.engagement.report;

import static java.util.Objects.requireNonNull;

import com.google.common.io.ByteSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.UntestedChannels;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTier;
import org.engagement.core.value.tier.ValueTiers;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.CsvFiles;
import org.engagement.report.analysis.TrueEffects;
import org.engagement.report.internal.analysis.Experiments;
import org.engagement.report.internal.analysis.TruthFit;
import org.engagement.report.internal.section.RoiSection;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;
import org.engagement.roi.RewardComponent;
import org.engagement.roi.RoiAnalysis;
import org.engagement.roi.RoiBootstrap;
import org.engagement.roi.RoiData;
import org.engagement.roi.RoiIntervals;
import org.engagement.roi.RoiReport;
import org.engagement.roi.RoiResult;
import org.engagement.roi.RoiSegments;
import org.engagement.roi.RoiSettings;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.roi.io.SurveyCsvReader;
import org.engagement.roi.selfreport.AnswerMapping;
import org.engagement.roi.selfreport.ChannelPhrase;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.jspecify.annotations.Nullable;

/**
 * Builds the relationship-ROI section from an analysis whose input has {@value AnalysisInput#COSTS}: reads
 * the costs, the answers of {@value AnalysisInput#SURVEY} and the phrases of {@value
 * AnalysisInput#SURVEY_CHANNELS} when there are such files, runs the library's {@link RoiAnalysis} with
 * the {@link RoiSettings} on the analysis's interactions and journeys, for everyone and per value tier, and
 * shows the result with {@code RoiSection.of(RoiReport)}, with the measured model's notes (the {@code
 * recommended} model says which model it chose and why) and, when the input has {@value AnalysisInput#TRUTH},
 * each channel's ROI recomputed from its true incremental conversions. When the input has experiments
 * ({@value AnalysisInput#HOLDOUT} or {@value AnalysisInput#LIFT}, {@code Experiments}), the credits are
 * calibrated with them ({@link #CALIBRATION}): the model is chosen on the journeys without the tested channels'
 * touches, each bootstrap resample is calibrated, the notes say which experiment calibrated which channel and,
 * with a truth file, how far the calibrated shares are from the true ones. How the ROI is computed (the window, the
 * evidence, the per-segment costs) is {@link RoiAnalysis}'s to say; this class adds the files and the text.
 *
 * <p>Survey answers name channels by the settings' mapping, or else by the input's survey phrases (their
 * rejected rows dropped, as the import report says), or else by each channel's id and display name. Cost
 * and survey rows that the readers reject are counted in the section's text, and every file read is
 * recorded in the analysis ({@link Analysis#recordRead}). A costs file whose every row was rejected (costs in
 * another currency than the purchases, say) makes the section not available, naming the first rejection,
 * rather than showing an investment of 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RelationshipRoiBuilder implements SectionBuilder {
  /** The nominal coverage of the intervals: 90%, which few resamples estimate more steadily than 95%. */
  static final double LEVEL = 0.9;
  /**
   * How experiments calibrate the ROI's credits: untested channels refitted, the choice documented as best where
   * experiments test the suspect channels (engagement-simulator's {@code ExperimentCalibrationRecoveryTest}:
   * on the confounded world scaling keeps the confounded split, refitting recovers the truth).
   */
  static final LiftCalibration CALIBRATION = LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED);
  private final RoiSettings settings;
  private final @Nullable ValuePredictor predictor;
  private final @Nullable String tierModel;
  private final int resamples;

  private RelationshipRoiBuilder(RoiSettings settings, @Nullable ValuePredictor predictor,
      @Nullable String tierModel, int resamples) {
    this.settings = settings;
    this.predictor = predictor;
    this.tierModel = tierModel;
    this.resamples = resamples;
  }

  /**
   * A builder with {@code settings}, whose value tiers use the analysis's own {@linkplain
   * Analysis#valuePredictor() predictor} (as the value-tier section does).
   */
  public static RelationshipRoiBuilder of(RoiSettings settings) {
    return new RelationshipRoiBuilder(requireNonNull(settings, "settings"), null, null, 0);
  }

  /** A builder with {@code settings}, whose value tiers use {@code predictor} for the "grow" tier. */
  public static RelationshipRoiBuilder of(RoiSettings settings, ValuePredictor predictor) {
    return new RelationshipRoiBuilder(requireNonNull(settings, "settings"), requireNonNull(predictor, "predictor"),
        null, 0);
  }

  /**
   * This builder with the value tiers' attribution by the model called {@code model} rather than the settings'
   * own. The tiers' table shows each tier's total, and with an additive model (Markov, say) a tier's
   * attributed revenue is its journeys' value whatever the split between channels; a model that validates
   * itself on each tier ({@code recommended}) can take far longer on a small tier than on everyone (over a
   * minute on the bundled world, where the rule's additive-hazard fit is slow on the smaller tiers).
   */
  public RelationshipRoiBuilder withTierModel(String model) {
    return new RelationshipRoiBuilder(settings, predictor, requireNonNull(model, "model"), resamples);
  }

  /**
   * This builder with 90% bootstrap intervals ({@link RoiAnalysis#intervals}, {@link RoiBootstrap}: customers
   * resampled, seed 0) on the attributed revenue and ROI of each invested channel. Each resample runs the measured
   * model once (for {@code recommended}, the model it chose on everyone: choosing again on each resample could choose
   * differently; the bootstrap runs the model's {@linkplain AttributionModel#forResamplesOf resample form}, so
   * {@code interaction-hazard} screens each resample again with its fits started from everyone's); the retention, lift and survey components are held, so the
   * intervals show the attribution's sampling uncertainty only.
   *
   * @throws InvalidFieldException if {@code resamples} is not from 2 to 100,000
   */
  public RelationshipRoiBuilder withIntervals(int resamples) {
    RoiBootstrap.of(resamples, 0);
    return new RelationshipRoiBuilder(settings, predictor, tierModel, resamples);
  }

  @Override
  public String id() {
    return RoiSection.ID;
  }

  /**
   * The section, or "not available" saying why: no costs file, a costs or survey file that cannot be read,
   * or costs of which every row was rejected.
   */
  @Override
  public ReportSection build(Analysis analysis) {
    try {
      return RoiSection.builder(this::compute).build(analysis);
    } catch (InvalidFieldException | InvalidSourceException e) {
      return ReportSection.notAvailable(RoiSection.ID, RoiSection.TITLE, String.valueOf(e.getMessage()));
    }
  }

  private Optional<RoiSection> compute(Analysis analysis) {
    Optional<Currency> currency = analysis.currency();
    Optional<ByteSource> costsFile = analysis.input().file(AnalysisInput.COSTS);
    if (currency.isEmpty() || costsFile.isEmpty()) {
      return Optional.empty();
    }
    analysis.progress().step("relationship ROI: reading costs and survey");
    CostCsvReader reader = CostCsvReader.inCurrency(currency.get());
    CsvImport<Cost> costs = CsvFiles.read(analysis, AnalysisInput.COSTS, costsFile.get(),
        source -> reader.read(source, AnalysisInput.COSTS));
    requireSomeCost(costs);
    Investment investment = reader.investment(costs);
    Optional<CsvImport<SurveyAnswer>> survey = analysis.input().file(AnalysisInput.SURVEY).map(file ->
        CsvFiles.read(analysis, AnalysisInput.SURVEY, file, source -> SurveyCsvReader.read(source, AnalysisInput.SURVEY)));
    JourneySet journeys = analysis.journeySet();
    Experiments experiments = Experiments.of(analysis, journeys);
    JourneySet chosenOn = experiments.isEmpty() ? journeys
        : LiftCalibration.withoutTested(journeys, experiments.lifts());
    RecommendedModel.Choice choice = choose(chosenOn);
    AttributionModel measuredModel = calibrated(choice.model(), experiments);
    RoiSettings chosen = settings.withModel(choice.model().name());
    RoiAnalysis roi = RoiAnalysis.of(settings.mapping() != null ? chosen
        : phrases(analysis).map(chosen::withMapping).orElse(chosen), measuredModel);
    RoiData data = RoiData.of(analysis.input().interactions(), investment)
        .withJourneys(journeys)
        .withSurvey(survey.map(CsvImport::values).orElse(List.of()));
    analysis.progress().step("relationship ROI: retention and engagement-lift evidence");
    RoiResult overall = roi.calculate(data);
    analysis.progress().step("relationship ROI: per value tier");
    RoiAnalysis tierRoi = RoiAnalysis.of(roi.settings().withModel(tierModel == null ? settings.model() : tierModel)
        .withJourneys(analysis.journeyRules()));
    RoiSegments tiers = tiers(analysis);
    Map<String, RoiResult> perTier = tierRoi.perSegment(data, tiers);
    Map<String, RoiReport> tierReports = new LinkedHashMap<>();
    perTier.forEach((tier, result) -> tierReports.put(tier, result.report()));
    RoiSection section = RoiSection.of(overall.report()).withSegments(tierReports);
    String choices = String.format(Locale.ROOT, " Measured attribution: %s%s, blended with %s survey answers "
            + "(%d mapped to a channel) at weight %s. Retention: churned after %d days without interaction, a "
            + "kept customer worth %s. Engagement lift: %s per extra interaction. Rejected rows: %d costs, %d "
            + "survey answers. Value tiers: each tier's own journeys (attributed by %s), evidence and survey answers, "
            + "with the costs aimed at everyone shared by the tier's share of customers.",
        settings.model(), calibratedBy(experiments), survey.map(s -> Integer.toString(s.values().size())).orElse("no"),
        overall.attribution().selfReported().mapped(), NumberText.number(overall.attribution().weight(), 2),
        settings.inactivity().toDays(), NumberText.number(overall.valuePerCustomer(), 2),
        NumberText.number(settings.valuePerInteraction(), 2), costs.report().rejected(),
        survey.map(s -> s.report().rejected()).orElse(0L), tierRoi.settings().model());
    AttributionResult measured = overall.attribution().measured();
    Set<String> setAside = Set.copyOf(data.journeys().map(JourneySet::notes).orElse(List.of()));
    List<String> notes = notes(analysis, choice, experiments, measured, setAside);
    RoiSection explained = section.withMethod(section.method() + choices);
    if (resamples > 0) {
      analysis.progress().step("relationship ROI: bootstrap intervals");
      explained = withIntervals(explained, roi, data, overall, experiments, notes,
          RoiBootstrap.of(resamples, 0).withLevel(LEVEL).withExperiments(experiments.lifts())
              .withSegments(tierRoi, tiers, perTier));
    }
    String model = choice.model().name() + (experiments.isEmpty() ? "" : " (calibrated by experiments)");
    RoiSection noted = explained.withAttribution(notes).withLabels(new RoiSection.Labels(model,
        analysis.channelNames(), basis(roi.settings(), model, overall, survey.map(s -> s.values().size()).orElse(0))));
    return Optional.of(analysis.truth().map(truth -> noted.withTruth(againstTruth(noted, measured, truth)))
        .orElse(noted));
  }

  /** {@code model} calibrated with the experiments, or {@code model} itself without any. */
  private static AttributionModel calibrated(AttributionModel model, Experiments experiments) {
    return experiments.isEmpty() ? model : CALIBRATION.model(model, experiments.lifts());
  }

  /** The words after the measured model's name in the method: how experiments calibrated it, if they did. */
  private static String calibratedBy(Experiments experiments) {
    return experiments.isEmpty() ? "" : " calibrated with the experiments on " + String.join(", ",
        experiments.channels()) + " (each tested channel credited with its experiment's incremental conversions, "
        + "the model run again without the tested channels' touches for the others)";
  }

  /**
   * The attribution's notes: how experiments calibrated it (first, when they did), why the model was chosen,
   * what each experiment measured, the measured model's own notes but those of the journeys' set-aside, and the
   * calibrated shares against the truth.
   */
  private static List<String> notes(Analysis analysis, RecommendedModel.Choice choice, Experiments experiments,
      AttributionResult measured, Set<String> setAside) {
    List<String> notes = new ArrayList<>();
    if (!experiments.isEmpty()) {
      notes.add(calibrationNote(choice.model().name(), experiments));
    }
    notes.addAll(choice.notes());
    notes.addAll(experiments.notes());
    measured.notes().stream().filter(note -> !setAside.contains(note)).forEach(notes::add);
    analysis.truth().filter(truth -> !experiments.isEmpty())
        .ifPresent(truth -> notes.add(calibratedAgainstTruth(measured, truth)));
    return notes;
  }

  /** The note that opens the attribution notes when experiments calibrated the credits. */
  private static String calibrationNote(String model, Experiments experiments) {
    return "calibrated: " + String.join(", ", experiments.channels()) + " credited with their experiments' "
        + "incremental conversions; " + model + ", chosen and run on the journeys without their touches, credits "
        + "the other channels (LiftCalibration, untested channels refitted): experiments measure cause, a model run "
        + "on journeys where retargeting or navigational visits sit next to purchases does not";
  }

  /**
   * The calibrated credits' shares (of the credited conversions) against the truth's, in the figures of
   * issue 13's aim.
   */
  private static String calibratedAgainstTruth(AttributionResult measured, TrueEffects truth) {
    double credited = measured.totalConversions();
    Map<String, Double> shares = new LinkedHashMap<>();
    for (String channel : truth.shares().keySet()) {
      shares.put(channel, credited > 0 ? measured.conversions(channel) / credited : 0.0);
    }
    TruthFit fit = TruthFit.of(measured.model(), shares, truth.shares());
    return "against truth.csv: the calibrated credits' shares have a mean absolute error of "
        + NumberText.number(fit.meanAbsoluteError(), 3) + " and a Spearman correlation of "
        + NumberText.number(fit.spearman(), 2) + " (the attribution section gives the uncalibrated models')";
  }

  /**
   * {@code section} with the intervals of {@code overall}'s attributed revenue and ROI ({@link RoiAnalysis#intervals}:
   * the measured model's credits bootstrapped over customers, each resample calibrated with its own draw of the
   * experiments and a tested channel's interval its experiment's at the same level), and of each value tier's total ROI from the same resamples ({@link
   * RoiBootstrap#withSegments}: the tier's drawn members credited by the tiers' model); a note says how they were
   * drawn, or why there are none, and which tiers have none and why.
   */
  private static RoiSection withIntervals(RoiSection section, RoiAnalysis roi, RoiData data, RoiResult overall,
      Experiments experiments, List<String> notes, RoiBootstrap bootstrap) {
    RoiIntervals intervals;
    try {
      intervals = roi.intervals(data, overall, bootstrap);
    } catch (IllegalArgumentException e) {
      notes.add("no intervals: " + e.getMessage());
      return section;
    }
    notes.add(String.format(Locale.ROOT, "intervals: %.0f%% bootstrap percentiles of %s's credits over %d "
        + "resamples of %s (seed %d)%s", intervals.level() * 100, intervals.model(), intervals.resamples(),
        intervals.unit(), intervals.seed(), experiments.isEmpty() ? "" : ", each resample calibrated with its own "
            + "draw of every experiment's result; a tested channel's interval is its experiment's, taken to this "
            + "level"));
    if (!intervals.segments().isEmpty()) {
      notes.add("intervals of the value tiers: the same resamples, each tier's drawn members credited by the tiers' "
          + "model; its credited purchase value moves the attributed revenue and the self-reported influence, the "
          + "investment, retained value and engagement lift held");
    }
    intervals.notes().stream().filter(note -> note.contains(" segment")).forEach(notes::add);
    return section.withIntervals(intervals);
  }

  /**
   * The settings' model, or for {@code recommended} the model it chooses on everyone's journeys with the notes
   * that say why: chosen once, so that the ROI and its intervals run the chosen model and the rule's
   * validation runs once.
   */
  private RecommendedModel.Choice choose(JourneySet journeys) {
    AttributionModel model = AttributionModels.defaults().create(settings.model());
    return model instanceof RecommendedModel recommended ? recommended.choose(journeys)
        : new RecommendedModel.Choice(model, List.of());
  }

  /**
   * Each invested channel's ROI again with its attributed revenue replaced by the value of its true
   * incremental conversions: each valued at the mean value of a conversion on the journeys, scaled as the
   * measured credits were on their way into the attributed revenue (the survey's blend, the window), so that
   * only the split between channels changes. Channels the truth does not name are left out.
   */
  static List<RoiSection.TruthRoi> againstTruth(RoiSection section, AttributionResult measured, TrueEffects truth) {
    int revenue = section.components().indexOf(RoiSection.label(RewardComponent.ATTRIBUTED_REVENUE));
    if (revenue < 0 || !(measured.totalConversions() > 0) || !(measured.totalValue() > 0)) {
      return List.of();
    }
    double attributed = section.channels().stream().mapToDouble(c -> c.rewards().get(revenue)).sum();
    double perConversion = measured.totalValue() / measured.totalConversions() * (attributed / measured.totalValue());
    List<RoiSection.TruthRoi> rows = new ArrayList<>();
    for (RoiSection.ChannelRoi row : section.channels()) {
      Double conversions = truth.incrementalConversions().get(row.channel());
      OptionalDouble roi = section.roi(row);
      if (conversions != null && roi.isPresent()) {
        double reward = row.reward() - row.rewards().get(revenue) + conversions * perConversion;
        rows.add(new RoiSection.TruthRoi(row.channel(), roi.getAsDouble(),
            (section.margin() * reward - row.investment()) / row.investment()));
      }
    }
    return rows;
  }

  /**
   * What each reward component rests on, in a sentence a marketer can check: the model and the survey blend
   * behind the revenue, the churn rule and the value of a kept customer behind the retained value, and why
   * the engagement lift is 0 when no value per extra interaction is set.
   */
  static Map<String, String> basis(RoiSettings settings, String model, RoiResult result, int answers) {
    double weight = result.attribution().weight();
    String currency = result.report().currency().getCurrencyCode();
    Map<String, String> basis = new LinkedHashMap<>();
    basis.put(RoiSection.label(RewardComponent.ATTRIBUTED_REVENUE), "the value of the purchases that " + model
        + " credits to the channel from the journeys, times " + NumberText.percent(1 - weight) + " (the rest, "
        + NumberText.percent(weight) + ", goes to what the survey says). Revenue, not profit: the margin applies.");
    basis.put(RoiSection.label(RewardComponent.SELF_REPORTED_INFLUENCE), answers == 0
        ? "none: the input has no survey answers, so the attribution alone splits the value."
        : "the same purchase value split by what " + NumberText.count(answers) + " surveyed customers said brought "
            + "them (" + NumberText.count(result.attribution().selfReported().mapped()) + " answers named a "
            + "channel), times " + NumberText.percent(weight) + ". With half the weight each, this total and the "
            + "attributed revenue's total are equal by construction.");
    basis.put(RoiSection.label(RewardComponent.RETAINED_VALUE), "customers kept: how much less the channel's "
        + "engaged customers churned (no interaction for " + settings.inactivity().toDays() + " days) than the "
        + "others, times " + NumberText.money(result.valuePerCustomer(), currency) + " per kept customer. "
        + "Negative when the channel's customers churned more than the others.");
    basis.put(RoiSection.label(RewardComponent.ENGAGEMENT_LIFT), settings.valuePerInteraction() == 0
        ? "0 for every channel: no value is set for an extra interaction, so the extra interactions a channel "
            + "caused count nothing. Set one (RoiSettings.withValuePerInteraction) to count them."
        : "the extra interactions the channel caused, from a lift analysis, times "
            + NumberText.money(settings.valuePerInteraction(), currency) + " each.");
    return basis;
  }

  /**
   * Refuses costs of which no row was accepted: an investment of 0 would show every channel as "no
   * investment" when the file in fact had costs, in another currency, say.
   *
   * @throws InvalidFieldException naming the file, the rows and the first rejection
   */
  private static void requireSomeCost(CsvImport<Cost> costs) {
    ImportReport report = costs.report();
    if (report.read() > 0 && report.accepted() == 0) {
      throw new InvalidFieldException(AnalysisInput.COSTS, report.read() + " rows",
          "must have at least one row accepted, but every row was rejected"
              + report.rejections().stream().findFirst().map(r -> " (the first: " + r + ")").orElse(""));
    }
  }

  /** The input's {@value AnalysisInput#SURVEY_CHANNELS} as a mapping, its rejected rows dropped; if it has any. */
  private static Optional<AnswerMapping> phrases(Analysis analysis) {
    Optional<CsvImport<ChannelPhrase>> phrases = analysis.input().file(AnalysisInput.SURVEY_CHANNELS).map(file ->
        CsvFiles.read(analysis, AnalysisInput.SURVEY_CHANNELS, file,
            source -> SurveyCsvReader.readPhrases(source, AnalysisInput.SURVEY_CHANNELS)));
    return phrases.map(CsvImport::values).filter(values -> !values.isEmpty()).map(AnswerMapping::of);
  }

  /** The value tiers as segments, in tier order: each profile in its tier. */
  private RoiSegments tiers(Analysis analysis) {
    List<CustomerProfile> profiles = analysis.profiles();
    ValueTiers tiers = predictor == null ? analysis.valueTiers() : ValueTiers.of(predictor, profiles);
    List<String> labels = Arrays.stream(ValueTier.values()).map(ValueTier::label).toList();
    return RoiSegments.byLabel(labels, profiles, profile -> tiers.tier(profile).label());
  }
}
