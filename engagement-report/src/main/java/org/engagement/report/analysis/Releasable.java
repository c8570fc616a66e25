package org.engagement.report.analysis;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A figure computed on first use and kept until {@linkplain #release() released}, then computed again if asked
 * for again: what {@link Analysis} keeps its journeys in, so that the report can let go of a figure no section
 * left to build reads (issue 16: the journeys and their grouping, a touch per interaction, held through the
 * sections after the relationship ROI that never read them). The computation must give an equal
 * figure each time it runs.
 *
 * <p>Thread-safe: {@link #get} and {@link #release} are synchronized, so the figure is computed once however many
 * threads ask at once; a caller that already holds the figure keeps it whatever a release does.
 */
final class Releasable<T> implements Supplier<T> {
  private final Supplier<T> compute;
  private @Nullable T value;

  Releasable(Supplier<T> compute) {
    this.compute = requireNonNull(compute, "compute");
  }

  @Override
  public synchronized T get() {
    T v = value;
    if (v == null) {
      v = requireNonNull(compute.get(), "computed figure");
      value = v;
    }
    return v;
  }

  /** Drops the figure, if computed; the next {@link #get} computes it again. */
  synchronized void release() {
    value = null;
  }

  /** Whether the figure is held now (tests). */
  synchronized boolean held() {
    return value != null;
  }
}
