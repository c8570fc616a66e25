package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.engagement.core.ingest.TestAdapters.bad;
import static org.engagement.core.ingest.TestAdapters.crash;
import static org.engagement.core.ingest.TestAdapters.ok;
import static org.engagement.core.ingest.TestAdapters.scripted;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.Interaction;
import org.junit.jupiter.api.Test;

class InteractionImporterTest {

  private static InputStream nothing() {
    return new ByteArrayInputStream(new byte[0]);
  }

  @Test
  void accountsForEveryRecordAndPassesAcceptedOnesInOrder() throws IOException {
    ChannelAdapter adapter = scripted("t", List.of(ok("a", "1"), bad("broken"), ok("b", "2"), ok("c", "1"), ok("d", null), ok("e", null)));
    List<Interaction> sink = new ArrayList<>();
    ImportReport report = InteractionImporter.defaults().run(adapter, nothing(), sink::add);

    assertThat(sink).extracting(Interaction::customerId).containsExactly("a", "b", "d", "e");
    assertThat(report.read()).isEqualTo(6);
    assertThat(report.accepted()).isEqualTo(4);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.isComplete()).isTrue();
    assertThat(report.isClean()).isFalse();
    assertThat(report.rejections()).extracting(Object::toString).containsExactly(
        "record 2: broken",
        "record 4: column 'source_id' value '1' is invalid: repeats the source id of record 1");
    assertThat(report.rejections().get(1).kind()).isEqualTo(Rejection.Kind.DUPLICATE);
  }

  @Test
  void duplicateDetectionCanBeSwitchedOff() throws IOException {
    ChannelAdapter adapter = scripted("t", List.of(ok("a", "1"), ok("b", "1")));
    ImportReport report = InteractionImporter.builder().detectDuplicates(false).build().run(adapter, nothing(), i -> {});
    assertThat(report.accepted()).isEqualTo(2);
    assertThat(report.duplicates()).isZero();
  }

  @Test
  void strictModeStopsAtTheFirstBadRecordWithTheSameDetail() {
    ChannelAdapter adapter = scripted("t", List.of(ok("a", "1"), bad("broken"), ok("b", "2")));
    InteractionImporter strict = InteractionImporter.builder().mode(ImportMode.STRICT).build();
    List<Interaction> sink = new ArrayList<>();

    assertThatThrownBy(() -> strict.run(adapter, nothing(), sink::add))
        .isInstanceOfSatisfying(ImportException.class, e -> {
          assertThat(e.rejection()).hasValueSatisfying(r -> assertThat(r.position().record()).isEqualTo(2));
          assertThat(e.report().read()).isEqualTo(2);
          assertThat(e.report().accepted()).isEqualTo(1);
          assertThat(e.report().rejected()).isEqualTo(1);
          assertThat(e).hasMessage("record 2: broken");
        });
    assertThat(sink).hasSize(1);
  }

  @Test
  void strictModeAlsoStopsAtDuplicates() {
    ChannelAdapter adapter = scripted("t", List.of(ok("a", "1"), ok("b", "1")));
    InteractionImporter strict = InteractionImporter.builder().mode(ImportMode.STRICT).build();
    assertThatThrownBy(() -> strict.run(adapter, nothing(), i -> {}))
        .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.report().duplicates()).isEqualTo(1));
  }

  @Test
  void aCrashingAdapterIsContainedCountedAndReported() throws IOException {
    ChannelAdapter adapter = scripted("crashy", List.of(ok("a", "1"), crash(), ok("b", "2")));
    ImportReport report = InteractionImporter.defaults().run(adapter, nothing(), i -> {});

    assertThat(report.read()).isEqualTo(2);
    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.rejections().get(0).kind()).isEqualTo(Rejection.Kind.ADAPTER_FAILURE);
    assertThat(report.failureReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("crashy", "record 2", "IllegalStateException")
        .doesNotContain("secret"));
  }

  @Test
  void anAdapterThatFailsToOpenIsContained() throws IOException {
    ChannelAdapter adapter = TestAdapters.failingToOpen("broken", new IllegalStateException("boom"));
    ImportReport report = InteractionImporter.defaults().run(adapter, nothing(), i -> {});
    assertThat(report.read()).isZero();
    assertThat(report.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("failed to open"));
  }

  @Test
  void anUnreadableSourceStopsTheImportInAnyMode() {
    ChannelAdapter adapter = TestAdapters.failingToOpen("picky",
        new InvalidSourceException("header is missing required column(s) 'type'"));
    assertThatThrownBy(() -> InteractionImporter.defaults().run(adapter, nothing(), i -> {}))
        .isInstanceOf(ImportException.class)
        .hasMessage("picky: header is missing required column(s) 'type'")
        .hasCauseInstanceOf(InvalidSourceException.class);
  }

  @Test
  void retainsBoundedDetailsButTellsTheListenerEverything() throws IOException {
    ChannelAdapter adapter = scripted("t", List.of(bad("1"), bad("2"), bad("3"), ok("a", null)));
    List<Rejection> heard = new ArrayList<>();
    ImportReport report = InteractionImporter.builder().maxRetainedRejections(1).rejectionListener(heard::add)
        .build().run(adapter, nothing(), i -> {});
    assertThat(report.rejections()).hasSize(1);
    assertThat(report.rejectionsNotRetained()).isEqualTo(2);
    assertThat(heard).hasSize(3);
    assertThatThrownBy(() -> InteractionImporter.builder().maxRetainedRejections(-1))
        .hasMessageStartingWith("maxRetainedRejections '-1'");
  }

  @Test
  void closesTheInput() throws IOException {
    ClosingProbe in = new ClosingProbe();
    InteractionImporter.defaults().run(scripted("t", List.of(ok("a", null))), in, i -> {});
    assertThat(in.closed).isTrue();
  }

  @Test
  void closesTheInputWhenTheAdapterCannotOpenIt() {
    ClosingProbe in = new ClosingProbe();
    ChannelAdapter failing = TestAdapters.failingToOpen("io", new IOException("disk gone"));
    assertThatThrownBy(() -> InteractionImporter.defaults().run(failing, in, i -> {})).hasMessage("disk gone");
    assertThat(in.closed).isTrue();
  }

  @Test
  void aStackOverflowInTheAdapterIsContainedToo() throws IOException {
    ChannelAdapter adapter = scripted("deep", List.of(ok("a", "1"), p -> {
      throw new StackOverflowError();
    }));
    ImportReport report = InteractionImporter.defaults().run(adapter, nothing(), i -> {});
    assertThat(report.rejections()).singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.ADAPTER_FAILURE));
  }

  @Test
  void whatTheSinkThrowsIsTheHostsAndPropagatesUnchangedAfterTheReaderAndInputAreClosed() {
    HostileAdapter adapter = HostileAdapter.behaving(5).and(HostileAdapter.Method.CLOSE,
        HostileAdapter.Fault.RUNTIME_EXCEPTION);
    AssertionError hostFailure = new AssertionError("the host's own check failed");
    List<Interaction> delivered = new ArrayList<>();
    ClosingProbe in = new ClosingProbe();

    assertThatThrownBy(() -> InteractionImporter.defaults().run(adapter, in, interaction -> {
      delivered.add(interaction);
      if (delivered.size() == 2) {
        throw hostFailure;
      }
    })).isSameAs(hostFailure);

    assertThat(hostFailure.getSuppressed()).containsExactly(adapter.firstThrown());
    assertThat(adapter.closes()).isEqualTo(1);
    assertThat(in.closed).isTrue();
    assertThat(delivered).isEqualTo(adapter.interactions().subList(0, 2));
  }

  @Test
  void whatTheRejectionListenerThrowsPropagatesToo() {
    IllegalStateException hostFailure = new IllegalStateException("listener is full");
    ClosingProbe in = new ClosingProbe();
    InteractionImporter importer = InteractionImporter.builder().rejectionListener(r -> {
      throw hostFailure;
    }).build();
    assertThatThrownBy(() -> importer.run(HostileAdapter.behaving(5), in, i -> {})).isSameAs(hostFailure);
    assertThat(in.closed).isTrue();
  }

  @Test
  void anInterruptionOfTheImportingThreadStopsTheImportBetweenRecordsAndKeepsTheFlag() {
    HostileAdapter adapter = HostileAdapter.behaving(5);
    ClosingProbe in = new ClosingProbe();
    try {
      assertThatThrownBy(() -> InteractionImporter.defaults().run(adapter, in, interaction -> Thread.currentThread().interrupt()))
          .isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e).hasMessage("hostile: interrupted after 1 records").hasCauseInstanceOf(InterruptedException.class);
            assertThat(e.report().read()).isEqualTo(1);
            assertThat(e.report().accepted()).isEqualTo(1);
            assertThat(e.report().failure()).isEqualTo("interrupted after 1 records");
          });
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt flag").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(adapter.closes()).isEqualTo(1);
    assertThat(in.closed).isTrue();
  }

  @Test
  void reportsMergeAndCheckTheirInvariants() {
    ImportReport a = new ImportReport("csv", 3, 2, 1, 0, List.of(Rejection.invalid(SourcePosition.ofRecord(2), "x")), 0, null);
    ImportReport b = new ImportReport("jsonl", 2, 1, 0, 1, List.of(), 1, "stopped");
    ImportReport merged = a.merge(b);
    assertThat(merged.read()).isEqualTo(5);
    assertThat(merged.accepted() + merged.rejected() + merged.duplicates()).isEqualTo(merged.read());
    assertThat(merged.source()).isEqualTo("csv+jsonl");
    assertThat(merged.failure()).isEqualTo("stopped");
    assertThat(ImportReport.empty("csv").merge(a)).isEqualTo(a);
    assertThatThrownBy(() -> new ImportReport("x", 3, 1, 1, 0, List.of(), 1, null))
        .hasMessageContaining("read must equal accepted + rejected + duplicates");
    assertThatThrownBy(() -> new ImportReport("x", 1, 0, 1, 0, List.of(), 0, null))
        .hasMessageContaining("rejections must equal rejected + duplicates");
  }

  /** An empty input that remembers whether it was closed. */
  private static final class ClosingProbe extends ByteArrayInputStream {
    boolean closed;

    ClosingProbe() {
      super(new byte[0]);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
