package org.engagement.fuzz;

import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The heavy fuzz suite ({@code -Pfuzz}): the checks of {@link DefaultSliceFuzzTest} with random seeds (jqwik
 * prints the seed and the sample of a failing try), every corruption rate from none to nearly all, larger
 * documents and about ten times the tries; shrinking is bounded, as each try reads a whole document.
 */
@Tag("heavy")
class HeavyFuzzTest {
  private static long started;
  private static long before;

  @BeforeContainer
  static void start() {
    started = System.nanoTime();
    before = FuzzCount.corrupted();
  }

  @AfterContainer
  static void print() {
    System.out.printf(java.util.Locale.ROOT, "fuzz heavy suite: %,d corrupted rows in %.1f s (counts below include"
        + " any slice run in the same JVM)%n%s"
        + "  good rows inside the multi-line text of an accepted record (valid RFC 4180): %,d%n",
        FuzzCount.corrupted() - before, (System.nanoTime() - started) / 1e9, FuzzCount.summary(),
        Swallowed.inText());
  }

  @Property(tries = 3_000, shrinking = ShrinkingMode.BOUNDED)
  void csvTableFromBytes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    TableFuzz.check(seed, rows, percent, 5, true);
  }

  @Property(tries = 1_000, shrinking = ShrinkingMode.BOUNDED)
  void csvTableFromReader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    TableFuzz.check(seed, rows, percent, 5, false);
  }

  @Property(tries = 1_500, shrinking = ShrinkingMode.BOUNDED)
  void importerCsv(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    ImporterFuzz.check(seed, rows, percent, 5, false);
  }

  @Property(tries = 1_000, shrinking = ShrinkingMode.BOUNDED)
  void importerCsvWithText(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    ImporterFuzz.check(seed, rows, percent, 5, true);
  }

  @Property(tries = 2_000, shrinking = ShrinkingMode.BOUNDED)
  void pathFormat(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    PathFuzz.check(seed, rows, percent, 5);
  }

  @Property(tries = 2_000)
  void hostileAdaptersWithRuntimeExceptions(@ForAll @IntRange(max = 500) int records, @ForAll boolean withRejections,
      @ForAll boolean inOpen) throws IOException {
    HostileChecks.lenient(new HostileAdapter(inOpen ? HostileAdapter.Place.OPEN : HostileAdapter.Place.NEXT,
        HostileAdapter.Fault.RUNTIME, records, withRejections, null), records);
  }

  @Property(tries = 600, shrinking = ShrinkingMode.BOUNDED)
  void summaryReader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    ReaderFuzz.summaries(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void costReader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    ReaderFuzz.costs(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void surveyReader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    ReaderFuzz.survey(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void mixSpend(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    MixFuzz.spend(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void mixOutcome(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    MixFuzz.outcome(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void mixLiftTests(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    MixFuzz.lifts(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void mixControls(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    MixFuzz.controls(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void liftReader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    CalibrationFuzz.lifts(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void holdoutReader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    CalibrationFuzz.holdouts(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void discreteSummaryReader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    DiscreteSummaryFuzz.check(seed, rows, percent);
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void truthReader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000) int rows,
      @ForAll @IntRange(min = 0, max = 95) int percent) throws IOException {
    TruthFuzz.truth(seed, rows, percent);
  }
}
