package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.engagement.core.ingest.TestAdapters.bad;
import static org.engagement.core.ingest.TestAdapters.crash;
import static org.engagement.core.ingest.TestAdapters.ok;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.engagement.core.domain.Interaction;
import org.junit.jupiter.api.Test;

/** A source that opens its own records goes through the importer's accounting and containment unchanged. */
class RecordSourceImportTest {

  /** The scripted adapter's records, opened without an input stream; counts how often its reader is closed. */
  private static RecordSource source(String name, List<Function<SourcePosition, AdapterRecord>> outcomes,
      AtomicInteger closed) {
    ChannelAdapter adapter = TestAdapters.scripted(name, outcomes);
    return new RecordSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public RecordReader open() throws IOException {
        RecordReader reader = adapter.open(new ByteArrayInputStream(new byte[0]));
        return new RecordReader() {
          @Override
          public AdapterRecord next() throws IOException {
            return reader.next();
          }

          @Override
          public void close() throws IOException {
            closed.incrementAndGet();
            reader.close();
          }
        };
      }
    };
  }

  @Test
  void accountsForEveryRecordAsForAnAdapterAndClosesTheReaderOnce() throws IOException {
    AtomicInteger closed = new AtomicInteger();
    RecordSource source = source("db", List.of(ok("a", "1"), bad("broken"), ok("b", "1"), ok("c", null)), closed);
    List<Interaction> sink = new ArrayList<>();

    ImportReport report = InteractionImporter.defaults().run(source, sink::add);

    assertThat(sink).extracting(Interaction::customerId).containsExactly("a", "c");
    assertThat(report.source()).isEqualTo("db");
    assertThat(report.read()).isEqualTo(4);
    assertThat(report.accepted()).isEqualTo(2);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.isComplete()).isTrue();
    assertThat(closed).hasValue(1);
  }

  @Test
  void aFailureInTheSourceIsContainedCountedAndTheReaderClosed() throws IOException {
    AtomicInteger closed = new AtomicInteger();
    RecordSource source = source("db", List.of(ok("a", null), crash(), ok("b", null)), closed);

    ImportReport report = InteractionImporter.defaults().run(source, i -> {});

    assertThat(report.read()).isEqualTo(2);
    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.rejections()).singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.ADAPTER_FAILURE));
    assertThat(report.failure()).contains("adapter 'db' failed at record 2", "IllegalStateException")
        .doesNotContain("secret");
    assertThat(closed).hasValue(1);
  }

  @Test
  void aSourceThatCannotBeReadEndsTheImportNamingIt() {
    RecordSource source = new RecordSource() {
      @Override
      public String name() {
        return "db";
      }

      @Override
      public RecordReader open() {
        throw new InvalidSourceException("column 'timestamp' is missing from the query's result");
      }
    };

    assertThatThrownBy(() -> InteractionImporter.defaults().run(source, i -> {}))
        .isInstanceOf(ImportException.class)
        .hasMessage("db: column 'timestamp' is missing from the query's result");
  }

  @Test
  void aKeyedPositionShowsItsKeyInRejections() {
    Rejection rejection = Rejection.invalid(SourcePosition.ofKey(7, "A-1009\u001B"), "broken");

    assertThat(rejection.message("crm-db")).isEqualTo("crm-db: record 7 (key 'A-1009\\u001B'): broken");
    assertThat(SourcePosition.ofKey(1, "k".repeat(200)).key()).hasSizeLessThan(120).endsWith("(200 characters)");
    assertThat(new SourcePosition(3, 4)).isEqualTo(new SourcePosition(3, 4, null));
  }
}
