package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagement.core.ingest.HostileAdapter.Fault.ASSERTION_ERROR;
import static org.engagement.core.ingest.HostileAdapter.Fault.CHECKED_EXCEPTION;
import static org.engagement.core.ingest.HostileAdapter.Fault.EXCEPTION_IN_INITIALIZER_ERROR;
import static org.engagement.core.ingest.HostileAdapter.Fault.INTERNAL_ERROR;
import static org.engagement.core.ingest.HostileAdapter.Fault.INTERRUPTED_EXCEPTION;
import static org.engagement.core.ingest.HostileAdapter.Fault.INVALID_SOURCE_EXCEPTION;
import static org.engagement.core.ingest.HostileAdapter.Fault.IO_EXCEPTION;
import static org.engagement.core.ingest.HostileAdapter.Fault.NO_CLASS_DEF_FOUND_ERROR;
import static org.engagement.core.ingest.HostileAdapter.Fault.OTHER_ERROR;
import static org.engagement.core.ingest.HostileAdapter.Fault.OUT_OF_MEMORY_ERROR;
import static org.engagement.core.ingest.HostileAdapter.Fault.RETURNS_NULL;
import static org.engagement.core.ingest.HostileAdapter.Fault.RETURNS_WRONG_VALUE;
import static org.engagement.core.ingest.HostileAdapter.Fault.RUNTIME_EXCEPTION;
import static org.engagement.core.ingest.HostileAdapter.Fault.STACK_OVERFLOW_ERROR;
import static org.engagement.core.ingest.HostileAdapter.Fault.THREAD_DEATH;
import static org.engagement.core.ingest.HostileAdapter.Method.CLOSE;
import static org.engagement.core.ingest.HostileAdapter.Method.NAME;
import static org.engagement.core.ingest.HostileAdapter.Method.NEXT;
import static org.engagement.core.ingest.HostileAdapter.Method.OPEN;
import static org.engagement.core.ingest.HostileAdapter.Outcome.CONTAINED;
import static org.engagement.core.ingest.HostileAdapter.Outcome.IMPORT_EXCEPTION;
import static org.engagement.core.ingest.HostileAdapter.Outcome.INTERRUPTED;
import static org.engagement.core.ingest.HostileAdapter.Outcome.PROPAGATES;
import static org.engagement.core.ingest.HostileAdapter.Outcome.REPORT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.HostileAdapter.Fault;
import org.engagement.core.ingest.HostileAdapter.Method;
import org.engagement.core.ingest.HostileAdapter.Outcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an adapter can misbehave in each method of the SPI, imported by the host: what the host sees
 * is what {@link InteractionImporter}'s class comment promises, nothing escapes that should not, the counts
 * add up, no good record before the failure is lost, the reader and the input are closed, and no customer
 * data reaches a log or a failure description.
 */
class HostileAdaptersTest {

