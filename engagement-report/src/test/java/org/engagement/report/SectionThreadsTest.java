package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.report.ReportModelTest.FixedSection;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.internal.memory.HeapGauge;
import org.engagement.report.internal.section.SmallSection;
import org.engagement.report.internal.section.WithoutJourneys;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;
import org.engagement.simulator.WorldSpec;
import org.engagement.simulator.WorldWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sections built several at a time (issue 16) give the model a one-at-a-time run gives: the same page, the files
 * read listed in page order whichever section read first, and a section that runs out of memory beside another
 * built again alone before it is left out.
 */
class SectionThreadsTest {
  /** A heap with room for a second section whatever runs. */
  private static final HeapGauge ROOMY = HeapGauge.fixed(0, 1L << 30);
  /** A heap too full for a second section: three quarters of it in use. */
  private static final HeapGauge FULL = HeapGauge.fixed(3L << 28, 1L << 30);

  /**
   * A generated 400-person world with every companion file (costs, survey, truth, conversations, ...): the page,
   * every section and every file read, is the same with one thread, with two, and with two in a heap too full for
   * a second section beside the first.
   */
  @Test
  void thePageIsTheSameWhateverTheNumberOfThreads(@TempDir Path dir) throws IOException {
    WorldWriter.write(WorldSpec.builder().customers(400).seed(7).build(), dir);
    AnalysisInput input = AnalysisInput.read(dir);
    ReportModel one = ReportModel.build(Analysis.of(input, Progress.none()), ReportModel.defaultBuilders(),
        ReportModel.defaultSources(), 1);
    ReportModel two = ReportModel.build(Analysis.of(input, Progress.none()), ReportModel.defaultBuilders(),
        ReportModel.defaultSources(), 2, ROOMY);
    ReportModel full = ReportModel.build(Analysis.of(input, Progress.none()), ReportModel.defaultBuilders(),
        ReportModel.defaultSources(), 2, FULL);
    assertThat(one.sections()).allSatisfy(s -> assertThat(s).isNotInstanceOf(ReportSection.LeftOut.class));
    assertThat(one.reads()).extracting(ImportReport::source).contains(AnalysisInput.COSTS, AnalysisInput.TRUTH,
        AnalysisInput.CONVERSATIONS);
    assertThat(two.reads()).isEqualTo(one.reads());
    assertThat(full.reads()).isEqualTo(one.reads());
    String page = HtmlReport.render(one);
    assertThat(HtmlReport.render(two)).isEqualTo(page);
    assertThat(HtmlReport.render(full)).isEqualTo(page);
  }

  /**
   * With the old generation more than half full no section starts beside another, however many threads; with
   * room, the second starts while the first runs (the first waits for it).
   */
  @Test
  void aSecondSectionStartsBesideTheFirstOnlyWhileTheHeapHasRoom(@TempDir Path dir) throws IOException {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<SectionBuilder> builders = new ArrayList<>();
    for (String id : List.of("a", "b", "c", "d")) {
      builders.add(SectionBuilder.of(id, a -> {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        pause();
        running.decrementAndGet();
        return new FixedSection(id, id.toUpperCase(Locale.ROOT));
      }));
    }
    AnalysisInput input = SmallWorld.read(dir);
    ReportModel model = ReportModel.build(Analysis.of(input, Progress.none()), builders, ReportModel.defaultSources(),
        2, FULL);

    assertThat(most).hasValue(1);
    assertThat(model.sections()).extracting(ReportSection::id).containsExactly(SummarySection.ID, "a", "b", "c", "d");
    assertThat(model.complete()).isTrue();

    CountDownLatch secondStarted = new CountDownLatch(1);
    SectionBuilder first = SectionBuilder.of("first", a -> {
      await(secondStarted);
      return new FixedSection("first", "First");
    });
    SectionBuilder second = SectionBuilder.of("second", a -> {
      secondStarted.countDown();
      return new FixedSection("second", "Second");
    });
    ReportModel beside = ReportModel.build(Analysis.of(input, Progress.none()), List.of(first, second),
        ReportModel.defaultSources(), 2, ROOMY);
    assertThat(beside.complete()).isTrue();
  }

