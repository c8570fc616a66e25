package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Throwables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.internal.memory.HeapGauge;
import org.engagement.report.internal.memory.MemoryFailure;
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
 *       analysis apart, and only if it runs out alone is it {@linkplain ReportSection.LeftOut left out} (a {@link
 *       NoClassDefFoundError} for a class whose initialiser ran out of memory counts as running out, and so does an
 *       error with an {@link OutOfMemoryError} among its causes, as the JDK throws when memory runs out while it
 *       links a lambda: {@link MemoryFailure}): what the heap holds then is what a one-at-a-time run would have
 *       held. Once one section has run out of memory, the sections not yet started wait and are built one at a
 *       time too, so a heap that is short is not asked to hold two sections again.
 *   <li>a section starts beside a running one only while the {@link HeapGauge} says the heap has room for
 *       another (the old generation at most half full); otherwise it waits until it can run alone. So a large
 *       input in a small heap is built one section at a time once its shared figures fill the heap, rather than
 *       two at a time until one runs out of memory and its partial work is thrown away. A {@linkplain SmallSection
 *       small} section (the budget's mix model on about a hundred weeks of figures per channel) adds nothing that
 *       rule guards against, so it starts beside any section, and any section beside it;
 *   <li>a free thread takes the first section in page order that may start, so a small section does not wait
 *       behind a large one that may not start yet: at 10 million interactions in 1 GB the budget runs beside the
 *       relationship ROI instead of after it;
 *   <li>once every builder that may read the analysis's journeys has finished (every builder not marked {@link
 *       WithoutJourneys}: the attribution and the relationship ROI in the standard report), the journeys are
 *       {@linkplain Analysis#releaseJourneys() let go}, so that the sections after them have that heap (a touch per
 *       interaction); a builder that asks for them later (one built again alone after running out of memory) cuts
 *       them again;
 *   <li>a free thread that has no section it may start (none is left, or the heap keeps the next one waiting) does
 *       the run's <em>spare work</em>, if it has any, once: work the caller would otherwise do after the sections,
 *       alone on one core (the summary's resamples: at 10 million interactions in 1 GB they took 7-10 s while the
 *       other core was idle, before they were made cheaper). The spare work counts as a small section while it
 *       runs; one thread builds no section beside it, so the caller does it itself when it was not done.
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
   * beside a running one only while this JVM's heap has room ({@link HeapGauge#jvm()}) or either is {@linkplain
   * SmallSection small}; a section left out for want of memory says so with {@code outOfMemory}.
   */
  public static List<ReportSection> build(Analysis analysis, List<SectionBuilder> builders, int threads,
      String outOfMemory) {
    return build(analysis, builders, threads, outOfMemory, HeapGauge.jvm());
  }

  /** As {@link #build(Analysis, List, int, String)}, with the heap's room for a second section told by {@code heap}. */
  public static List<ReportSection> build(Analysis analysis, List<SectionBuilder> builders, int threads,
      String outOfMemory, HeapGauge heap) {
    return build(analysis, builders, threads, outOfMemory, heap, () -> { });
  }

  /**
   * As {@link #build(Analysis, List, int, String, HeapGauge)}, with {@code spare} run by a thread that has no section
   * it may start, at most once and only when sections are built more than one at a time: the caller finds out
   * from {@code spare} itself whether it ran. {@code spare} must be thread-safe and should not throw; what it throws
   * is thrown as a section's exception would be.
   */
  public static List<ReportSection> build(Analysis analysis, List<SectionBuilder> builders, int threads,
      String outOfMemory, HeapGauge heap, Runnable spare) {
    NumericTables.load();
    List<Analysis> apart = new ArrayList<>(builders.size());
    builders.forEach(b -> apart.add(analysis.apart()));
    int lastReader = lastJourneyReader(builders);
    List<@Nullable ReportSection> built = threads > 1 && builders.size() > 1
        ? together(apart, builders, threads, new Schedule(builders, heap, analysis::releaseJourneys), spare)
        : nulls(builders.size());
    List<ReportSection> sections = new ArrayList<>(builders.size());
    for (int i = 0; i < builders.size(); i++) {
      ReportSection section = built.get(i);
      if (section == null) {
        section = alone(analysis, builders.get(i), outOfMemory, apart, i);
      }
      if (i == lastReader) {
        analysis.releaseJourneys();
      }
      analysis.recordReads(apart.get(i));
      sections.add(section);
    }
    return sections;
  }

  /** The index of the last builder that may read the journeys (not {@link WithoutJourneys}); -1 if none may. */
  private static int lastJourneyReader(List<SectionBuilder> builders) {
    for (int i = builders.size() - 1; i >= 0; i--) {
      if (!(builders.get(i) instanceof WithoutJourneys)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The section of {@code builder}, built with nothing else running on a fresh analysis apart (put in {@code
   * apart} at {@code i}): left out if it runs out of memory ({@link MemoryFailure}: a class that memory left
   * unusable counts), the step line and the analysis apart included. If
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
    } catch (Error e) {
      if (!MemoryFailure.ranOutOfMemory(e)) {
        throw e;
      }
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
   * started because another had. Each thread takes the first section in page order that {@code schedule} lets
   * start, so a small section waiting behind a large one that may not start yet runs beside the running one.
   */
  private static List<@Nullable ReportSection> together(List<Analysis> apart, List<SectionBuilder> builders,
      int threads, Schedule schedule, Runnable spare) {
    AtomicInteger named = new AtomicInteger();
    int workers = Math.min(threads, builders.size());
    ExecutorService pool = Executors.newFixedThreadPool(workers, work -> {
      Thread thread = new Thread(work, String.format(Locale.ROOT, "report-section-%d", named.incrementAndGet()));
      thread.setDaemon(true);
      return thread;
    });
    AtomicReferenceArray<@Nullable Object> outcomes = new AtomicReferenceArray<>(builders.size());
    try {
      List<Future<?>> futures = new ArrayList<>(workers);
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> work(apart, builders, schedule, outcomes, spare)));
      }
      for (Future<?> future : futures) {
        outcome(future);
      }
      return sections(outcomes);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One thread's work: build the sections {@code schedule} hands it until none is left to start, each outcome (the
   * section, or the exception the builder threw) put in {@code outcomes} at its index, or run {@code spare} when
   * the schedule hands it that; a section that ran out of memory leaves {@code null}.
   */
  private static Void work(List<Analysis> apart, List<SectionBuilder> builders, Schedule schedule,
      AtomicReferenceArray<@Nullable Object> outcomes, Runnable spare) throws InterruptedException {
    for (int i = schedule.next(); i != Schedule.NONE; i = schedule.next()) {
      if (i == Schedule.SPARE) {
        try {
          spare.run();
        } finally {
          schedule.done(i);
        }
        continue;
      }
      try {
        apart.get(i).progress().step("section " + builders.get(i).id());
        outcomes.set(i, built(apart.get(i), builders.get(i)));
      } catch (Error e) {
        if (MemoryFailure.ranOutOfMemory(e)) {
          schedule.memoryShort();
        } else {
          outcomes.set(i, e);
        }
      } catch (RuntimeException e) {
        outcomes.set(i, e);
      } finally {
        schedule.done(i);
      }
    }
    return null;
  }

  /**
   * The sections in page order, {@code null} where none was built; the first exception in page order a builder threw
   * (other than those {@link #built} turns into "not available" sections) is thrown, as a one-at-a-time run would.
   */
  private static List<@Nullable ReportSection> sections(AtomicReferenceArray<@Nullable Object> outcomes) {
    List<@Nullable ReportSection> sections = new ArrayList<>(outcomes.length());
    for (int i = 0; i < outcomes.length(); i++) {
      Object outcome = outcomes.get(i);
      if (outcome instanceof Throwable thrown) {
        Throwables.throwIfUnchecked(thrown);
        throw new IllegalStateException(thrown);
      }
      sections.add((ReportSection) outcome);
    }
    return sections;
  }

  /**
   * Which section starts next: the first in page order not yet started that may start now. Any section may start when
   * none is running; beside running ones, a {@linkplain SmallSection small} section always, a large one beside
   * small ones only, or beside a large one while the heap has room ({@link HeapGauge#roomForAnother}). None starts
   * once a section has run out of memory (they are built alone afterwards). Once the last builder that may read the
   * journeys has finished (none ran out of memory), it lets them go, before any waiting section is told. Thread-safe.
   */
  private static final class Schedule {
    /** What {@link #next} returns once nothing is left to start. */
    static final int NONE = -1;
    /** What {@link #next} returns for the spare work. */
    static final int SPARE = -2;

    private final List<SectionBuilder> builders;
    private final HeapGauge heap;
    private final Runnable releaseJourneys;
    private final boolean[] started;
    /** The builders that may read the journeys ({@link WithoutJourneys} not) and have not finished. */
    private int journeyReaders;
    private boolean spareStarted;
    private int running;
    private int runningLarge;
    private boolean memoryShort;

    Schedule(List<SectionBuilder> builders, HeapGauge heap, Runnable releaseJourneys) {
      this.builders = builders;
      this.heap = heap;
      this.releaseJourneys = releaseJourneys;
      this.started = new boolean[builders.size()];
      this.journeyReaders = (int) builders.stream().filter(b -> !(b instanceof WithoutJourneys)).count();
    }

    /**
     * Waits until a section not yet started may start, counts it as running and returns its index; {@link #SPARE},
     * once, when none may start; {@link #NONE} once none is left to start or a section has run out of memory.
     */
    synchronized int next() throws InterruptedException {
      while (!memoryShort) {
        boolean waiting = false;
        for (int i = 0; i < started.length; i++) {
          if (!started[i]) {
            waiting = true;
            if (mayStart(small(i))) {
              started[i] = true;
              running++;
              runningLarge += small(i) ? 0 : 1;
              return i;
            }
          }
        }
        if (!spareStarted) {
          spareStarted = true;
          running++;
          return SPARE;
        }
        if (!waiting) {
          return NONE;
        }
        wait();
      }
      return NONE;
    }

    private boolean mayStart(boolean small) {
      return running == 0 || small || runningLarge == 0 || heap.roomForAnother();
    }

    private boolean small(int i) {
      return i == SPARE || builders.get(i) instanceof SmallSection;
    }

    synchronized void done(int i) {
      running--;
      runningLarge -= small(i) ? 0 : 1;
      if (i != SPARE && !(builders.get(i) instanceof WithoutJourneys) && --journeyReaders == 0 && !memoryShort) {
        releaseJourneys.run();
      }
      notifyAll();
    }

    synchronized void memoryShort() {
      memoryShort = true;
      notifyAll();
    }
  }

  private static void outcome(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException cancelled = new CancellationException("interrupted while building the report's sections");
      cancelled.initCause(e);
      throw cancelled;
    } catch (ExecutionException e) {
      Throwable cause = requireNonNull(e.getCause(), "cause");
      Throwables.throwIfUnchecked(cause);
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
