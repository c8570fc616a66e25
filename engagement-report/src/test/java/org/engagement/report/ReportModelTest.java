package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.engagement.EngagementTimeline;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.funnel.Funnel;
import org.engagement.core.funnel.FunnelDefinition;
import org.engagement.core.presence.ChannelPresence;
import org.engagement.core.segment.Segment;
import org.engagement.core.value.ValueConcentration;
import org.engagement.core.value.rfm.RfmScores;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTier;
import org.engagement.core.value.tier.ValueTiers;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.html.Html;
import org.engagement.report.internal.section.AttributionSection;
import org.engagement.report.internal.section.ConcentrationSection;
import org.engagement.report.internal.section.DataSection;
import org.engagement.report.internal.section.EngagementSection;
import org.engagement.report.internal.section.FunnelSection;
import org.engagement.report.internal.section.PresenceSection;
import org.engagement.report.internal.section.RoiSection;
import org.engagement.report.internal.section.SegmentSection;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sections' figures on {@link SmallWorld}, by hand and against the APIs they come from. */
class ReportModelTest {
  @TempDir
  static Path dir;

  private static AnalysisInput input;
  private static Analysis analysis;
  private static ReportModel model;

  @BeforeAll
  static void build() throws IOException {
    input = SmallWorld.read(dir);
    analysis = Analysis.of(input, Progress.none());
    model = ReportModel.build(analysis, ReportModel.defaultBuilders());
  }

  private static <T extends ReportSection> T section(String id, Class<T> type) {
    return type.cast(model.section(id).orElseThrow());
  }

  @Test
  void sectionsComeInPageOrderWithTheSlotsNotAvailable() {
    // the summary first (issue 15), made from the others
    assertThat(model.sections()).extracting(ReportSection::id).containsExactly("summary", "data", "attribution",
        "roi", "budget", "concentration", "segments", "clv", "funnel", "presence", "engagement", "conversations");
    assertThat(model.sections()).filteredOn(s -> !s.available()).extracting(ReportSection::id)
        .containsExactly("roi", "budget", "clv", "conversations");
    // The small world has no costs file, so there is no relationship ROI.
    assertThat(model.section("roi").orElseThrow().summary()).singleElement().asString().contains("no costs.csv");
    assertThat(model.asOf()).isEqualTo(LocalDate.of(2024, 3, 5));
  }

  @Test
  void dataSectionReportsTheRejectedRow() {
    DataSection data = section("data", DataSection.class);
    assertThat(data.importReport().read()).isEqualTo(11);
    assertThat(data.importReport().rejected()).isEqualTo(1);
    assertThat(data.customers()).isEqualTo(4);
    assertThat(data.buyers()).isEqualTo(3);
    assertThat(data.currency()).isEqualTo("EUR");
    assertThat(data.summary().get(0)).contains("rejected 1");
  }

  /**
   * Journeys (90-day lookback): a [email, social] → 100, b [social, email] → 300, c [email] → 50; c's
   * second purchase has no touch since the first, so it is untouched. First touch: email 100 + 50 = 150,
   * social 300. Last touch: social 100, email 300 + 50 = 350.
   */
  @Test
  void creditTableIsEveryModelsResult() {
    AttributionSection attribution = section("attribution", AttributionSection.class);
    assertThat(attribution.conversions()).isEqualTo(3.0);
    assertThat(attribution.value()).isEqualTo(450.0);
    assertThat(attribution.untouchedConversions()).isEqualTo(1.0);
    assertThat(attribution.channels()).containsExactly("email", "social");
    AttributionSection.ModelCredit first = credit(attribution, "first-touch");
    assertThat(first.value("email")).isEqualTo(150.0);
    assertThat(first.value("social")).isEqualTo(300.0);
    assertThat(credit(attribution, "last-touch").value("email")).isEqualTo(350.0);

    AttributionModels registry = AttributionModels.defaults();
    JourneySet journeys = JourneyRules.defaults().journeys(input.interactions()).toJourneySet();
    assertThat(attribution.skipped()).containsOnlyKeys("custom");
    assertThat(attribution.models()).extracting(AttributionSection.ModelCredit::model)
        .containsExactlyElementsOf(registry.names().stream().filter(n -> !n.equals("custom")).toList());
    for (AttributionSection.ModelCredit credit : attribution.models()) {
      var expected = registry.create(credit.model()).attribute(journeys);
      assertThat(credit.values()).as(credit.model()).isEqualTo(expected.valueByChannel());
      assertThat(credit.conversions()).as(credit.model()).isEqualTo(expected.conversionsByChannel());
    }
  }

