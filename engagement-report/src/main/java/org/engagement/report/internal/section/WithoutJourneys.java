package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * A section builder that never reads the analysis's {@linkplain Analysis#journeys() journeys} or {@linkplain
 * Analysis#journeySet() their grouping}, so that {@link SectionRun} may {@linkplain Analysis#releaseJourneys() let
 * them go} once every builder that may read them has finished (issue 16: a touch per interaction, held through the
 * sections after the relationship ROI). A builder that is not marked may read them, the safe
 * default: a builder replacing a marked one (same id) keeps the journeys until it has finished.
 *
 * <p>Implementations must be thread-safe, as every {@link SectionBuilder}.
 */
public interface WithoutJourneys extends SectionBuilder {

  /** A builder with id {@code id} that applies {@code build}, which never reads the journeys. */
  static WithoutJourneys of(String id, Function<Analysis, ReportSection> build) {
    return new Marked(requireNonNull(id, "id"), requireNonNull(build, "build"));
  }

  /**
   * A {@linkplain SmallSection small} builder with id {@code id} that applies {@code build}, which never reads the
   * journeys.
   */
  static SmallSection small(String id, Function<Analysis, ReportSection> build) {
    return new SmallMarked(requireNonNull(id, "id"), requireNonNull(build, "build"));
  }
}

/** A builder that never reads the journeys. */
record Marked(String id, Function<Analysis, ReportSection> function) implements WithoutJourneys {
  @Override
  public ReportSection build(Analysis analysis) {
    return function.apply(analysis);
  }
}

/** A small builder that never reads the journeys. */
record SmallMarked(String id, Function<Analysis, ReportSection> function) implements SmallSection, WithoutJourneys {
  @Override
  public ReportSection build(Analysis analysis) {
    return function.apply(analysis);
  }
}