  /** Every possible pair of a method and a fault, with what the host sees in lenient mode: written out. */
  static Stream<Arguments> table() {
    return Stream.of(
        row(NAME, RUNTIME_EXCEPTION, CONTAINED),
        row(NAME, ASSERTION_ERROR, CONTAINED),
        row(NAME, NO_CLASS_DEF_FOUND_ERROR, CONTAINED),
        row(NAME, EXCEPTION_IN_INITIALIZER_ERROR, CONTAINED),
        row(NAME, STACK_OVERFLOW_ERROR, CONTAINED),
        row(NAME, OTHER_ERROR, CONTAINED),
        row(NAME, CHECKED_EXCEPTION, CONTAINED),
        row(NAME, INTERRUPTED_EXCEPTION, INTERRUPTED),
        row(NAME, IO_EXCEPTION, CONTAINED),
        row(NAME, INVALID_SOURCE_EXCEPTION, CONTAINED),
        row(NAME, OUT_OF_MEMORY_ERROR, PROPAGATES),
        row(NAME, INTERNAL_ERROR, PROPAGATES),
        row(NAME, THREAD_DEATH, PROPAGATES),
        row(NAME, RETURNS_NULL, CONTAINED),
        row(NAME, RETURNS_WRONG_VALUE, CONTAINED),

        row(OPEN, RUNTIME_EXCEPTION, CONTAINED),
        row(OPEN, ASSERTION_ERROR, CONTAINED),
        row(OPEN, NO_CLASS_DEF_FOUND_ERROR, CONTAINED),
        row(OPEN, EXCEPTION_IN_INITIALIZER_ERROR, CONTAINED),
        row(OPEN, STACK_OVERFLOW_ERROR, CONTAINED),
        row(OPEN, OTHER_ERROR, CONTAINED),
        row(OPEN, CHECKED_EXCEPTION, CONTAINED),
        row(OPEN, INTERRUPTED_EXCEPTION, INTERRUPTED),
        row(OPEN, IO_EXCEPTION, PROPAGATES),
        row(OPEN, INVALID_SOURCE_EXCEPTION, IMPORT_EXCEPTION),
        row(OPEN, OUT_OF_MEMORY_ERROR, PROPAGATES),
        row(OPEN, INTERNAL_ERROR, PROPAGATES),
        row(OPEN, THREAD_DEATH, PROPAGATES),
        row(OPEN, RETURNS_NULL, CONTAINED),

        row(NEXT, RUNTIME_EXCEPTION, CONTAINED),
        row(NEXT, ASSERTION_ERROR, CONTAINED),
        row(NEXT, NO_CLASS_DEF_FOUND_ERROR, CONTAINED),
        row(NEXT, EXCEPTION_IN_INITIALIZER_ERROR, CONTAINED),
        row(NEXT, STACK_OVERFLOW_ERROR, CONTAINED),
        row(NEXT, OTHER_ERROR, CONTAINED),
        row(NEXT, CHECKED_EXCEPTION, CONTAINED),
        row(NEXT, INTERRUPTED_EXCEPTION, INTERRUPTED),
        row(NEXT, IO_EXCEPTION, PROPAGATES),
        row(NEXT, INVALID_SOURCE_EXCEPTION, IMPORT_EXCEPTION),
        row(NEXT, OUT_OF_MEMORY_ERROR, PROPAGATES),
        row(NEXT, INTERNAL_ERROR, PROPAGATES),
        row(NEXT, THREAD_DEATH, PROPAGATES),
        row(NEXT, RETURNS_WRONG_VALUE, REPORT),

        row(CLOSE, RUNTIME_EXCEPTION, CONTAINED),
        row(CLOSE, ASSERTION_ERROR, CONTAINED),
        row(CLOSE, NO_CLASS_DEF_FOUND_ERROR, CONTAINED),
        row(CLOSE, EXCEPTION_IN_INITIALIZER_ERROR, CONTAINED),
        row(CLOSE, STACK_OVERFLOW_ERROR, CONTAINED),
        row(CLOSE, OTHER_ERROR, CONTAINED),
        row(CLOSE, CHECKED_EXCEPTION, CONTAINED),
        row(CLOSE, INTERRUPTED_EXCEPTION, INTERRUPTED),
        row(CLOSE, IO_EXCEPTION, PROPAGATES),
        row(CLOSE, INVALID_SOURCE_EXCEPTION, CONTAINED),
        row(CLOSE, OUT_OF_MEMORY_ERROR, PROPAGATES),
        row(CLOSE, INTERNAL_ERROR, PROPAGATES),
        row(CLOSE, THREAD_DEATH, PROPAGATES));
  }

  private static Arguments row(Method method, Fault fault, Outcome lenient) {
    return Arguments.of(method, fault, lenient);
  }

  @AfterEach
  void clearTheInterruptFlag() {
    Thread.interrupted();
  }

