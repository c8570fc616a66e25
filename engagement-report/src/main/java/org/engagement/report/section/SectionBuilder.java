package org.engagement.report.section;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.engagement.report.analysis.Analysis;

/**
 * Computes one section from an {@link Analysis}. The report is a list of builders
 * ({@link org.engagement.report.ReportModel#defaultBuilders()}); a new analysis plugs in by replacing the builder with the same
 * {@link #id()} ({@link org.engagement.report.ReportModel#withBuilder}), so it keeps its place in the page.
 *
 * <p>A builder returns {@link ReportSection#notAvailable} when its input is missing; an
 * {@link IllegalArgumentException} it throws is shown the same way, with its message. Implementations
 * must be thread-safe.
 *
 * @since 0.1.0
 */
public interface SectionBuilder {

  /** The id of the sections this builder makes. */
  String id();

  /** The section for {@code analysis}. */
  ReportSection build(Analysis analysis);

  /** A builder with id {@code id} that applies {@code build}. */
  static SectionBuilder of(String id, Function<Analysis, ReportSection> build) {
    requireNonNull(id, "id");
    requireNonNull(build, "build");
    return new SectionBuilder() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public ReportSection build(Analysis analysis) {
        return build.apply(analysis);
      }
    };
  }
}
