package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.internal.memory.HeapGauge;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * A section builder whose own working set stays small whatever the data's size, so that {@link SectionRun} may build
 * it beside any other section however full the heap is (issue 16): the heap rule ({@link HeapGauge#roomForAnother})
 * keeps two sections that each hold per-customer state from running together in a small heap, but a section that
 * works on about a hundred weeks of figures per channel adds nothing that rule guards against. A builder qualifies
 * only if what it keeps while it runs does not grow with the number of interactions or customers (it may pass over
 * the interactions and read the analysis's shared figures, which are held whatever runs); a builder that is not
 * marked is treated as large, the safe default, so a builder replacing a marked one (same id) is scheduled by the
 * heap rule.
 *
 * <p>Implementations must be thread-safe, as every {@link SectionBuilder}.
 */
public interface SmallSection extends SectionBuilder {

  /** A small builder with id {@code id} that applies {@code build}. */
  static SmallSection of(String id, Function<Analysis, ReportSection> build) {
    requireNonNull(id, "id");
    requireNonNull(build, "build");
    return new SmallSection() {
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
