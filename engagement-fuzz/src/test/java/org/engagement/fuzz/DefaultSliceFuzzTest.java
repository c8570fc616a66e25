package org.engagement.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The fuzz slice of the default build, over every reader on the reading policy: the CSV table reading (from
 * bytes and from a Reader), the interaction importer with the CSV adapter (plain and with conversation
 * content), the path format, the summary, cost and survey readers, the mix model's spend, outcome, lift-test and
 * control files, lift results, holdouts, discrete histories and the report's truth file of a simulated world (these last
 * few documents each: their readers take only the default limits, so a huge record costs a megabyte). Seeds are fixed, so the slice is reproducible;
 * together the properties push at least {@value #MIN_CORRUPTED_ROWS} corrupted rows, which the container checks
 * and prints once. The heavy suite ({@code -Pfuzz}) runs the same checks with random seeds, more tries and larger
 * documents.
 */
class DefaultSliceFuzzTest {
  static final long MIN_CORRUPTED_ROWS = 1_000_000;
  private static long started;

  @BeforeContainer
  static void start() {
    started = System.nanoTime();
  }

  @AfterContainer
  static void atLeastAMillionCorruptedRows() {
    long corrupted = FuzzCount.corrupted();
    System.out.printf(java.util.Locale.ROOT, "fuzz slice: %,d corrupted rows across the readers in %.1f s%n%s"
        + "  good rows inside the multi-line text of an accepted record (valid RFC 4180): %,d%n",
        corrupted, (System.nanoTime() - started) / 1e9, FuzzCount.summary(), Swallowed.inText());
    assertThat(corrupted).as("corrupted rows pushed through the readers").isGreaterThanOrEqualTo(MIN_CORRUPTED_ROWS);
  }

  @Property(tries = 320, seed = "1204", shrinking = ShrinkingMode.OFF)
  void csvTableFromBytes(@ForAll long seed, @ForAll @IntRange(min = 1_500, max = 3_000) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    TableFuzz.check(seed, rows, percent, 5, true);
  }

  @Property(tries = 100, seed = "1205", shrinking = ShrinkingMode.OFF)
  void csvTableFromReader(@ForAll long seed, @ForAll @IntRange(min = 1_500, max = 3_000) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    TableFuzz.check(seed, rows, percent, 5, false);
  }

  @Property(tries = 110, seed = "1206", shrinking = ShrinkingMode.OFF)
  void importerCsv(@ForAll long seed, @ForAll @IntRange(min = 1_500, max = 3_000) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    ImporterFuzz.check(seed, rows, percent, 5, false);
  }

  @Property(tries = 70, seed = "1207", shrinking = ShrinkingMode.OFF)
  void importerCsvWithText(@ForAll long seed, @ForAll @IntRange(min = 1_500, max = 3_000) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    ImporterFuzz.check(seed, rows, percent, 5, true);
  }

  @Property(tries = 150, seed = "1208", shrinking = ShrinkingMode.OFF)
  void pathFormat(@ForAll long seed, @ForAll @IntRange(min = 1_500, max = 3_000) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    PathFuzz.check(seed, rows, percent, 5);
  }

  @Property(tries = 80, seed = "1213", shrinking = ShrinkingMode.OFF)
  void summaryReader(@ForAll long seed, @ForAll @IntRange(min = 1_500, max = 3_000) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    ReaderFuzz.summaries(seed, rows, percent);
  }

  @Property(tries = 12, seed = "1214", shrinking = ShrinkingMode.OFF)
  void costReader(@ForAll long seed, @ForAll @IntRange(min = 50, max = 300) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    ReaderFuzz.costs(seed, rows, percent);
  }

  @Property(tries = 12, seed = "1215", shrinking = ShrinkingMode.OFF)
  void surveyReader(@ForAll long seed, @ForAll @IntRange(min = 50, max = 300) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    ReaderFuzz.survey(seed, rows, percent);
  }

  @Property(tries = 5, seed = "1216", shrinking = ShrinkingMode.OFF)
  void mixSpend(@ForAll long seed, @ForAll @IntRange(min = 30, max = 100) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    MixFuzz.spend(seed, rows, percent);
  }

  @Property(tries = 5, seed = "1217", shrinking = ShrinkingMode.OFF)
  void mixOutcome(@ForAll long seed, @ForAll @IntRange(min = 30, max = 100) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    MixFuzz.outcome(seed, rows, percent);
  }

  @Property(tries = 5, seed = "1218", shrinking = ShrinkingMode.OFF)
  void mixLiftTests(@ForAll long seed, @ForAll @IntRange(min = 30, max = 100) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    MixFuzz.lifts(seed, rows, percent);
  }

  @Property(tries = 5, seed = "1230", shrinking = ShrinkingMode.OFF)
  void mixControls(@ForAll long seed, @ForAll @IntRange(min = 30, max = 100) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    MixFuzz.controls(seed, rows, percent);
  }

  @Property(tries = 5, seed = "1219", shrinking = ShrinkingMode.OFF)
  void liftReader(@ForAll long seed, @ForAll @IntRange(min = 30, max = 100) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    CalibrationFuzz.lifts(seed, rows, percent);
  }

  @Property(tries = 5, seed = "1220", shrinking = ShrinkingMode.OFF)
  void holdoutReader(@ForAll long seed, @ForAll @IntRange(min = 30, max = 100) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    CalibrationFuzz.holdouts(seed, rows, percent);
  }

  @Property(tries = 5, seed = "1221", shrinking = ShrinkingMode.OFF)
  void discreteSummaryReader(@ForAll long seed, @ForAll @IntRange(min = 30, max = 100) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    DiscreteSummaryFuzz.check(seed, rows, percent);
  }

  @Property(tries = 5, seed = "1231", shrinking = ShrinkingMode.OFF)
  void truthReader(@ForAll long seed, @ForAll @IntRange(min = 30, max = 100) int rows,
      @ForAll @IntRange(min = 50, max = 95) int percent) throws IOException {
    TruthFuzz.truth(seed, rows, percent);
  }
}
