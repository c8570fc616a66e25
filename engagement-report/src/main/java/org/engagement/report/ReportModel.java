package org.engagement.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.internal.analysis.PeriodFiguresTask;
import org.engagement.report.internal.memory.HeapGauge;
import org.engagement.report.internal.memory.MemoryFailure;
import org.engagement.report.internal.recommendation.BudgetRecommendations;
import org.engagement.report.internal.recommendation.RoiRecommendations;
import org.engagement.report.internal.section.AttributionSection;
import org.engagement.report.internal.section.BudgetSection;
import org.engagement.report.internal.section.ClvSection;
import org.engagement.report.internal.section.ConcentrationSection;
import org.engagement.report.internal.section.ConversationSection;
import org.engagement.report.internal.section.DataSection;
import org.engagement.report.internal.section.EngagementSection;
import org.engagement.report.internal.section.FunnelSection;
import org.engagement.report.internal.section.PresenceSection;
import org.engagement.report.internal.section.RoiSection;
import org.engagement.report.internal.section.SectionRun;
import org.engagement.report.internal.section.SegmentSection;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;
import org.engagement.roi.RelationshipRoiCalculator;
import org.engagement.roi.RoiSettings;

/**
 * The figures of a report: one {@link ReportSection} per {@link SectionBuilder}, in order.
 *
 * <p>{@link #defaultBuilders()} is the standard report. Any section can be replaced, for example with
 * another CLV model, by {@code ReportModel.withBuilder(ReportModel.defaultBuilders(),
 * ClvSection.builder("my-model", predictor))}: the builder with the same id takes the other's place (the
 * relationship-ROI section is replaced the same way, for example with other {@link RoiSettings}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param source where the data came from
 * @param asOf the date the figures describe
 * @param sections the sections, in page order; ids distinct
 * @param reads the account of every file read, the interactions first ({@link Analysis#reads()})
 * @since 0.1.0
 */
public record ReportModel(String source, LocalDate asOf, List<ReportSection> sections, List<ImportReport> reads) {
  /** The id of the relationship-ROI section. */
  public static final String ROI = RoiSection.ID;
  /** The id of the customer-lifetime-value section. */
  public static final String CLV = ClvSection.ID;
  /**
   * The bootstrap resamples of the standard report's ROI intervals: few, to keep the report fast (each runs the
   * chosen attribution model once; a fraction of a second each on the bundled world, a few seconds in all).
   */
  public static final int REPORT_RESAMPLES = 20;
  /** The id of the conversations section. */
  public static final String CONVERSATIONS = ConversationSection.ID;

  /**
   * Requires every part, copies the list and checks the ids.
   *
   * @throws InvalidFieldException if two sections share an id
   */
  public ReportModel {
    requireNonNull(source, "source");
    requireNonNull(asOf, "asOf");
    sections = List.copyOf(sections);
    reads = List.copyOf(reads);
    Set<String> ids = new HashSet<>();
    for (ReportSection section : sections) {
      if (!ids.add(section.id())) {
        throw new InvalidFieldException("sections", section.id(), "must have distinct ids");
      }
    }
  }

  /**
   * The standard report: data, attribution, relationship ROI ({@link RelationshipRoiBuilder} with
   * {@link RoiSettings#defaults()} but the {@value RecommendedModel#NAME} attribution model, the rule that
   * recovers simulated truth best, with {@value #REPORT_RESAMPLES} bootstrap resamples for its intervals and
   * the settings' default model for the value tiers' totals; not available without a costs file), budget
   * ({@code BudgetSection}: a marketing mix model on weekly spend and revenue, its optimiser's moves), value concentration, value tiers and
   * RFM segments, customer lifetime value (BG/NBD and Gamma-Gamma fitted on the purchases), funnel, channel presence and overlap, engagement trend,
   * conversations ({@code ConversationSection}; not available without a conversations file).
   */
  public static List<SectionBuilder> defaultBuilders() {
    return defaultBuilders(1);
  }

  /**
   * The standard report ({@link #defaultBuilders()}) with the relationship ROI at gross margin {@code margin}:
   * the share of each reward that counts as profit ({@link RelationshipRoiCalculator.Builder#margin}).
   *
   * @throws InvalidFieldException if {@code margin} is not in (0, 1]
   */
  public static List<SectionBuilder> defaultBuilders(double margin) {
    RoiSettings settings = RoiSettings.defaults().withModel(RecommendedModel.NAME)
        .withCalculator(RelationshipRoiCalculator.builder().margin(margin).build());
    return List.of(DataSection.builder(), AttributionSection.builder(),
        RelationshipRoiBuilder.of(settings)
            .withTierModel(RoiSettings.defaults().model()).withIntervals(REPORT_RESAMPLES), BudgetSection.builder(),
        ConcentrationSection.builder(),
        SegmentSection.builder(),
        ClvSection.fitted(),
        FunnelSection.builder(), PresenceSection.builder(), EngagementSection.builder(),
        ConversationSection.builder());
  }

  /**
   * {@code builders} with {@code replacement} in place of the builder with the same id.
   *
   * @throws InvalidFieldException if no builder has that id
   */
  public static List<SectionBuilder> withBuilder(List<SectionBuilder> builders, SectionBuilder replacement) {
    requireNonNull(replacement, "replacement");
    List<SectionBuilder> result = new ArrayList<>(builders);
    for (int i = 0; i < result.size(); i++) {
      if (result.get(i).id().equals(replacement.id())) {
        result.set(i, replacement);
        return List.copyOf(result);
      }
    }
    throw new InvalidFieldException("replacement", replacement.id(), "must have the id of one of the builders");
  }

