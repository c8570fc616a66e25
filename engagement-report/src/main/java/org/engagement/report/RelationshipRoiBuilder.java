package org.engagement.report;

import static java.util.Objects.requireNonNull;

import com.google.common.io.ByteSource;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTier;
import org.engagement.core.value.tier.ValueTiers;
import org.engagement.roi.RoiInputs;
import org.engagement.roi.RoiReport;
import org.engagement.roi.evidence.ChannelEvidence;
import org.engagement.roi.evidence.ChannelLift;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.roi.io.SurveyCsvReader;
import org.engagement.roi.selfreport.AnswerMapping;
import org.engagement.roi.selfreport.ChannelPhrase;
import org.engagement.roi.selfreport.HybridAttribution;
import org.engagement.roi.selfreport.SelfReportedAttribution;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.jspecify.annotations.Nullable;

/**
 * Builds the relationship-ROI section from an analysis whose input has {@value AnalysisInput#COSTS}: the
 * investment from the costs file; the measured attribution of {@link RoiSettings#model()} on the journeys,
 * blended with the answers of {@value AnalysisInput#SURVEY} when there is one; engaged customers,
 * retention and engagement-lift evidence from the interactions ({@link ChannelEvidence}); then the
 * settings' calculator, shown by {@link RoiSection#of(RoiReport)}.
 *
 * <p>The window runs from the earlier of the first interaction and the first cost month to the later of
 * the as-of month and the last cost month, so every cost falls inside it. Cost and survey rows that the
 * readers reject are counted in the section's text.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RelationshipRoiBuilder implements SectionBuilder {
  private final RoiSettings settings;
  private final @Nullable ValuePredictor predictor;

  private RelationshipRoiBuilder(RoiSettings settings, @Nullable ValuePredictor predictor) {
    this.settings = settings;
    this.predictor = predictor;
  }

  /**
   * A builder with {@code settings}, whose value tiers use the analysis's own {@linkplain
   * Analysis#valuePredictor() predictor} (as the value-tier section does).
   */
  public static RelationshipRoiBuilder of(RoiSettings settings) {
    return new RelationshipRoiBuilder(requireNonNull(settings, "settings"), null);
  }

  /** A builder with {@code settings}, whose value tiers use {@code predictor} for the "grow" tier. */
  public static RelationshipRoiBuilder of(RoiSettings settings, ValuePredictor predictor) {
    return new RelationshipRoiBuilder(requireNonNull(settings, "settings"), requireNonNull(predictor, "predictor"));
  }

  @Override
  public String id() {
    return RoiSection.ID;
  }

  @Override
  public ReportSection build(Analysis analysis) {
    return RoiSection.builder(this::compute).build(analysis);
  }

  private Optional<RoiSection> compute(Analysis analysis) {
    Optional<Currency> currency = analysis.currency();
    Optional<ByteSource> costsFile = analysis.input().file(AnalysisInput.COSTS);
    if (currency.isEmpty() || costsFile.isEmpty()) {
      return Optional.empty();
    }
    analysis.progress().step("relationship ROI: reading costs and survey");
    CostCsvReader reader = CostCsvReader.inCurrency(currency.get());
    CsvImport<Cost> costs = CsvFiles.read(costsFile.get(), source -> reader.read(source, AnalysisInput.COSTS));
    Investment investment = reader.investment(costs);
    Optional<CsvImport<SurveyAnswer>> survey = analysis.input().file(AnalysisInput.SURVEY)
        .map(file -> CsvFiles.read(file, source -> SurveyCsvReader.read(source, AnalysisInput.SURVEY)));
    AnswerMapping mapping = settings.mapping() != null ? settings.mapping() : mapping(analysis);
    YearMonth first = YearMonth.from(firstInstant(analysis.input().interactions()).atOffset(ZoneOffset.UTC));
    YearMonth last = YearMonth.from(analysis.asOfDate());
    if (!investment.byMonth().isEmpty()) {
      first = min(first, investment.byMonth().firstKey());
      last = max(last, investment.byMonth().lastKey());
    }
    double valuePerCustomer = settings.valuePerCustomer() != null ? settings.valuePerCustomer()
        : meanBuyerValue(analysis.buyers());
    Window window = new Window(first, last, valuePerCustomer);
    analysis.progress().step("relationship ROI: retention and engagement-lift evidence");
    List<SurveyAnswer> answers = survey.map(CsvImport::values).orElse(List.of());
    Scope all = new Scope(analysis.input().interactions(), analysis.journeys().toJourneySet(), investment, answers);
    RoiResult overall = calculate(all, window, survey.isPresent(), mapping);
    analysis.progress().step("relationship ROI: per value tier");
    RoiSection section = RoiSection.of(overall.report()).withSegments(perTier(analysis, all, window, survey.isPresent(), mapping));
    String choices = String.format(Locale.ROOT, " Measured attribution: %s, blended with %s survey answers "
            + "(%d mapped to a channel) at weight %s. Retention: churned after %d days without interaction, a "
            + "kept customer worth %s. Engagement lift: %s per extra interaction. Rejected rows: %d costs, %d "
            + "survey answers. Value tiers: each tier's own journeys, evidence and survey answers, with the costs "
            + "aimed at everyone shared by the tier's share of customers.",
        settings.model(), survey.map(s -> Integer.toString(s.values().size())).orElse("no"),
        overall.attribution().selfReported().mapped(), NumberText.number(overall.attribution().weight(), 2),
        settings.inactivity().toDays(), NumberText.number(valuePerCustomer, 2),
        NumberText.number(settings.valuePerInteraction(), 2), costs.report().rejected(),
        survey.map(s -> s.report().rejected()).orElse(0L));
    return Optional.of(section.withMethod(section.method() + choices));
  }

  /** The interactions, journeys, investment and survey answers of the customers an ROI report covers. */
  private record Scope(List<Interaction> interactions, JourneySet journeys, Investment investment,
      List<SurveyAnswer> answers) {}

  /** The months of the window and the value of a kept customer. */
  private record Window(YearMonth first, YearMonth last, double valuePerCustomer) {}

  /** A report with the attribution it was computed from. */
  private record RoiResult(RoiReport report, HybridAttribution attribution) {}

  /**
   * How survey answers name channels: the input's {@value AnalysisInput#SURVEY_CHANNELS} (its rejected rows
   * dropped, as the import report says), or each channel's id and display name.
   */
  private static AnswerMapping mapping(Analysis analysis) {
    Optional<CsvImport<ChannelPhrase>> phrases = analysis.input().file(AnalysisInput.SURVEY_CHANNELS).map(file ->
        CsvFiles.read(file, source -> SurveyCsvReader.readPhrases(source, AnalysisInput.SURVEY_CHANNELS)));
    if (phrases.isPresent() && !phrases.get().values().isEmpty()) {
      return AnswerMapping.of(phrases.get().values());
    }
    Map<String, Channel> channels = new LinkedHashMap<>();
    analysis.input().interactions().forEach(i -> channels.putIfAbsent(i.channel().id(), i.channel()));
    List<ChannelPhrase> all = new ArrayList<>();
    channels.values().forEach(channel -> {
      for (String name : List.of(channel.id(), channel.displayName())) {
        try {
          all.add(new ChannelPhrase(channel.id(), name));
        } catch (InvalidFieldException noWord) {
          // a name without a letter or digit cannot be matched in an answer
        }
      }
    });
    return all.isEmpty() ? AnswerMapping.builder().build() : AnswerMapping.of(all);
  }

  private RoiResult calculate(Scope scope, Window window, boolean surveyed, AnswerMapping mapping) {
    AttributionResult measured = AttributionModels.defaults().create(settings.model()).attribute(scope.journeys());
    HybridAttribution attribution = surveyed
        ? HybridAttribution.blend(measured, SelfReportedAttribution.of(scope.answers(), mapping),
            settings.surveyWeight())
        : HybridAttribution.measuredOnly(measured);
    ChannelEvidence evidence = ChannelEvidence.of(scope.interactions(),
        window.first().atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        window.last().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    RoiInputs.Builder inputs = RoiInputs.builder(scope.investment(), attribution, window.first(), window.last())
        .distinctEngagedCustomers(evidence.engagedOnAnyChannel());
    evidence.engagedCustomers().forEach(inputs::engagedCustomers);
    evidence.retention(settings.inactivity(), window.valuePerCustomer()).forEach(inputs::retention);
    Map<String, ChannelLift> lifts = evidence.engagementLift(settings.valuePerInteraction());
    lifts.forEach((channel, lift) -> inputs.lift(channel, lift.evidence()));
    return new RoiResult(settings.calculator().calculate(inputs.build()), attribution);
  }

  /**
   * One report per value tier with members: the tier's customers' interactions, journeys and answers, the
   * costs aimed at the tier plus its share (by customers) of the costs aimed at everyone.
   */
  private Map<String, RoiReport> perTier(Analysis analysis, Scope all, Window window, boolean surveyed,
      AnswerMapping mapping) {
    List<CustomerProfile> profiles = analysis.profiles();
    ValuePredictor tierPredictor = predictor == null ? analysis.valuePredictor() : predictor;
    Map<String, ValueTier> tiers = ValueTiers.of(tierPredictor, profiles).assign(profiles);
    Map<String, RoiReport> reports = new LinkedHashMap<>();
    for (ValueTier tier : ValueTier.values()) {
      Set<String> members = new HashSet<>();
      tiers.forEach((customer, assigned) -> {
        if (assigned == tier) {
          members.add(customer);
        }
      });
      if (members.isEmpty()) {
        continue;
      }
      List<Interaction> interactions =
          all.interactions().stream().filter(i -> members.contains(i.customerId())).toList();
      Scope scope = new Scope(interactions, JourneyRules.defaults().journeys(interactions).toJourneySet(),
          all.investment().allocatedTo(tier.label(), members.size() / (double) profiles.size()),
          all.answers().stream().filter(a -> members.contains(a.customerId())).toList());
      reports.put(tier.label(), calculate(scope, window, surveyed, mapping).report());
    }
    return reports;
  }

  private static Instant firstInstant(List<Interaction> interactions) {
    return interactions.stream().map(Interaction::timestamp).min(Instant::compareTo).orElse(Instant.EPOCH);
  }

  private static double meanBuyerValue(List<Analysis.Buyer> buyers) {
    return buyers.stream().mapToDouble(Analysis.Buyer::value).average().orElse(0);
  }

  private static YearMonth min(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }

  private static YearMonth max(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }
}