  @Test
  void attributionNotesSayWhatTheJourneysSetAsideBeforeTheModelsWarningsEachOnce() {
    AttributionSection attribution = section("attribution", AttributionSection.class);
    List<String> setAside = analysis.journeys().toJourneySet().notes();
    assertThat(setAside).isNotEmpty();
    assertThat(attribution.notes()).startsWith(setAside.toArray(String[]::new));
    assertThat(attribution.summary()).contains("  note: " + setAside.get(0));
    assertThat(attribution.notes()).doesNotHaveDuplicates();
  }

  private static AttributionSection.ModelCredit credit(AttributionSection section, String model) {
    return section.models().stream().filter(m -> m.model().equals(model)).findFirst().orElseThrow();
  }

  /**
   * Buyers' values 100, 300, 100; total 500. Ascending 100, 100, 300: Lorenz 0, 0.2, 0.4, 1. The top 20 %
   * is ceil(0.6) = 1 buyer: 300 / 500 = 0.6. Gini = 2·(1·100 + 2·100 + 3·300)/(3·500) − 4/3 = 1.6 − 1.3333
   * = 0.26667.
   */
  @Test
  void lorenzPointsAreTheValueConcentrationPoints() {
    ConcentrationSection concentration = section("concentration", ConcentrationSection.class);
    assertThat(concentration.lorenz()).containsExactly(0.0, 0.2, 0.4, 1.0);
    assertThat(concentration.topTwenty()).isEqualTo(0.6);
    assertThat(concentration.gini()).isCloseTo(0.266667, within(1e-6));
    assertThat(concentration.total()).isEqualTo(500.0);
    ValueConcentration expected = ValueConcentration.of(new double[] {100, 300, 100});
    assertThat(concentration.lorenz()).containsExactlyElementsOf(Arrays.stream(expected.lorenzCurve()).boxed().toList());
    assertThat(concentration.customersFor80()).isEqualTo(expected.customerShareFor80PercentValue());
  }