  /**
   * In a heap too full for two large sections, a small one still starts beside a large one, taking its turn ahead of
   * a large section before it in page order that may not start yet, and a large one starts beside a small one; two
   * large ones never run together, and the page keeps its order.
   */
  @Test
  void aSmallSectionRunsBesideALargeOneHoweverFullTheHeap(@TempDir Path dir) throws IOException {
    AtomicInteger large = new AtomicInteger();
    AtomicInteger mostLarge = new AtomicInteger();
    CountDownLatch smallStarted = new CountDownLatch(1);
    SectionBuilder first = SectionBuilder.of("first", a -> {
      mostLarge.accumulateAndGet(large.incrementAndGet(), Math::max);
      await(smallStarted);
      large.decrementAndGet();
      return new FixedSection("first", "First");
    });
    SectionBuilder second = SectionBuilder.of("second", a -> {
      mostLarge.accumulateAndGet(large.incrementAndGet(), Math::max);
      pause();
      large.decrementAndGet();
      return new FixedSection("second", "Second");
    });
    SectionBuilder small = SmallSection.of("small", a -> {
      smallStarted.countDown();
      return new FixedSection("small", "Small");
    });
    AnalysisInput input = SmallWorld.read(dir);
    ReportModel model = ReportModel.build(Analysis.of(input, Progress.none()), List.of(first, second, small),
        ReportModel.defaultSources(), 2, FULL);

    assertThat(mostLarge).hasValue(1);
    assertThat(model.sections()).extracting(ReportSection::id)
        .containsExactly(SummarySection.ID, "first", "second", "small");
    assertThat(model.complete()).isTrue();

    CountDownLatch largeStarted = new CountDownLatch(1);
    SectionBuilder waiting = SmallSection.of("waiting", a -> {
      await(largeStarted);
      return new FixedSection("waiting", "Waiting");
    });
    SectionBuilder big = SectionBuilder.of("big", a -> {
      largeStarted.countDown();
      return new FixedSection("big", "Big");
    });
    ReportModel beside = ReportModel.build(Analysis.of(input, Progress.none()), List.of(waiting, big),
        ReportModel.defaultSources(), 2, FULL);
    assertThat(beside.complete()).isTrue();
  }

  /**
   * A thread that may not start a section (the heap too full for a second large one) computes the summary's
   * period figures beside the running section, once, instead of leaving them to run alone after the sections; the
   * summary is the one a one-at-a-time run makes. One thread computes them after the sections, as before.
   */
  @Test
  void aThreadWithNoSectionToStartComputesTheSummarysFiguresAhead(@TempDir Path dir) throws IOException {
    AnalysisInput input = SmallWorld.read(dir);
    List<String> steps = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch figuresStarted = new CountDownLatch(1);
    Progress progress = message -> {
      steps.add(message);
      if (message.startsWith("summary")) {
        figuresStarted.countDown();
      }
    };
    AtomicBoolean sawFiguresStart = new AtomicBoolean();
    SectionBuilder first = SectionBuilder.of("first", a -> {
      await(figuresStarted);
      sawFiguresStart.set(true);
      return new FixedSection("first", "First");
    });
    SectionBuilder second = SectionBuilder.of("second", a -> new FixedSection("second", "Second"));
    ReportModel ahead = ReportModel.build(Analysis.of(input, progress), List.of(first, second),
        ReportModel.defaultSources(), 2, FULL);
    ReportModel after = ReportModel.build(Analysis.of(input, Progress.none()), List.of(first, second),
        ReportModel.defaultSources(), 1);

    assertThat(sawFiguresStart).isTrue();
    assertThat(steps.stream().filter(s -> s.startsWith("summary"))).hasSize(1);
    assertThat(steps.indexOf("section second")).isGreaterThan(steps.indexOf(
        "summary: the halves' figures and their resamples"));
    assertThat(ahead.section(SummarySection.ID)).isEqualTo(after.section(SummarySection.ID));
    assertThat(((SummarySection) ahead.section(SummarySection.ID).orElseThrow()).periods()).hasSize(3);
    assertThat(ahead.reads()).isEqualTo(after.reads());
  }