  @Test
  void theTableHoldsEveryPossiblePairOnce() {
    Set<String> pairs = table().map(a -> a.get()[0] + " " + a.get()[1]).collect(Collectors.toSet());
    Set<String> possible = EnumSet.allOf(Method.class).stream()
        .flatMap(m -> Arrays.stream(Fault.values()).filter(f -> f.appliesTo(m)).map(f -> m + " " + f))
        .collect(Collectors.toSet());
    assertThat(table().count()).isEqualTo(pairs.size()).isGreaterThanOrEqualTo(25);
    assertThat(pairs).isEqualTo(possible);
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("table")
  void inLenientModeTheHostSeesWhatTheRuleSays(Method method, Fault fault, Outcome expected) {
    HostileAdapter adapter = HostileAdapter.failing(method, fault);
    assertThat(adapter.expected(ImportMode.LENIENT)).as("the fixture's oracle").isEqualTo(expected);

    Run run = Run.of(adapter, ImportMode.LENIENT);

    run.checkCommonGround(method);
    switch (expected) {
      case CONTAINED -> run.checkContained(method);
      case REPORT -> run.checkMisfiledRejection();
      case IMPORT_EXCEPTION -> run.checkRefusedSource(method);
      case INTERRUPTED -> run.checkInterrupted();
      case PROPAGATES -> run.checkPropagated();
    }
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("table")
  void inStrictModeAContainedFailureThrowsWithTheAdaptersException(Method method, Fault fault, Outcome lenient) {
    // one good record first: the pattern's invalid record 2 would stop a strict import before the fault
    HostileAdapter adapter = HostileAdapter.failing(method, fault).withRecords(1);
    boolean contained = lenient == CONTAINED || lenient == REPORT;
    Outcome expected = contained ? IMPORT_EXCEPTION : lenient;
    assertThat(adapter.expected(ImportMode.STRICT)).as("the fixture's oracle").isEqualTo(expected);

    Run run = Run.of(adapter, ImportMode.STRICT);

    run.checkCommonGround(method);
    switch (expected) {
      case INTERRUPTED -> run.checkInterrupted();
      case PROPAGATES -> run.checkPropagated();
      default -> {
        if (!contained) {
          run.checkRefusedSource(method);
        }
      }
    }
    if (!contained) {
      return;
    }
    ImportException e = run.importException();
    assertThat(e.getCause()).isSameAs(fault.throwsSomething() ? adapter.firstThrown() : null);
    if (method == NEXT) {
      assertThat(e.rejection()).hasValueSatisfying(r -> {
        assertThat(r.kind()).isEqualTo(Rejection.Kind.ADAPTER_FAILURE);
        assertThat(r.position().record()).isEqualTo(2);
      });
    } else {
      assertThat(e.report().failure()).isNotNull();
    }
  }

  @Test
  void aFailureToCloseIsNotedAfterTheFirstFailureNeverInsteadOfIt() {
    HostileAdapter adapter = HostileAdapter.failing(NEXT, RUNTIME_EXCEPTION).and(CLOSE, ASSERTION_ERROR);
    Run run = Run.of(adapter, ImportMode.LENIENT);

    run.checkCommonGround(NEXT);
    ImportReport report = run.report();
    assertThat(report.failure()).isEqualTo("adapter 'hostile' failed at record 6 with java.lang.IllegalStateException, "
        + "then adapter 'hostile' failed to close its reader with java.lang.AssertionError");
    assertThat(report.rejections()).last().satisfies(r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.ADAPTER_FAILURE));
  }

  @Test
  void anIoFailureToCloseAfterAContainedFailureIsNotedToo() {
    HostileAdapter adapter = HostileAdapter.failing(NEXT, STACK_OVERFLOW_ERROR).and(CLOSE, IO_EXCEPTION);
    assertThat(adapter.expected(ImportMode.LENIENT)).isEqualTo(CONTAINED);
    Run run = Run.of(adapter, ImportMode.LENIENT);

    run.checkCommonGround(NEXT);
    assertThat(run.report().failure()).startsWith("adapter 'hostile' failed at record 6 with java.lang.StackOverflowError")
        .endsWith("then adapter 'hostile' failed to close its reader with java.io.IOException");
  }

  @Test
  void whenTheImportEndsWithAnExceptionAFailureToCloseIsSuppressedInIt() {
    HostileAdapter adapter = HostileAdapter.failing(NEXT, IO_EXCEPTION).and(CLOSE, RUNTIME_EXCEPTION);
    Run run = Run.of(adapter, ImportMode.LENIENT);

    run.checkCommonGround(NEXT);
    assertThat(run.escaped()).isSameAs(adapter.thrown().get(0));
    assertThat(run.escaped().getSuppressed()).containsExactly(adapter.thrown().get(1));
  }

  @Test
  void aRefusedSourceKeepsItsReportAndSuppressesTheFailureToClose() {
    HostileAdapter adapter = HostileAdapter.failing(NEXT, INVALID_SOURCE_EXCEPTION).and(CLOSE, NO_CLASS_DEF_FOUND_ERROR);
    Run run = Run.of(adapter, ImportMode.LENIENT);

    run.checkCommonGround(NEXT);
    ImportException e = run.importException();
    assertThat(e.getCause()).isSameAs(adapter.thrown().get(0));
    assertThat(e.getSuppressed()).containsExactly(adapter.thrown().get(1));
    assertThat(e.report().read()).isEqualTo(adapter.records());
  }

  @Test
  void aStrictImportKeepsTheAdaptersExceptionAsCauseAndTheFailureToCloseAsSuppressed() {
    HostileAdapter adapter = HostileAdapter.failing(NEXT, ASSERTION_ERROR).and(CLOSE, CHECKED_EXCEPTION).withRecords(1);
    Run run = Run.of(adapter, ImportMode.STRICT);

    run.checkCommonGround(NEXT);
    ImportException e = run.importException();
    assertThat(e.getCause()).isSameAs(adapter.thrown().get(0));
    assertThat(e.getSuppressed()).containsExactly(adapter.thrown().get(1));
  }

  @Test
  void aFatalErrorInCloseIsNotHeldBack() {
    HostileAdapter adapter = HostileAdapter.failing(NEXT, RUNTIME_EXCEPTION).and(CLOSE, OUT_OF_MEMORY_ERROR);
    assertThat(adapter.expected(ImportMode.LENIENT)).isEqualTo(PROPAGATES);
    Run run = Run.of(adapter, ImportMode.LENIENT);

    run.checkCommonGround(NEXT);
    assertThat(run.escaped()).isSameAs(adapter.thrown().get(1));
  }

  @Test
  void aReaderThatRethrowsItsFailureFromCloseDoesNotBreakTheSuppression() {
    IOException failure = new IOException(HostileAdapter.SECRET);
    ProbeInput input = new ProbeInput();
    ChannelAdapter adapter = new SameFailureTwice(failure);
    Throwable escaped = Run.catching(() -> InteractionImporter.defaults().run(adapter, input, i -> {}));
    assertThat(escaped).isSameAs(failure);
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(input.closes).isPositive();
  }

  /** Throws the same exception from {@code next()} and {@code close()}, as readers that keep their failure do. */
  private static final class SameFailureTwice implements ChannelAdapter {
    private final IOException failure;

    SameFailureTwice(IOException failure) {
      this.failure = failure;
    }

    @Override
    public String name() {
      return "same";
    }

    @Override
    public RecordReader open(java.io.InputStream input) {
      return new RecordReader() {
        @Override
        public @Nullable AdapterRecord next() throws IOException {
          throw failure;
        }

        @Override
        public void close() throws IOException {
          throw failure;
        }
      };
    }
  }

  /** One import of a hostile adapter, with everything the host can observe of it. */
  private record Run(HostileAdapter adapter, ProbeInput input, List<Interaction> sink,
      @Nullable ImportReport result, @Nullable Throwable thrown, String log) {

    static Run of(HostileAdapter adapter, ImportMode mode) {
      ProbeInput input = new ProbeInput();
      List<Interaction> sink = new ArrayList<>();
      InteractionImporter importer = InteractionImporter.builder().mode(mode).build();
      ImportReport[] report = new ImportReport[1];
      Throwable thrown;
      String log;
      try (CapturedLog captured = new CapturedLog()) {
        thrown = catching(() -> report[0] = importer.run(adapter, input, sink::add));
        log = captured.text();
      }
      return new Run(adapter, input, sink, report[0], thrown, log);
    }

    static @Nullable Throwable catching(ThrowingRunnable action) {
      try {
        action.run();
        return null;
      } catch (Throwable e) {
        return e;
      }
    }

    /** What holds however the import ended. */
    void checkCommonGround(Method method) {
      assertThat(input.closes).as("closes of the input").isPositive();
      boolean opened = method != NAME && method != OPEN;
      assertThat(adapter.closes()).as("closes of the reader").isEqualTo(opened ? 1 : 0);
      List<Interaction> before = opened ? adapter.interactions() : List.of();
      assertThat(sink).as("the good records before the failure").isEqualTo(before);
      assertThat(log).as("the log").doesNotContain(HostileAdapter.SECRET).doesNotContain(HostileAdapter.CUSTOMER_PREFIX);
      ImportReport shown = result != null ? result : thrown instanceof ImportException e ? e.report() : null;
      if (shown != null) {
        assertThat(shown.read()).isEqualTo(shown.accepted() + shown.rejected() + shown.duplicates());
        assertThat(shown.accepted()).isEqualTo(sink.size());
        assertThat(shown.summary()).doesNotContain(HostileAdapter.SECRET).doesNotContain(HostileAdapter.CUSTOMER_PREFIX);
      }
    }

    void checkContained(Method method) {
      ImportReport report = report();
      String failure = report.failure();
      assertThat(failure).isNotNull().doesNotContain(HostileAdapter.SECRET);
      assertThat(log).contains("WARN").contains(failure);
      assertThat(report.source()).isEqualTo(method == NAME ? HostileAdapter.class.getName() : HostileAdapter.NAME);
      if (!adapter.thrown().isEmpty()) {
        assertThat(failure).endsWith(" with " + adapter.firstThrown().getClass().getName());
      }
      switch (method) {
        case NAME -> assertThat(failure).startsWith("adapter " + HostileAdapter.class.getName() + " ");
        case OPEN -> assertThat(failure).startsWith("adapter 'hostile' ").containsAnyOf("failed to open", "no reader");
        case NEXT -> assertThat(failure).startsWith("adapter 'hostile' failed at record 6 with ");
        case CLOSE -> assertThat(failure).startsWith("adapter 'hostile' failed to close its reader with ");
      }
      boolean read = method == NEXT || method == CLOSE;
      long failedRecords = method == NEXT ? 1 : 0;
      assertThat(report.read()).isEqualTo(read ? adapter.records() + failedRecords : 0);
      assertThat(report.rejected()).isEqualTo(read ? adapter.expectedInvalid() + failedRecords : 0);
      assertThat(report.duplicates()).isEqualTo(read ? adapter.expectedDuplicates() : 0);
      if (method == NEXT) {
        assertThat(report.rejections()).last().satisfies(r -> {
          assertThat(r.kind()).isEqualTo(Rejection.Kind.ADAPTER_FAILURE);
          assertThat(r.position().record()).isEqualTo(adapter.records() + 1);
          assertThat(r.reason()).isEqualTo(failure);
        });
      }
    }

    void checkMisfiledRejection() {
      ImportReport report = report();
      assertThat(report.isComplete()).isTrue();
      assertThat(report.read()).isEqualTo(adapter.records() + 1);
      assertThat(report.duplicates()).isEqualTo(adapter.expectedDuplicates());
      assertThat(report.rejected()).isEqualTo(adapter.expectedInvalid() + 1);
      assertThat(report.rejections()).last().satisfies(r -> {
        assertThat(r.kind()).isEqualTo(Rejection.Kind.ADAPTER_FAILURE);
        assertThat(r.reason()).startsWith("the adapter rejected the record as DUPLICATE");
      });
      assertThat(log).contains("WARN");
    }

    void checkRefusedSource(Method method) {
      ImportException e = importException();
      assertThat(e.getCause()).isSameAs(adapter.firstThrown());
      assertThat(e.report().read()).isEqualTo(method == NEXT ? adapter.records() : 0);
      assertThat(e.report().source()).isEqualTo(HostileAdapter.NAME);
    }

    void checkInterrupted() {
      ImportException e = importException();
      assertThat(Thread.interrupted()).as("the interrupt flag").isTrue();
      assertThat(e.getCause()).isSameAs(adapter.firstThrown());
      assertThat(e.report().failure()).contains("interrupted");
    }

    void checkPropagated() {
      assertThat(escaped()).isSameAs(adapter.firstThrown());
    }

    ImportReport report() {
      assertThat(thrown).as("what escaped").isNull();
      assertThat(result).isNotNull();
      return result;
    }

    Throwable escaped() {
      assertThat(result).as("the report").isNull();
      assertThat(thrown).isNotNull();
      return thrown;
    }

    ImportException importException() {
      assertThat(escaped()).isInstanceOf(ImportException.class);
      return (ImportException) escaped();
    }
  }

  /** What an import does, as a lambda that may throw anything. */
  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** An empty input that counts its closes. */
  static final class ProbeInput extends ByteArrayInputStream {
    int closes;

    ProbeInput() {
      super(new byte[0]);
    }

    @Override
    public void close() {
      closes++;
    }
  }
}