  /**
   * RFM inputs as of 2024-03-05: a recency 53 days, 1 purchase, 100; b 31 days, 1, 300; c 0 days, 2, 100.
   * Tiers over the four profiles come from {@link ValueTiers} with no predictor.
   */
  @Test
  void tiersAndRfmSegmentsAreTheApisCounts() {
    SegmentSection segments = section("segments", SegmentSection.class);
    Map<String, Integer> rfm = new LinkedHashMap<>();
    RfmScores.of(new long[] {53, 31, 0}, new long[] {1, 1, 2}, new double[] {100, 300, 100}).segmentCounts()
        .forEach((segment, count) -> rfm.put(segment.displayName(), count));
    assertThat(segments.rfm()).containsExactlyEntriesOf(rfm);
    assertThat(segments.rfm().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
    ValueTiers tiers = ValueTiers.of(ValuePredictor.none(), analysis.profiles());
    assertThat(segments.tiers()).isEqualTo(tiers.rollups(analysis.profiles()));
    assertThat(segments.tiers()).extracting(t -> t.segment())
        .containsExactly("retain", "re-engage", "grow", "maintain");
    // b (300) is the top 20 %: ceil(0.2 * 4) = 1 customer.
    assertThat(tiers.tier(profile("b"))).isEqualTo(ValueTier.RETAIN);
    assertThat(segments.tiers().get(0).size()).isEqualTo(1);
    assertThat(profile("a").metric("recency_days")).hasValue(53.0);
    assertThat(profile("d").metric("value")).hasValue(0.0);
  }

  private static org.engagement.core.domain.CustomerProfile profile(String id) {
    return analysis.profiles().stream().filter(p -> p.customer().id().equals(id)).findFirst().orElseThrow();
  }

  /** A later stage implies the earlier ones: a, b and c bought, so they reached every stage; d only touched. */
  @Test
  void funnelIsTheFunnelReport() {
    FunnelSection funnel = section("funnel", FunnelSection.class);
    assertThat(funnel.report()).isEqualTo(Funnel.of(FunnelDefinition.defaults()).addAll(input.interactions()).report());
    assertThat(funnel.report().overall().reached()).containsExactly(4, 3, 3, 3);
  }

  @Test
  void presenceIsTheChannelPresenceReport() {
    PresenceSection presence = section("presence", PresenceSection.class);
    var expected = ChannelPresence.of(LocalDate.of(2024, 1, 5).atTime(10, 0).toInstant(ZoneOffset.UTC),
        analysis.asOf().plusNanos(1), ConversionRule.purchases()).addAll(input.interactions()).report();
    assertThat(presence.report()).isEqualTo(expected);
    assertThat(presence.report().known()).isEqualTo(4);
    assertThat(presence.report().channelOverlap().keys()).extracting(c -> c.id()).containsExactly("email", "shop", "social");
    // email: a, b, c; social: a, b, d; both: a, b.
    assertThat(presence.report().channelOverlap().count(0, 2)).isEqualTo(2);
  }

  /** 2024-01-05 to 2024-03-05 is 60 days: weekly periods, from the ISO week of 2024-01-01 to that of 03-04. */
  @Test
  void engagementTrendIsTheTimelinesMeanScore() {
    EngagementSection engagement = section("engagement", EngagementSection.class);
    assertThat(engagement.granularity()).isEqualTo(Granularity.WEEK);
    EngagementTimeline timeline = new EngagementTimeline(EngagementScorer.defaults(), Granularity.WEEK,
        ZoneOffset.UTC, LocalDate.of(2024, 1, 5), LocalDate.of(2024, 3, 5));
    var all = timeline.perSegment(Segment.everyone(), analysis.profiles(), timeline.perCustomer(input.interactions()));
    assertThat(engagement.periods()).isEqualTo(timeline.periodStarts()).hasSize(10);
    assertThat(engagement.series().get(EngagementSection.ALL))
        .containsExactlyElementsOf(Arrays.stream(all.scores()).boxed().toList());
    // Nobody in the small world is lapsed (90 days), so the empty re-engage tier has no line.
    assertThat(engagement.series()).containsOnlyKeys("all customers", "retain", "grow", "maintain");
    assertThat(engagement.trend()).isEqualTo(all.trend());
  }

  @Test
  void aBuilderReplacesTheSlotWithTheSameId() {
    SectionBuilder roi = SectionBuilder.of("roi", a -> new FixedSection("roi", "Relationship ROI"));
    List<SectionBuilder> builders = ReportModel.withBuilder(ReportModel.defaultBuilders(), roi);
    assertThat(builders).extracting(SectionBuilder::id).containsExactlyElementsOf(
        ReportModel.defaultBuilders().stream().map(SectionBuilder::id).toList());
    ReportModel withRoi = ReportModel.build(analysis, builders);
    assertThat(withRoi.section("roi").orElseThrow()).isInstanceOf(FixedSection.class);
    assertThatThrownBy(() -> ReportModel.withBuilder(builders, SectionBuilder.of("nope", a -> new FixedSection("nope", "x"))))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("nope");
  }

  @Test
  void aBuilderThatFailsGivesANotAvailableSection() {
    SectionBuilder failing = SectionBuilder.of("funnel", a -> {
      throw new IllegalArgumentException("broken on purpose");
    });
    ReportModel broken = ReportModel.build(analysis, ReportModel.withBuilder(ReportModel.defaultBuilders(), failing));
    ReportSection funnel = broken.section("funnel").orElseThrow();
    assertThat(funnel.available()).isFalse();
    assertThat(funnel.summary()).singleElement().asString().contains("broken on purpose");
  }

  /**
   * A section that runs out of memory is left out with a note saying so, the sections after it are built, the
   * page renders, and the model says it is not complete (the command line exits 1 on it); a section merely not
   * available for want of input leaves the model complete.
   */
  @Test
  void aSectionThatRunsOutOfMemoryIsLeftOutAndTheReportIsIncomplete() {
    SectionBuilder hungry = SectionBuilder.of("hungry", a -> {
      throw new OutOfMemoryError("Java heap space");
    });
    SectionBuilder after = SectionBuilder.of("after", a -> new FixedSection("after", "After"));
    SectionBuilder missing = SectionBuilder.of("missing", a -> ReportSection.notAvailable("missing", "M", "no file"));
    ReportModel model = ReportModel.build(analysis, List.of(ReportModel.defaultBuilders().get(0), hungry, after));

    ReportSection left = model.section("hungry").orElseThrow();
    assertThat(left).isInstanceOf(ReportSection.LeftOut.class);
    assertThat(left.available()).isFalse();
    assertThat(left.summary()).singleElement().asString().startsWith("left out: building it ran out of memory")
        .contains("MB").contains("-Xmx");
    assertThat(model.section("after").orElseThrow().available()).isTrue();
    assertThat(model.section(SummarySection.ID).orElseThrow()).isInstanceOf(SummarySection.class);
    assertThat(model.complete()).isFalse();
    assertThat(HtmlReport.render(model)).contains("Left out: building it ran out of memory");
    assertThat(ReportModel.build(analysis, List.of(after, missing)).complete()).isTrue();
  }

  /**
   * The summary that runs out of memory while the JDK links a lambda (an {@link InternalError} whose cause is the
   * {@link OutOfMemoryError}, as JDK 17's {@code InnerClassLambdaMetafactory} throws) is left out like one that runs
   * out directly, the sections kept; an {@code InternalError} memory did not cause reaches the caller.
   */
  @Test
  void aSummaryThatRunsOutOfMemoryWhileALambdaIsLinkedIsLeftOut() {
    SectionBuilder after = SectionBuilder.of("after", a -> new FixedSection("after", "After"));
    Recommendation.Source linking = sections -> {
      throw new InternalError(new OutOfMemoryError("Java heap space"));
    };
    ReportModel model = ReportModel.build(analysis, List.of(after), List.of(linking));

    assertThat(model.section(SummarySection.ID).orElseThrow()).isInstanceOf(ReportSection.LeftOut.class);
    assertThat(model.section("after").orElseThrow()).isInstanceOf(FixedSection.class);
    assertThat(model.complete()).isFalse();
    Recommendation.Source broken = sections -> {
      throw new InternalError("a fault");
    };
    assertThatThrownBy(() -> ReportModel.build(analysis, List.of(after), List.of(broken)))
        .isInstanceOf(InternalError.class).hasMessage("a fault");
  }

  /**
   * With a costs file the default calculator runs. Markov credits all 450 of journey value (it is
   * additive) and there is no survey, so attributed revenue adds up to 450 and self-reported influence is
   * 0; email cost 10; engagement lift is valued at 0 per interaction by default.
   */
  @Test
  void withCostsTheRelationshipRoiIsComputed(@TempDir Path other) throws IOException {
    SmallWorld.write(other);
    Files.writeString(other.resolve("costs.csv"), "month,channel,owner,amount,currency\n2024-01,email,crm,10,EUR\n"
        + "2024-02,email,crm,-1,EUR\n");
    AnalysisInput withCosts = AnalysisInput.read(other);
    assertThat(withCosts.file(AnalysisInput.COSTS)).isPresent();
    assertThat(withCosts.file(AnalysisInput.SURVEY)).isEmpty();
    ReportModel report = ReportModel.build(withCosts, Progress.none());
    RoiSection roi = (RoiSection) report.section("roi").orElseThrow();
    assertThat(roi.components()).containsExactly("attributed revenue", "self reported influence", "retained value",
        "engagement lift");
    assertThat(roi.investment()).isEqualTo(10.0);
    assertThat(roi.channels().stream().mapToDouble(c -> c.rewards().get(0)).sum()).isCloseTo(450.0, within(1e-9));
    assertThat(roi.channels().stream().mapToDouble(c -> c.rewards().get(1)).sum()).isZero();
    assertThat(roi.channels().stream().mapToDouble(c -> c.rewards().get(3)).sum()).isZero();
    assertThat(roi.method()).contains("Measured attribution: recommended, blended with no survey answers")
        .contains("Rejected rows: 1 costs");
    RoiSection.ChannelRoi email = roi.channels().stream().filter(c -> c.channel().equals("email")).findFirst()
        .orElseThrow();
    assertThat(roi.roi(email)).hasValue((email.reward() - 10) / 10);
  }

  @Test
  void aDirectoryWithoutInteractionsIsRefused(@TempDir Path empty) {
    assertThatThrownBy(() -> AnalysisInput.read(empty)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("interactions.csv");
  }

  /** A section with no figures of its own, to plug into a slot. */
  record FixedSection(String id, String title) implements ReportSection {
    @Override
    public void writeHtml(Html html) {
      html.paragraph("plugged in");
    }

    @Override
    public List<String> summary() {
      return List.of("plugged in");
    }
  }
}
