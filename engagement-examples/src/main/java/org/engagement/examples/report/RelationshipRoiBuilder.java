package org.engagement.examples.report;

import static java.util.Objects.requireNonNull;

import com.google.common.io.ByteSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.engagement.attribution.model.AttributionModels;
import org.engagement.attribution.model.AttributionResult;
import org.engagement.attribution.roi.RoiInputs;
import org.engagement.attribution.roi.RoiReport;
import org.engagement.attribution.roi.evidence.ChannelEvidence;
import org.engagement.attribution.roi.evidence.ChannelLift;
import org.engagement.attribution.roi.investment.Cost;
import org.engagement.attribution.roi.investment.Investment;
import org.engagement.attribution.roi.io.CostCsvReader;
import org.engagement.attribution.roi.io.CsvImport;
import org.engagement.attribution.roi.io.SurveyCsvReader;
import org.engagement.attribution.roi.selfreport.HybridAttribution;
import org.engagement.attribution.roi.selfreport.SelfReportedAttribution;
import org.engagement.attribution.roi.selfreport.SurveyAnswer;
import org.engagement.core.model.Interaction;

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

  private RelationshipRoiBuilder(RoiSettings settings) {
    this.settings = settings;
  }

  /** A builder with {@code settings}. */
  public static RelationshipRoiBuilder of(RoiSettings settings) {
    return new RelationshipRoiBuilder(requireNonNull(settings, "settings"));
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
    CsvImport<Cost> costs = read(costsFile.get(), source -> reader.read(source, AnalysisInput.COSTS));
    Investment investment = reader.investment(costs);
    AttributionResult measured = AttributionModels.defaults().create(settings.model())
        .attribute(analysis.journeys().toJourneySet());
    Optional<CsvImport<SurveyAnswer>> survey = analysis.input().file(AnalysisInput.SURVEY)
        .map(file -> read(file, source -> SurveyCsvReader.read(source, AnalysisInput.SURVEY)));
    HybridAttribution attribution = survey.isEmpty() ? HybridAttribution.measuredOnly(measured)
        : HybridAttribution.blend(measured, SelfReportedAttribution.of(survey.get().values(), settings.mapping()),
            settings.surveyWeight());
    YearMonth first = YearMonth.from(firstInstant(analysis.input().interactions()).atOffset(ZoneOffset.UTC));
    YearMonth last = YearMonth.from(analysis.asOfDate());
    if (!investment.byMonth().isEmpty()) {
      first = min(first, investment.byMonth().firstKey());
      last = max(last, investment.byMonth().lastKey());
    }
    analysis.progress().step("relationship ROI: retention and engagement-lift evidence");
    ChannelEvidence evidence = ChannelEvidence.of(analysis.input().interactions(),
        first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    double valuePerCustomer = settings.valuePerCustomer() != null ? settings.valuePerCustomer()
        : meanBuyerValue(analysis.buyers());
    RoiInputs.Builder inputs = RoiInputs.builder(investment, attribution, first, last);
    evidence.engagedCustomers().forEach(inputs::engagedCustomers);
    evidence.retention(settings.inactivity(), valuePerCustomer).forEach(inputs::retention);
    Map<String, ChannelLift> lifts = evidence.engagementLift(settings.valuePerInteraction());
    lifts.forEach((channel, lift) -> inputs.lift(channel, lift.evidence()));
    RoiReport report = settings.calculator().calculate(inputs.build());
    RoiSection section = RoiSection.of(report);
    String choices = String.format(Locale.ROOT, " Measured attribution: %s, blended with %s survey answers "
            + "(%d mapped to a channel) at weight %s. Retention: churned after %d days without interaction, a "
            + "kept customer worth %s. Engagement lift: %s per extra interaction. Rejected rows: %d costs, %d "
            + "survey answers.",
        settings.model(), survey.map(s -> Integer.toString(s.values().size())).orElse("no"),
        attribution.selfReported().mapped(), NumberText.number(attribution.weight(), 2),
        settings.inactivity().toDays(), NumberText.number(valuePerCustomer, 2),
        NumberText.number(settings.valuePerInteraction(), 2), costs.report().rejected(),
        survey.map(s -> s.report().rejected()).orElse(0L));
    return Optional.of(new RoiSection(section.currency(), section.method() + choices, section.components(),
        section.margin(), section.channels()));
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

  /** Reads a CSV file. */
  @FunctionalInterface
  private interface CsvRead<T> {
    CsvImport<T> read(Reader reader) throws IOException;
  }

  private static <T> CsvImport<T> read(ByteSource file, CsvRead<T> read) {
    try (Reader reader = file.asCharSource(StandardCharsets.UTF_8).openBufferedStream()) {
      return read.read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
