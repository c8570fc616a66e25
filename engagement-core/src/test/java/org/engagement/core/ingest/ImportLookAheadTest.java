package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.domain.Interaction;
import org.jspecify.annotations.Nullable;

/**
 * The importer reads records ahead of the one it takes when it detects duplicates (to overlap the source-id
 * index's cache misses); this checks, against a model that takes one record right after reading it, that the
 * sink, the counts and how the import ends are the same whatever the records, the mode, a failure of the reader
 * after them, and an interruption by the sink.
 */
class ImportLookAheadTest {

  /** A record of the script: accepted with a source id (or none), or rejected. */
  record Token(boolean good, @Nullable String sourceId) {}

  enum Failure { NONE, IO, INVALID_SOURCE, CRASH }

  @Provide
  Arbitrary<List<Token>> scripts() {
    Arbitrary<Token> token = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h").injectNull(0.2)
            .map(id -> new Token(true, id))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Token(false, null))));
    return token.list().ofMaxSize(70);
  }

  @Property(tries = 400)
  void readingAheadChangesNothingAHostOrAReportCanSee(
      @ForAll("scripts") List<Token> script, @ForAll Failure failure, @ForAll boolean strict,
      @ForAll @IntRange(min = 0, max = 40) int interruptAtAccepted) {
    String expected = model(script, failure, strict, interruptAtAccepted);
    String actual;
    try {
      actual = run(script, failure, strict, interruptAtAccepted);
    } finally {
      Thread.interrupted();
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static String run(List<Token> script, Failure failure, boolean strict, int interruptAt) {
    List<Function<SourcePosition, AdapterRecord>> outcomes = new ArrayList<>();
    for (int i = 0; i < script.size(); i++) {
      Token t = script.get(i);
      outcomes.add(t.good() ? TestAdapters.ok("c" + i, t.sourceId()) : TestAdapters.bad("broken"));
    }
    switch (failure) {
      case IO -> outcomes.add(p -> sneaky(new IOException("disk")));
      case INVALID_SOURCE -> outcomes.add(p -> {
        throw new InvalidSourceException("garbled");
      });
      case CRASH -> outcomes.add(TestAdapters.crash());
      case NONE -> { }
    }
    List<String> sink = new ArrayList<>();
    InteractionImporter importer = InteractionImporter.builder()
        .mode(strict ? ImportMode.STRICT : ImportMode.LENIENT).build();
    try {
      ImportReport report = importer.run(TestAdapters.scripted("t", outcomes), new ByteArrayInputStream(new byte[0]),
          (Interaction i) -> {
            sink.add(i.customerId());
            if (sink.size() == interruptAt) {
              Thread.currentThread().interrupt();
            }
          });
      return "complete=" + report.isComplete() + " " + counts(report) + " " + sink;
    } catch (ImportException e) {
      return "ImportException " + counts(e.report()) + " " + sink;
    } catch (IOException e) {
      return "IOException " + sink;
    }
  }

  private static String model(List<Token> script, Failure failure, boolean strict, int interruptAt) {
    Set<String> seen = new HashSet<>();
    List<String> sink = new ArrayList<>();
    long[] c = new long[4]; // read, accepted, rejected, duplicates
    boolean interrupted = false;
    for (int i = 0; i < script.size(); i++) {
      if (interrupted) {
        return "ImportException " + counts(c) + " " + sink;
      }
      Token t = script.get(i);
      c[0]++;
      if (!t.good()) {
        c[2]++;
      } else if (t.sourceId() != null && !seen.add(t.sourceId())) {
        c[3]++;
      } else {
        c[1]++;
        sink.add("c" + i);
        interrupted = sink.size() == interruptAt;
        continue;
      }
      if (strict) {
        return "ImportException " + counts(c) + " " + sink;
      }
    }
    if (interrupted) {
      return "ImportException " + counts(c) + " " + sink;
    }
    return switch (failure) {
      case NONE -> "complete=true " + counts(c) + " " + sink;
      case IO -> "IOException " + sink;
      case INVALID_SOURCE -> "ImportException " + counts(c) + " " + sink;
      case CRASH -> {
        c[0]++;
        c[2]++;
        yield (strict ? "ImportException " : "complete=false ") + counts(c) + " " + sink;
      }
    };
  }

  private static String counts(ImportReport r) {
    return counts(new long[] {r.read(), r.accepted(), r.rejected(), r.duplicates()});
  }

  private static String counts(long[] c) {
    return "read " + c[0] + " accepted " + c[1] + " rejected " + c[2] + " duplicates " + c[3];
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> AdapterRecord sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
