package org.engagement.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.Rejection;

/** Runs the importer over a {@link HostileAdapter} in lenient mode and checks what it must contain. */
final class HostileChecks {
  private HostileChecks() {}

  /**
   * No exception escapes but a fatal error (see {@link HostileAdapter#isFatal}), which comes out as itself;
   * the report accounts for every record; every good record before the failure reached the sink; the failure
   * names the first throwable (a failing close after a clean read is the failure); the input is closed.
   */
  static void lenient(HostileAdapter adapter, int records) throws IOException {
    List<Interaction> sink = new ArrayList<>();
    List<Rejection> heard = new ArrayList<>();
    InteractionImporter importer = InteractionImporter.builder().rejectionListener(heard::add).build();
    TrackedInput input = new TrackedInput(new byte[] {'x'});
    List<Throwable> fatal = new ArrayList<>();
    if (adapter.place != HostileAdapter.Place.NOWHERE && HostileAdapter.isFatal(adapter.thrown)) {
      fatal.add(adapter.thrown);
    }
    if (adapter.closes() && HostileAdapter.isFatal(adapter.closeThrown)) {
      fatal.add(adapter.closeThrown);
    }
    ImportReport report;
    try {
      report = importer.run(adapter, input, sink::add);
    } catch (Error e) {
      assertThat(e).as("only a fatal error escapes, as itself").isIn(fatal);
      return;
    }
    assertThat(fatal).as("fatal errors thrown but contained").isEmpty();
    assertThat(report.read()).isEqualTo(report.accepted() + report.rejected() + report.duplicates());
    assertThat(report.rejections().size() + report.rejectionsNotRetained())
        .isEqualTo(report.rejected() + report.duplicates());
    assertThat((long) heard.size()).isEqualTo(report.rejected() + report.duplicates());
    assertThat((long) sink.size()).isEqualTo(report.accepted());
    assertThat(input.closed || adapter.inputClosed).as("input closed").isTrue();
    if (adapter.place == HostileAdapter.Place.NOWHERE && adapter.closeThrown == null) {
      assertThat(report.failure()).isNull();
    } else if (adapter.place == HostileAdapter.Place.NOWHERE) {
      assertThat(report.failure()).as("a failing close after a clean read").isNotNull()
          .contains(String.valueOf(adapter.closeThrown).replaceAll(":.*", ""));
    } else {
      assertThat(report.failure()).as("failure of %s", adapter.place).isNotNull()
          .contains(adapter.thrown.getClass().getName());
    }
    boolean readsRecords = adapter.place != HostileAdapter.Place.NAME && adapter.place != HostileAdapter.Place.OPEN;
    List<String> expected = new ArrayList<>();
    for (int i = 1; readsRecords && i <= records; i++) {
      if (adapter.accepted(i)) {
        expected.add(HostileAdapter.sourceId(i));
      }
    }
    assertThat(sink).extracting(Interaction::sourceId).as("good records delivered").containsExactlyElementsOf(expected);
  }

  /** An input that remembers being closed. */
  static final class TrackedInput extends ByteArrayInputStream {
    boolean closed;

    TrackedInput(byte[] bytes) {
      super(bytes);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
