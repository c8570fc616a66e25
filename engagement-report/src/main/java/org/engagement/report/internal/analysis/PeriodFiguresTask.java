package org.engagement.report.internal.analysis;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.internal.memory.MemoryFailure;
import org.jspecify.annotations.Nullable;

/**
 * The summary's {@link PeriodFigures}, computed at most once: ahead, by a section thread that would otherwise wait
 * ({@link #run}), or when the summary asks for them ({@link #get}). Issue 16: at 10 million interactions the
 * figures' 400 resamples took several seconds of one core; computed after the sections, as the summary needs them,
 * they ran alone while the other core had nothing to do. The figures and any exception
 * they end in are the same whenever and on whichever thread they are computed, so the page does not depend on
 * it.
 *
 * <p>Computed on an {@linkplain Analysis#apart() analysis apart}, given by the caller, whose account of the files
 * read (the costs file) the caller adds to the report's once the summary is made. Thread-safe: {@link #run} on one
 * thread, {@link #get} on another after it (a caller that waits for the running thread's end, as a pool's future
 * does, sees what it computed).
 */
public final class PeriodFiguresTask implements Runnable {
  private final Analysis analysis;
  private final Function<Analysis, PeriodFigures> compute;
  private volatile @Nullable PeriodFigures figures;
  private volatile @Nullable RuntimeException failure;

  /** The task of the figures of {@code analysis}, an analysis apart. */
  public PeriodFiguresTask(Analysis analysis) {
    this(analysis, PeriodFigures::of);
  }

  /** The task computing the figures with {@code compute}: {@link PeriodFigures#of}, or a test's stand-in. */
  PeriodFiguresTask(Analysis analysis, Function<Analysis, PeriodFigures> compute) {
    this.analysis = requireNonNull(analysis, "analysis");
    this.compute = requireNonNull(compute, "compute");
  }

  /**
   * Computes the figures ahead, keeping the exception they end in for {@link #get}. Running out of memory (as
   * {@link MemoryFailure} tells it, the JDK's wrapped forms included) keeps nothing: the summary computes them
   * again once the sections are done and their figures are garbage, as it did before they were computed ahead.
   */
  @Override
  public void run() {
    if (figures != null || failure != null) {
      return;
    }
    analysis.progress().step("summary: the halves' figures and their resamples");
    try {
      figures = compute.apply(analysis);
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      if (!MemoryFailure.ranOutOfMemory(e)) {
        throw e;
      }
      figures = null;
    }
  }

  /**
   * The figures: those computed ahead, or computed now.
   *
   * @throws RuntimeException what {@link PeriodFigures#of} throws (the one thrown ahead, if it was)
   */
  public PeriodFigures get() {
    RuntimeException thrown = failure;
    if (thrown != null) {
      throw thrown;
    }
    PeriodFigures ahead = figures;
    return ahead != null ? ahead : compute.apply(analysis);
  }
}
