package org.engagement.report.internal.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Builds a report's sections, up to a given number at a time (issue 16: the sections are independent, and on two
 * cores two of them at a time take about half the wall time), with a result that does not depend on how their
 * work interleaved:
 *
 * <ul>
 *   <li>each section is built on its own {@linkplain Analysis#apart() analysis apart}, sharing the figures (each
 *       computed once) but keeping its own account of the files it reads; the accounts are added to the
 *       analysis's in page order, so {@link Analysis#reads()} lists the files in the order a one-at-a-time run
 *       gives;
 *   <li>a section that runs out of memory beside another is built again alone, after the others, on a fresh
 *       analysis apart, and only if it runs out alone is it {@linkplain ReportSection.LeftOut left out}: what the
 *       heap holds then is what a one-at-a-time run would have held. Once one section has run out of memory, the
 *       sections not yet started wait and are built one at a time too, so a heap that is short is not asked to
 *       hold two sections again.
 *   <li>a section starts beside a running one only while the {@link HeapGauge} says the heap has room for
 *       another (the old generation at most half full); otherwise it waits until it can run alone. So a large
 *       input in a small heap is built one section at a time once its shared figures fill the heap, rather than
 *       two at a time until one runs out of memory and its partial work is thrown away.
 * </ul>
 *
 * <p>A builder that throws an {@link IllegalArgumentException}, an {@link InvalidSourceException} or an {@link
 * ImportException} gives a "not available" section with the message, as {@code ReportModel.build} documents;
 * any other exception is thrown, the first in page order. Stateless; the threads are daemons, made for one
 * report and ended with it.
 */
public final class SectionRun {
  private SectionRun() {}

  /**
   * The section of each builder, in order, built up to {@code threads} at a time on {@code analysis}, a second
   * beside a running one only while this JVM's heap has room ({@link HeapGauge#jvm()}); a section left out for want
   * of memory says so with {@code outOfMemory}.
   */
  public static List<ReportSection> build(Analysis analysis, List<SectionBuilder> builders, int threads,
      String outOfMemory) {
    return build(analysis, builders, threads, outOfMemory, HeapGauge.jvm());
  }

  /** As {@link #build(Analysis, List, int, String)}, with the heap's room for a second section told by {@code heap}. */
  public static List<ReportSection> build(Analysis analysis, List<SectionBuilder> builders, int threads,
      String outOfMemory, HeapGauge heap) {
    List<Analysis> apart = new ArrayList<>(builders.size());
    builders.forEach(b -> apart.add(analysis.apart()));
    List<@Nullable ReportSection> built = threads > 1 && builders.size() > 1
        ? together(apart, builders, threads, new Admission(heap)) : nulls(builders.size());
    List<ReportSection> sections = new ArrayList<>(builders.size());
    for (int i = 0; i < builders.size(); i++) {
      ReportSection section = built.get(i);
      if (section == null) {
        section = alone(analysis, builders.get(i), outOfMemory, apart, i);
      }
      analysis.recordReads(apart.get(i));
      sections.add(section);
    }
    return sections;
  }

  /**
   * The section of {@code builder}, built with nothing else running on a fresh analysis apart (put in {@code
   * apart} at {@code i}): left out if it runs out of memory, the step line and the analysis apart included. If
   * even the analysis apart could not be made, {@code apart} holds {@code analysis} itself at {@code i}, whose
   * accounts are already its own.
   */
  private static ReportSection alone(Analysis analysis, SectionBuilder builder, String outOfMemory,
      List<Analysis> apart, int i) {
    apart.set(i, analysis);
    try {
      analysis.progress().step("section " + builder.id());
      Analysis fresh = analysis.apart();
      apart.set(i, fresh);
      return built(fresh, builder);
    } catch (OutOfMemoryError e) {
      return ReportSection.leftOut(builder.id(), builder.id(), outOfMemory);
    }
  }

  private static ReportSection built(Analysis analysis, SectionBuilder builder) {
    try {
      return builder.build(analysis);
    } catch (IllegalArgumentException | InvalidSourceException | ImportException e) {
      return ReportSection.notAvailable(builder.id(), builder.id(), "cannot compute it: " + e.getMessage());
    }
  }

  /**
   * The sections built {@code threads} at a time; {@code null} for a section that ran out of memory or was not
   * started because another had.
   */
  private static List<@Nullable ReportSection> together(List<Analysis> apart, List<SectionBuilder> builders,
      int threads, Admission admission) {
    AtomicInteger named = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, builders.size()), work -> {
      Thread thread = new Thread(work, String.format(Locale.ROOT, "report-section-%d", named.incrementAndGet()));
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<@Nullable ReportSection>> futures = new ArrayList<>(builders.size());
      for (int i = 0; i < builders.size(); i++) {
        Analysis analysis = apart.get(i);
        SectionBuilder builder = builders.get(i);
        futures.add(pool.submit(() -> beside(analysis, builder, admission)));
      }
      List<@Nullable ReportSection> sections = new ArrayList<>(builders.size());
      for (Future<@Nullable ReportSection> future : futures) {
        sections.add(outcome(future));
      }
      return sections;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The section, built once {@code admission} lets it start; {@code null} if it ran out of memory (or another section
   * had before it started).
   */
  private static @Nullable ReportSection beside(Analysis analysis, SectionBuilder builder, Admission admission)
      throws InterruptedException {
    if (!admission.enter()) {
      return null;
    }
    try {
      analysis.progress().step("section " + builder.id());
      return built(analysis, builder);
    } catch (OutOfMemoryError e) {
      admission.memoryShort();
      return null;
    } finally {
      admission.leave();
    }
  }

  /**
   * Which section may start: the first whenever none is running, another beside it only while the heap has room;
   * none once a section has run out of memory (they are built alone afterwards). Thread-safe.
   */
  private static final class Admission {
    private final HeapGauge heap;
    private int running;
    private boolean memoryShort;

    Admission(HeapGauge heap) {
      this.heap = heap;
    }

    /**
     * Waits until the caller's section may start and counts it as running; false, without counting it, once a section
     * has run out of memory.
     */
    synchronized boolean enter() throws InterruptedException {
      while (!memoryShort && running > 0 && !heap.roomForAnother()) {
        wait();
      }
      if (memoryShort) {
        return false;
      }
      running++;
      return true;
    }

    synchronized void leave() {
      running--;
      notifyAll();
    }

    synchronized void memoryShort() {
      memoryShort = true;
      notifyAll();
    }
  }

  private static @Nullable ReportSection outcome(Future<@Nullable ReportSection> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException cancelled = new CancellationException("interrupted while building the report's sections");
      cancelled.initCause(e);
      throw cancelled;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof OutOfMemoryError) {
        return null;
      }
      if (cause instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static List<@Nullable ReportSection> nulls(int n) {
    List<@Nullable ReportSection> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(null);
    }
    return list;
  }
}