  /**
   * Runs every builder on {@code analysis}, in order. A builder that throws an
   * {@link IllegalArgumentException} (the data breaks a rule of the analysis), an {@link
   * InvalidSourceException} or an {@link ImportException} (a file it needs cannot be read) gives a "not
   * available" section with the exception's message: one analysis that cannot run on this data does not cost
   * the whole report. The model keeps the account of every file read ({@link Analysis#reads()}), so a file
   * that could not be read, or whose rows were rejected, is never lost from view.
   */
  public static ReportModel build(Analysis analysis, List<SectionBuilder> builders) {
    return build(analysis, builders, defaultSources());
  }

  /**
   * The sources of the standard summary's recommendations: the budget section's moves (made only when the
   * interval of the move's expected gain excludes 0, otherwise "test before moving") and the relationship ROI's
   * intervals (grow a channel whose whole ROI interval is above 0, cut one whose whole interval is below, test
   * one whose interval spans 0). Another source is added with {@link #build(Analysis, List, List)}.
   */
  public static List<Recommendation.Source> defaultSources() {
    return List.of(new BudgetRecommendations(), new RoiRecommendations());
  }

  /**
   * As {@link #build(Analysis, List)}, with the summary's recommendations from {@code sources}: the page
   * opens on a {@link SummarySection} made from the built sections. The sections are built up to two at a time, or
   * one at a time on a single processor ({@link #build(Analysis, List, List, int)}): the sections are independent, so
   * two cores take about half the wall time, and more at a time would add to the heap's peak (each section's
   * working set) for little on the machines the report is sized for. A second section starts beside a running one
   * only while the old generation is at most half full, so a large input in a small heap is built one section at a
   * time once its shared figures fill the heap; the budget section, whose working set is about a hundred weeks
   * of figures per channel whatever the data's size, runs beside any other. A thread that has no section it may
   * start computes the summary's period-over-period figures and their resamples ahead (a byte per customer and two
   * numbers per paying one), rather than leaving them to run alone after the sections.
   */
  public static ReportModel build(Analysis analysis, List<SectionBuilder> builders,
      List<Recommendation.Source> sources) {
    return build(analysis, builders, sources, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * As {@link #build(Analysis, List, List)}, with up to {@code threads} sections built at a time. The model is
   * the same whatever the number and however the work interleaves: each section is built on an {@linkplain
   * Analysis#apart() analysis apart} whose account of the files read joins the analysis's in page order, and a
   * section that runs out of memory beside another is built again alone before it is left out. A second section
   * starts beside a running one only while the old generation (its occupancy measured without a collection) is at
   * most half full, or when either of the two is the budget section (small whatever the data's size); otherwise it
   * waits to run alone, and a free thread takes the next section that may start. One thread builds the
   * sections one after the other, in page order (what a per-section timing needs).
   *
   * @throws InvalidFieldException if {@code threads} is not positive
   */
  public static ReportModel build(Analysis analysis, List<SectionBuilder> builders,
      List<Recommendation.Source> sources, int threads) {
    return build(analysis, builders, sources, threads, HeapGauge.jvm());
  }

  /**
   * As {@link #build(Analysis, List, List, int)}, with the heap's room for a second section beside a running one
   * told by {@code heap} rather than measured in this JVM (tests).
   */
  static ReportModel build(Analysis analysis, List<SectionBuilder> builders, List<Recommendation.Source> sources,
      int threads, HeapGauge heap) {
    requireNonNull(analysis, "analysis");
    requireNonNull(sources, "sources");
    if (threads < 1) {
      throw new InvalidFieldException("threads", threads, "must be at least 1");
    }
    Analysis forSummary = analysis.apart();
    PeriodFiguresTask halves = new PeriodFiguresTask(forSummary);
    List<ReportSection> sections = new ArrayList<>(SectionRun.build(analysis, List.copyOf(builders), threads,
        outOfMemory(), heap, halves));
    ReportSection summary;
    try {
      summary = SummarySection.of(forSummary, List.copyOf(sections), sources, halves::get);
    } catch (Error e) {
      if (!MemoryFailure.ranOutOfMemory(e)) {
        throw e;
      }
      summary = ReportSection.leftOut(SummarySection.ID, "Summary", outOfMemory());
    }
    analysis.recordReads(forSummary);
    sections.add(0, summary);
    return new ReportModel(analysis.input().source(), analysis.asOfDate(), sections, analysis.reads());
  }

  /** The standard report of {@code input}, reporting long steps to {@code progress}. */
  public static ReportModel build(AnalysisInput input, Progress progress) {
    return build(Analysis.of(input, progress), defaultBuilders());
  }

  /**
   * Why a section was left out: the heap's limit. A section's figures are its own until it returns, so what it
   * allocated before running out is garbage and the sections after it run as they would have.
   */
  private static String outOfMemory() {
    return String.format(Locale.ROOT, "building it ran out of memory (the Java heap's limit is %,d MB); the other"
        + " sections are complete. Run the report with a larger heap (java -Xmx...) for this section.",
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  /**
   * Whether every section was built: none was {@linkplain ReportSection.LeftOut left out} for want of memory.
   * A section not available for want of input (no costs file, say) does not make a report incomplete.
   */
  public boolean complete() {
    return sections.stream().noneMatch(ReportSection.LeftOut.class::isInstance);
  }

  /** Whether every row of every file read was used: each read {@linkplain ImportReport#isClean() clean}. */
  public boolean allRowsUsed() {
    return reads.stream().allMatch(ImportReport::isClean);
  }

  /** The section with id {@code id}, if there is one. */
  public Optional<ReportSection> section(String id) {
    return sections.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
