package org.engagement.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;
import static org.engagement.testkit.ContractRules.difference;
import static org.engagement.testkit.ContractRules.numberingProblem;
import static org.engagement.testkit.ContractRules.survivalProblem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.ChannelAdapters;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportMode;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.Rejection;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link ChannelAdapter} must keep, as JUnit 5 tests: extend this class, say which
 * adapter to check and what it must make of a sample source, and the build checks the rest.
 *
 * <pre>{@code
 * class AcmeAdapterContractTest extends ChannelAdapterContractTest {
 *   @Override
 *   protected ChannelAdapter adapter() {
 *     return new AcmeAdapter();
 *   }
 *
 *   @Override
 *   protected ContractSample sample() throws IOException {
 *     return ContractSample.of(ContractSample.resource(getClass()::getResourceAsStream, "/acme/valid.csv"),
 *             List.of(first, second))
 *         .withBadRecord(ContractSample.resource(getClass()::getResourceAsStream, "/acme/one-bad.csv"), 2);
 *   }
 *
 *   @Override
 *   protected boolean discoverable() {
 *     return true; // listed in META-INF/services
 *   }
 * }
 * }</pre>
 *
 * <p>What is checked, group by group:
 * <ul>
 *   <li><b>name</b>: follows the rule of {@link ChannelAdapter#name()}, never changes, registers in
 *       {@link ChannelAdapters}, and is found by {@link java.util.ServiceLoader} discovery if
 *       {@link #discoverable()} says so;
 *   <li><b>the valid sample</b>: yields exactly the expected interactions in order, numbers its records
 *       1, 2, 3, ... (line numbers all 0, or positive and never decreasing), returns {@code null} again
 *       and again after the end, and yields the same when its input arrives one byte per read;
 *   <li><b>closing the reader</b> closes the input, at any point, also after the reader failed on a
 *       damaged source, and may be repeated;
 *   <li><b>the importer</b> reports the valid sample clean, and the bad-record sample with one rejection
 *       at the bad record (a strict import stops there);
 *   <li><b>the bad-record sample</b> (skipped without one): exactly the bad record is rejected, as
 *       {@link Rejection.Kind#INVALID}, with a reason; every other record is accepted;
 *   <li><b>an empty or blank source</b> is refused with {@link InvalidSourceException} or yields no
 *       records, and never makes the adapter throw anything else;
 *   <li><b>robustness</b>: the valid sample cut off at every length, a few hundred corrupted copies of it
 *       and random bytes never make the adapter throw anything but {@link InvalidSourceException} or
 *       {@link IOException} (from {@code close()} either, even after a failure: an
 *       {@link AssertionError} or a {@link LinkageError} breaks the contract as a runtime exception does,
 *       although the importer contains them all), never make it loop, and always import with counts that
 *       add up and agree with a direct read, without an adapter failure;
 *   <li><b>thread safety</b>: readers of one adapter used on two threads at once yield exactly what
 *       sequential readers yield, and a reader is not affected by the readers before it.
 * </ul>
 *
 * <p>Every damaged input is derived from {@link #seed()}, so a failure names an input that can be
 * replayed. The whole kit takes well under a second for a sample of a few kilobytes; each test is
 * stopped after 60 seconds, so an adapter that loops fails instead of hanging the build.
 *
 * <p>The contract tests are plain test methods of this class, named {@code "group: rule"}, so build tools
 * report them under the name of the concrete subclass: each adapter's results stay apart, however many
 * adapters a build checks.
 *
 * <p>Under the module system, the test's module must open its package to JUnit (as for any test class)
 * and, for the discovery test, declare {@code provides org.engagement.core.ingest.ChannelAdapter with}
 * its adapter; read sample files with {@link ContractSample#resource(ContractSample.ResourceOpener, String)}.
 * Instances are used by one test thread at a time, as JUnit uses them.
 *
 * @since 0.1.0
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class ChannelAdapterContractTest {
  private static final Pattern NAME_RULE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final long DEFAULT_SEED = 20_240_501L;
  private static final int CORRUPTIONS = 400;
  private static final int GARBAGE = 100;
  private static final int CONCURRENT_ROUNDS = 100;
  private static final int MAX_CLOSES = 3;

  private @Nullable ChannelAdapter adapter;
  private @Nullable ContractSample sample;

  /** For subclasses. */
  protected ChannelAdapterContractTest() {}

  /**
   * The adapter to check. Called at least once per test; the kit shares the returned instance between
   * threads, as a host does.
   *
   * @return the adapter, configured as a host would use it
   */
  protected abstract ChannelAdapter adapter();

  /**
   * The sources to feed the adapter and what it must make of them.
   *
   * @return the sample; see {@link ContractSample} for what makes a good one
   * @throws IOException if the sample's files cannot be read
   */
  protected abstract ContractSample sample() throws IOException;

  /**
   * Whether the adapter is a {@link ChannelAdapter} service, so that discovery must find it: listed in
   * {@code META-INF/services/org.engagement.core.ingest.ChannelAdapter} on the class path, or named by a
   * {@code provides} clause of a module on the module path. The default is {@code false}, which skips the
   * discovery test.
   *
   * @return {@code true} to check that discovery finds the adapter by name
   */
  protected boolean discoverable() {
    return false;
  }

  /**
   * The seed from which every damaged input is derived. Override it to explore other inputs; a failure
   * message names the seed and the damage, so any failure can be replayed.
   *
   * @return the seed
   */
  protected long seed() {
    return DEFAULT_SEED;
  }

  @Test
  @DisplayName("name: has 1 to 64 characters of a-z, 0-9 and '-', not starting with '-'")
  void followsTheNamingRule() {
    assertThat(theAdapter().name())
        .as(about("name() of %s"), theAdapter().getClass().getName())
        .matches(NAME_RULE);
  }

  @Test
  @DisplayName("name: is the same on every call")
  void isStable() {
    ChannelAdapter adapter = theAdapter();
    assertThat(adapter.name()).as(about("a second call of name()")).isEqualTo(adapter.name());
  }

  @Test
  @DisplayName("name: registers in a ChannelAdapters registry")
  void registersExplicitly() {
    ChannelAdapter adapter = theAdapter();
    ChannelAdapters adapters = ChannelAdapters.builder().register(adapter).build();
    assertThat(adapters.get(adapter.name())).isSameAs(adapter);
  }

  @Test
  @DisplayName("name: is found by service discovery (if discoverable)")
  void isDiscovered() {
    assumeTrue(discoverable(), "discoverable() is false");
    ChannelAdapter adapter = theAdapter();
    ChannelAdapters adapters = ChannelAdapters.builder().discover().build();
    assertThat(adapters.find(adapter.name()))
        .as(about("discovered adapter named '%s' (found %s); is %s listed in "
            + "META-INF/services/org.engagement.core.ingest.ChannelAdapter (class path) or in a 'provides' clause "
            + "of its module (module path), with a public no-argument constructor?"),
            adapter.name(), adapters.names(), adapter.getClass().getName())
        .hasValueSatisfying(found -> assertThat(found).hasSameClassAs(adapter));
  }

  @Test
  @DisplayName("the valid sample: yields exactly the expected interactions, in order")
  void yieldsTheExpectedInteractions() throws IOException {
    ReadOutcome outcome = readToTheEnd(theSample().source(), "the valid sample");
    assertThat(outcome.rejections()).as(about("rejections of the valid sample")).isEmpty();
    assertThat(outcome.interactions()).as(about("interactions of the valid sample"))
        .containsExactlyElementsOf(theSample().expected());
  }

  @Test
  @DisplayName("the valid sample: numbers its records 1, 2, 3, ... with line numbers that never decrease")
  void numbersItsRecords() throws IOException {
    ReadOutcome outcome = readToTheEnd(theSample().source(), "the valid sample");
    assertThat(numberingProblem(outcome)).as(about("record numbering of the valid sample")).isNull();
  }

  @Test
  @DisplayName("the valid sample: keeps returning null after the end")
  void keepsReturningNullAfterTheEnd() throws IOException {
    try (RecordReader reader = theAdapter().open(WatchedInputStream.of(theSample().source()))) {
      int records = 0;
      while (reader.next() != null) {
        records++;
      }
      assertThat(records).as(about("records before the first null"))
          .isEqualTo(theSample().expected().size());
      for (int i = 1; i <= 3; i++) {
        assertThat(reader.next()).as(about("next() call %s after the end"), i).isNull();
      }
    }
  }

  @Test
  @DisplayName("the valid sample: yields the same records when the input arrives one byte per read")
  void toleratesShortReads() throws IOException {
    byte[] source = theSample().source();
    ReadOutcome whole = readToTheEnd(source, "the valid sample");
    ReadOutcome trickled = ReadOutcome.read(theAdapter(), WatchedInputStream.trickling(source), source.length);
    Throwable failure = trickled.failure();
    if (failure != null) {
      fail(about("the valid sample, read one byte at a time: the adapter failed after "
          + trickled.records().size() + " records; does it assume that one read() fills its buffer?"), failure);
    }
    assertThat(trickled.records()).as(about("records of the valid sample read one byte at a time"))
        .containsExactlyElementsOf(whole.records());
  }

  @Test
  @DisplayName("closing the reader: closes the input after the last record")
  void closesTheInputAtTheEnd() throws IOException {
    WatchedInputStream input = WatchedInputStream.of(theSample().source());
    RecordReader reader = theAdapter().open(input);
    while (reader.next() != null) {
      assertThat(input.isClosed()).as(about("input closed before the reader")).isFalse();
    }
    reader.close();
    assertThat(input.isClosed()).as(about("input closed by the reader's close()")).isTrue();
  }

  @Test
  @DisplayName("closing the reader: closes the input before the first record")
  void closesTheInputBeforeTheFirstRecord() throws IOException {
    WatchedInputStream input = WatchedInputStream.of(theSample().source());
    theAdapter().open(input).close();
    assertThat(input.isClosed()).as(about("input closed by close() right after open()")).isTrue();
  }

  @Test
  @DisplayName("closing the reader: closes the input half-way through")
  void closesTheInputHalfWay() throws IOException {
    WatchedInputStream input = WatchedInputStream.of(theSample().source());
    RecordReader reader = theAdapter().open(input);
    assertThat(reader.next()).as(about("first record of the valid sample")).isNotNull();
    reader.close();
    assertThat(input.isClosed()).as(about("input closed by close() after the first record")).isTrue();
  }

  @Test
  @DisplayName("closing the reader: may be repeated")
  void mayBeRepeated() throws IOException {
    RecordReader reader = theAdapter().open(WatchedInputStream.of(theSample().source()));
    reader.next();
    assertThatCode(() -> {
      for (int i = 0; i < MAX_CLOSES; i++) {
        reader.close();
      }
    }).as(about("closing a reader %s times"), MAX_CLOSES).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("closing the reader: closes the input even after the reader failed on a damaged source")
  void closesTheInputAfterAFailure() throws IOException {
    List<Mutant> damaged = new ArrayList<>(Mutant.truncations(theSample().source()));
    damaged.addAll(Mutant.corruptions(theSample().source(), seed(), CORRUPTIONS));
    checkAll(damaged, mutant -> ContractRules.closingProblem(theAdapter(), mutant));
  }

  @Test
  @DisplayName("through the importer: the valid sample imports clean, every interaction in order")
  void importsTheValidSampleClean() throws IOException {
    List<Interaction> imported = new ArrayList<>();
    ImportReport report = InteractionImporter.defaults()
        .run(theAdapter(), WatchedInputStream.of(theSample().source()), imported::add);
    int expected = theSample().expected().size();
    ImportReportAssert.assertThat(report)
        .as(about("import of the valid sample"))
        .isClean()
        .hasCountsThatAddUp()
        .hasRead(expected)
        .hasAccepted(expected);
    assertThat(report.source()).as(about("report source")).isEqualTo(theAdapter().name());
    assertThat(imported).as(about("interactions passed to the sink"))
        .containsExactlyElementsOf(theSample().expected());
  }

  @Test
  @DisplayName("through the importer: the bad-record sample imports with one rejection, at the bad record")
  void importsTheBadRecordSample() throws IOException {
    ContractSample.BadRecord bad = requireBadRecordSample();
    ImportReport report = InteractionImporter.defaults()
        .run(theAdapter(), WatchedInputStream.of(bad.source()), interaction -> {});
    ImportReportAssert.assertThat(report)
        .as(about("import of the bad-record sample"))
        .isComplete()
        .hasCountsThatAddUp()
        .hasRejected(1)
        .hasDuplicates(0)
        .hasSingleRejectionAt(bad.recordNumber(), Rejection.Kind.INVALID);
  }

  @Test
  @DisplayName("through the importer: a strict import of the bad-record sample stops at the bad record")
  void strictImportStopsAtTheBadRecord() throws IOException {
    ContractSample.BadRecord bad = requireBadRecordSample();
    InteractionImporter strict = InteractionImporter.builder().mode(ImportMode.STRICT).build();
    try {
      strict.run(theAdapter(), WatchedInputStream.of(bad.source()), interaction -> {});
      fail(about("a strict import of the bad-record sample ran to the end; expected it to stop at record "
          + bad.recordNumber()));
    } catch (ImportException e) {
      assertThat(e.rejection()).as(about("the rejection that stopped the strict import"))
          .hasValueSatisfying(r -> assertThat(r.position().record()).isEqualTo(bad.recordNumber()));
      ImportReportAssert.assertThat(e.report())
          .as(about("strict import of the bad-record sample"))
          .hasCountsThatAddUp()
          .hasRead(bad.recordNumber());
    }
  }

  @Test
  @DisplayName("the bad-record sample: rejects exactly the bad record, as invalid, with a reason")
  void rejectsExactlyTheBadRecord() throws IOException {
    ContractSample.BadRecord bad = requireBadRecordSample();
    ReadOutcome outcome = readToTheEnd(bad.source(), "the bad-record sample");
    assertThat(outcome.rejections()).as(about("rejections of the bad-record sample"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.position().record()).as(about("record number of the rejection"))
                .isEqualTo(bad.recordNumber()),
            r -> assertThat(r.kind()).as(about("kind of the rejection")).isEqualTo(Rejection.Kind.INVALID),
            r -> assertThat(r.reason()).as(about("reason of the rejection")).isNotBlank(),
            r -> assertThat(r.field()).as(about("field of the rejection (null, or a name)")).satisfiesAnyOf(
                field -> assertThat(field).isNull(),
                field -> assertThat(field).isNotBlank()));
  }

  @Test
  @DisplayName("the bad-record sample: accepts every other record, numbering them 1, 2, 3, ...")
  void acceptsEveryOtherRecord() throws IOException {
    ContractSample.BadRecord bad = requireBadRecordSample();
    ReadOutcome outcome = readToTheEnd(bad.source(), "the bad-record sample");
    assertThat(numberingProblem(outcome)).as(about("record numbering of the bad-record sample")).isNull();
    assertThat(outcome.records()).as(about("records of the bad-record sample"))
        .filteredOn(record -> record.position().record() != bad.recordNumber())
        .allSatisfy(record -> assertThat(record).isInstanceOf(AdapterRecord.Accepted.class));
    assertThat((long) outcome.records().size()).as(about("number of records of the bad-record sample"))
        .isGreaterThanOrEqualTo(bad.recordNumber());
  }

  @Test
  @DisplayName("an empty or blank source: is refused as invalid, or yields no records")
  void isInvalidOrHasNoRecords() {
    ReadOutcome outcome = ReadOutcome.read(theAdapter(), new byte[0]);
    Throwable failure = outcome.failure();
    if (failure != null && !(failure instanceof InvalidSourceException)) {
      fail(about("an empty source: expected InvalidSourceException or no records, but the adapter threw"),
          failure);
    }
    assertThat(outcome.records()).as(about("records of an empty source")).isEmpty();
  }

  @Test
  @DisplayName("an empty or blank source: imports as an invalid source, or as an empty report")
  void importsAsInvalidOrEmpty() throws IOException {
    try {
      ImportReport report = InteractionImporter.defaults()
          .run(theAdapter(), WatchedInputStream.of(new byte[0]), interaction -> {});
      ImportReportAssert.assertThat(report).as(about("import of an empty source")).isClean().hasRead(0);
    } catch (ImportException e) {
      assertThat(e.getCause()).as(about("cause of the failed import of an empty source"))
          .isInstanceOf(InvalidSourceException.class);
    }
  }

  @Test
  @DisplayName("an empty or blank source: made of white space and line breaks only, throws nothing but "
      + "InvalidSourceException")
  void blankSourceOnlyThrowsInvalidSource() {
    for (String blank : List.of("\n", "\r\n", " ", "\n\n\n", " \t\r\n \n")) {
      ReadOutcome outcome = ReadOutcome.read(theAdapter(), blank.getBytes(UTF_8));
      Throwable failure = outcome.failure();
      if (failure != null && !(failure instanceof InvalidSourceException)) {
        fail(about("a blank source " + blank.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
            + ": the adapter threw"), failure);
      }
    }
  }

  @Test
  @DisplayName("robustness: the valid sample cut off at every length breaks no rule")
  void survivesTruncation() throws IOException {
    checkSurvivesAll(Mutant.truncations(theSample().source()));
  }

  @Test
  @DisplayName("robustness: corrupted copies of the valid sample break no rule")
  void survivesCorruption() throws IOException {
    checkSurvivesAll(Mutant.corruptions(theSample().source(), seed(), CORRUPTIONS));
  }

  @Test
  @DisplayName("robustness: corrupted copies of the bad-record sample break no rule (if there is one)")
  void survivesCorruptionOfTheBadRecordSample() throws IOException {
    ContractSample.BadRecord bad = requireBadRecordSample();
    checkSurvivesAll(Mutant.corruptions(bad.source(), seed() + 1, CORRUPTIONS / 4));
  }

  @Test
  @DisplayName("robustness: random bytes break no rule")
  void survivesGarbage() {
    checkSurvivesAll(Mutant.garbage(seed(), GARBAGE));
  }

  private void checkSurvivesAll(List<Mutant> mutants) {
    ChannelAdapter adapter = theAdapter();
    InteractionImporter importer = InteractionImporter.defaults();
    checkAll(mutants, mutant -> survivalProblem(adapter, importer, mutant));
  }

  /** Fails with the first problem {@code rule} finds in {@code mutants}, and how many it found. */
  private void checkAll(List<Mutant> mutants, Function<Mutant, ContractRules.@Nullable Problem> rule) {
    ContractRules.@Nullable Problem first = null;
    int broken = 0;
    for (Mutant mutant : mutants) {
      ContractRules.Problem problem = rule.apply(mutant);
      if (problem != null) {
        broken++;
        first = first == null ? problem : first;
      }
    }
    if (first != null) {
      String message = about(broken + " of " + mutants.size() + " damaged sources broke the contract; the first: "
          + first.message());
      Throwable cause = first.cause();
      if (cause != null) {
        fail(message, cause);
      }
      fail(message);
    }
  }

  @Test
  @DisplayName("thread safety: readers used on two threads at once yield what sequential readers yield")
  void concurrentReadersAgreeWithSequentialOnes() throws Exception {
    ChannelAdapter adapter = theAdapter();
    List<byte[]> sources = samplesSources();
    List<List<AdapterRecord>> sequential = new ArrayList<>();
    for (byte[] source : sources) {
      sequential.add(readToTheEnd(source, "a sample").records());
    }
    int threads = 2;
    CyclicBarrier together = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Optional<String>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          Optional<String> firstDifference = Optional.empty();
          for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
            int which = (round + thread) % sources.size();
            together.await(10, SECONDS);
            ReadOutcome outcome = ReadOutcome.read(adapter, sources.get(which));
            if (firstDifference.isEmpty()) {
              String where = "thread " + thread + ", round " + round + ", sample " + which + ": ";
              firstDifference = difference(sequential.get(which), outcome).map(where::concat);
            }
          }
          return firstDifference;
        }));
      }
      for (Future<Optional<String>> result : results) {
        assertThat(result.get(30, SECONDS)).as(about("difference from a sequential read")).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("thread safety: a reader is not affected by the readers before it")
  void readersShareNoState() throws IOException {
    List<byte[]> sources = samplesSources();
    List<ReadOutcome> first = new ArrayList<>();
    for (byte[] source : sources) {
      first.add(readToTheEnd(source, "a sample"));
    }
    for (int i = sources.size() - 1; i >= 0; i--) {
      ReadOutcome again = ReadOutcome.read(theAdapter(), sources.get(i));
      assertThat(difference(first.get(i).records(), again)).as(about("sample %s read again"), i).isEmpty();
    }
  }

  private List<byte[]> samplesSources() throws IOException {
    ContractSample sample = theSample();
    ContractSample.BadRecord bad = sample.badRecord();
    return bad == null ? List.of(sample.source()) : List.of(sample.source(), bad.source());
  }

  private ChannelAdapter theAdapter() {
    ChannelAdapter a = adapter;
    if (a == null) {
      a = adapter();
      assertThat(a).as(about("adapter()")).isNotNull();
      adapter = a;
    }
    return a;
  }

  private ContractSample theSample() throws IOException {
    ContractSample s = sample;
    if (s == null) {
      s = sample();
      assertThat(s).as(about("sample()")).isNotNull();
      sample = s;
    }
    return s;
  }

  private ContractSample.BadRecord requireBadRecordSample() throws IOException {
    ContractSample.BadRecord bad = theSample().badRecord();
    assumeTrue(bad != null, "sample() has no bad-record source; add one with withBadRecord(source, recordNumber)");
    return requireNonNull(bad, "assumeTrue aborts the test without one");
  }

  /**
   * {@code what}, prefixed with the name of the concrete test class, so that a failure message quoted on its
   * own still says which adapter's contract test failed.
   */
  private String about(String what) {
    return "[" + getClass().getSimpleName() + "] " + what;
  }

  /** Reads {@code source} with a fresh reader; fails the test if the adapter throws. */
  private ReadOutcome readToTheEnd(byte[] source, String what) {
    ReadOutcome outcome = ReadOutcome.read(theAdapter(), source);
    Throwable failure = outcome.failure();
    if (failure != null) {
      fail(about(what + ": the adapter failed after " + outcome.records().size() + " records"), failure);
    }
    return outcome;
  }
}