  /**
   * Once the last builder that may read the journeys (one not marked {@link WithoutJourneys}) has finished, the
   * journeys are let go: a later section that asks for them anyway gets them cut again, a new instance; while an
   * unmarked builder is still to run they are kept, the same instance. One thread, and two in a heap too full for a
   * second section (one at a time, in page order), alike; the analysis still gives the journeys afterwards.
   */
  @Test
  void theJourneysAreLetGoOnceNoBuilderLeftMayReadThem(@TempDir Path dir) throws IOException {
    AnalysisInput input = SmallWorld.read(dir);
    for (int threads : new int[] {1, 2}) {
      List<Journeys> seen = java.util.Collections.synchronizedList(new ArrayList<>());
      SectionBuilder reader = SectionBuilder.of("reader", a -> seen(seen, a, "reader"));
      SectionBuilder unmarked = SectionBuilder.of("unmarked", a -> seen(seen, a, "unmarked"));
      SectionBuilder marked = WithoutJourneys.of("marked", a -> seen(seen, a, "marked"));
      Analysis kept = Analysis.of(input, Progress.none());
      ReportModel.build(kept, List.of(reader, unmarked), ReportModel.defaultSources(), threads, FULL);
      assertThat(seen.get(1)).as("%d thread(s): kept for a builder that may read them", threads)
          .isSameAs(seen.get(0));

      seen.clear();
      Analysis released = Analysis.of(input, Progress.none());
      ReportModel.build(released, List.of(reader, marked), ReportModel.defaultSources(), threads, FULL);
      assertThat(seen.get(1)).as("%d thread(s): let go after the last builder that may read them", threads)
          .isNotSameAs(seen.get(0));
      assertThat(seen.get(1).size()).isEqualTo(seen.get(0).size()).isPositive();
      assertThat(released.journeySet().totalConversions()).isEqualTo(kept.journeySet().totalConversions());
    }
  }

  /** A section that notes the journeys {@code analysis} gives. */
  private static ReportSection seen(List<Journeys> seen, Analysis analysis, String id) {
    seen.add(analysis.journeys());
    return new FixedSection(id, id);
  }

  /**
   * The second section records its file first (the first waits until it has), yet the account lists the first
   * section's file first, as a one-at-a-time run does; a file both read keeps its first place with the later
   * account.
   */
  @Test
  void filesReadAreListedInPageOrderWhicheverSectionReadFirst(@TempDir Path dir) throws IOException {
    CountDownLatch secondRead = new CountDownLatch(1);
    SectionBuilder first = SectionBuilder.of("first", a -> {
      await(secondRead);
      a.recordRead(read("first.csv", 1));
      a.recordRead(read("both.csv", 1));
      return new FixedSection("first", "First");
    });
    SectionBuilder second = SectionBuilder.of("second", a -> {
      a.recordRead(read("second.csv", 2));
      a.recordRead(read("both.csv", 2));
      secondRead.countDown();
      return new FixedSection("second", "Second");
    });
    Analysis analysis = Analysis.of(SmallWorld.read(dir), Progress.none());
    ReportModel model = ReportModel.build(analysis, List.of(first, second), ReportModel.defaultSources(), 2, ROOMY);

    assertThat(model.reads()).extracting(ImportReport::source)
        .containsExactly(AnalysisInput.INTERACTIONS, "first.csv", "both.csv", "second.csv");
    assertThat(model.reads().get(2).read()).isEqualTo(2);
  }

  /**
   * A section that runs out of memory beside another is built again alone and kept when it fits then; one that
   * runs out alone too is left out; the others are built, and the sections keep their page order.
   */
  @Test
  void aSectionShortOfMemoryBesideAnotherIsBuiltAgainAloneBeforeItIsLeftOut(@TempDir Path dir) throws IOException {
    AtomicInteger tries = new AtomicInteger();
    CountDownLatch onceTried = new CountDownLatch(1);
    SectionBuilder once = SectionBuilder.of("once", a -> {
      if (tries.incrementAndGet() == 1) {
        onceTried.countDown();
        throw new OutOfMemoryError("Java heap space");
      }
      return new FixedSection("once", "Once");
    });
    SectionBuilder hungry = SectionBuilder.of("hungry", a -> {
      await(onceTried); // so that "once" has started beside it, whichever thread ran first
      throw new OutOfMemoryError("Java heap space");
    });
    SectionBuilder fine = SectionBuilder.of("fine", a -> new FixedSection("fine", "Fine"));
    SectionBuilder wrong = SectionBuilder.of("wrong", a -> {
      throw new InvalidFieldException("field", 1, "must be 2");
    });
    Analysis analysis = Analysis.of(SmallWorld.read(dir), Progress.none());
    ReportModel model = ReportModel.build(analysis, List.of(once, hungry, fine, wrong),
        ReportModel.defaultSources(), 2, ROOMY);

    assertThat(model.sections()).extracting(ReportSection::id)
        .containsExactly(SummarySection.ID, "once", "hungry", "fine", "wrong");
    assertThat(tries).hasValue(2);
    assertThat(model.section("once").orElseThrow()).isInstanceOf(FixedSection.class);
    assertThat(model.section("hungry").orElseThrow()).isInstanceOf(ReportSection.LeftOut.class);
    assertThat(model.section("fine").orElseThrow()).isInstanceOf(FixedSection.class);
    assertThat(model.section("wrong").orElseThrow().summary()).singleElement().asString()
        .contains("cannot compute it").contains("must be 2");
    assertThat(model.complete()).isFalse();
  }

  /** Another exception is not the section's to hide: it reaches the caller, as in a one-at-a-time run. */
  @Test
  void anUnexpectedExceptionReachesTheCaller(@TempDir Path dir) throws IOException {
    SectionBuilder broken = SectionBuilder.of("broken", a -> {
      throw new IllegalStateException("a bug");
    });
    SectionBuilder fine = SectionBuilder.of("fine", a -> new FixedSection("fine", "Fine"));
    Analysis analysis = Analysis.of(SmallWorld.read(dir), Progress.none());

    assertThatThrownBy(() -> ReportModel.build(analysis, List.of(fine, broken), ReportModel.defaultSources(), 2, ROOMY))
        .isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    assertThatThrownBy(() -> ReportModel.build(analysis, List.of(fine), ReportModel.defaultSources(), 0))
        .isInstanceOf(InvalidFieldException.class);
  }

  /** Set before {@link TableOfTheLibrary} is first touched (touching its own field would initialise it). */
  private static final AtomicBoolean SHORT_OF_MEMORY = new AtomicBoolean();

  /**
   * A class whose initialiser runs out of memory once the flag is set, as a library's table did (Hipparchus's
   * {@code FastMath}, first touched inside a section run out of memory on purpose): the JVM then marks it failed
   * for good, and every later use throws {@link NoClassDefFoundError}.
   */
  private static final class TableOfTheLibrary {
    static final int[] ROWS = rows();

    private static int[] rows() {
      if (SHORT_OF_MEMORY.get()) {
        throw new OutOfMemoryError("Java heap space");
      }
      return new int[] {1};
    }
  }

  /**
   * A section that needs a class memory left unusable is left out for memory like the section that ran out while
   * initialising it, not thrown: the report completes with both left out, the others built.
   */
  @Test
  void aClassThatRanOutOfMemoryInItsInitialiserLeavesItsUsersOut(@TempDir Path dir) throws IOException {
    SHORT_OF_MEMORY.set(true);
    SectionBuilder first = SectionBuilder.of("first", a -> new FixedSection("first", "" + TableOfTheLibrary.ROWS[0]));
    SectionBuilder second = SectionBuilder.of("second", a -> new FixedSection("second", "" + TableOfTheLibrary.ROWS[0]));
    SectionBuilder fine = SectionBuilder.of("fine", a -> new FixedSection("fine", "Fine"));
    Analysis analysis = Analysis.of(SmallWorld.read(dir), Progress.none());

    for (int threads : new int[] {2, 1}) {
      ReportModel model = ReportModel.build(analysis, List.of(first, second, fine), ReportModel.defaultSources(),
          threads, ROOMY);

      assertThat(model.section("first").orElseThrow()).isInstanceOf(ReportSection.LeftOut.class);
      assertThat(model.section("second").orElseThrow()).as("a NoClassDefFoundError after the class's initialiser "
          + "ran out of memory").isInstanceOf(ReportSection.LeftOut.class);
      assertThat(model.section("fine").orElseThrow()).isInstanceOf(FixedSection.class);
      assertThat(model.complete()).isFalse();
    }
  }

  /** A class missing from the class path is a fault, not a shortage of memory: it reaches the caller. */
  @Test
  void aMissingClassReachesTheCaller(@TempDir Path dir) throws IOException {
    SectionBuilder broken = SectionBuilder.of("broken", a -> {
      throw new NoClassDefFoundError("org/example/Missing");
    });
    SectionBuilder fine = SectionBuilder.of("fine", a -> new FixedSection("fine", "Fine"));
    Analysis analysis = Analysis.of(SmallWorld.read(dir), Progress.none());

    for (int threads : new int[] {2, 1}) {
      assertThatThrownBy(() -> ReportModel.build(analysis, List.of(fine, broken), ReportModel.defaultSources(),
          threads, ROOMY)).isInstanceOf(NoClassDefFoundError.class).hasMessage("org/example/Missing");
    }
  }

  /**
   * Running out of memory while the JDK links a lambda reaches the section as an {@link InternalError} whose cause
   * is the {@link OutOfMemoryError} (JDK 17's {@code InnerClassLambdaMetafactory.generateInnerClass}: {@code catch
   * (Throwable t) { throw new InternalError(t); }}), as the CLI's test of a section left out for memory saw now and
   * then: the section is left out for memory, not thrown, whether built beside another or alone, and the others are
   * built.
   */
  @Test
  void runningOutOfMemoryWhileALambdaIsLinkedLeavesTheSectionOut(@TempDir Path dir) throws IOException {
    SectionBuilder linking = SectionBuilder.of("linking", a -> {
      throw new InternalError(new OutOfMemoryError("Java heap space"));
    });
    SectionBuilder fine = SectionBuilder.of("fine", a -> new FixedSection("fine", "Fine"));
    Analysis analysis = Analysis.of(SmallWorld.read(dir), Progress.none());

    for (int threads : new int[] {2, 1}) {
      ReportModel model = ReportModel.build(analysis, List.of(linking, fine), ReportModel.defaultSources(), threads,
          ROOMY);

      assertThat(model.section("linking").orElseThrow()).as("threads %d", threads)
          .isInstanceOf(ReportSection.LeftOut.class);
      assertThat(model.section("fine").orElseThrow()).isInstanceOf(FixedSection.class);
      assertThat(model.complete()).isFalse();
    }
  }

  /** An {@link InternalError} that memory did not cause is a fault: it reaches the caller. */
  @Test
  void anInternalErrorOfAnotherCauseReachesTheCaller(@TempDir Path dir) throws IOException {
    SectionBuilder broken = SectionBuilder.of("broken", a -> {
      throw new InternalError("a fault", new IllegalStateException("not memory"));
    });
    SectionBuilder fine = SectionBuilder.of("fine", a -> new FixedSection("fine", "Fine"));
    Analysis analysis = Analysis.of(SmallWorld.read(dir), Progress.none());

    for (int threads : new int[] {2, 1}) {
      assertThatThrownBy(() -> ReportModel.build(analysis, List.of(fine, broken), ReportModel.defaultSources(),
          threads, ROOMY)).isInstanceOf(InternalError.class).hasMessage("a fault");
    }
  }

  private static ImportReport read(String source, long rows) {
    return new ImportReport(source, rows, rows, 0, 0, List.of(), 0, null);
  }

  /** Long enough for a second thread to start a section, were it let. */
  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
