package org.engagement.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.WithNull;
import net.jqwik.api.Example;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportMode;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.ChannelAdapters;

/**
 * Hostile adapters under the importer's containment rule (see {@link InteractionImporter}): anything thrown
 * from {@code name()}, {@code open()}, {@code next()} or {@code close()} is contained, counted and reported,
 * {@link StackOverflowError} included, except the fatal errors (the other {@link VirtualMachineError}s, such as
 * {@link OutOfMemoryError}, and {@link ThreadDeath}), which come out as themselves; a close failure never hides
 * a failure before it (in strict mode it is suppressed in the {@link ImportException}).
 */
class HostileAdaptersContainmentTest {

  @Property(tries = 400, seed = "1211")
  void everythingFromAnAdapterIsContainedInLenientMode(@ForAll HostileAdapter.Place place,
      @ForAll HostileAdapter.Fault fault, @ForAll @IntRange(max = 30) int records, @ForAll boolean withRejections,
      @ForAll @WithNull(0.3) HostileAdapter.Fault closeFault) throws IOException {
    HostileChecks.lenient(new HostileAdapter(place, fault, records, withRejections, closeFault), records);
  }

  @Property(tries = 300, seed = "1212")
  void strictModeThrowsAnImportExceptionAndKeepsTheCloseFailureSuppressed(@ForAll HostileAdapter.Fault fault,
      @ForAll @IntRange(max = 30) int records, @ForAll HostileAdapter.Fault closeFault) {
    HostileAdapter adapter = new HostileAdapter(HostileAdapter.Place.NEXT, fault, records, false, closeFault);
    List<Object> sink = new ArrayList<>();
    Throwable thrown = catchThrowable(() -> InteractionImporter.builder().mode(ImportMode.STRICT).build()
        .run(adapter, new ByteArrayInputStream(new byte[1]), sink::add));
    assertThat(sink).hasSize(records);
    if (HostileAdapter.isFatal(adapter.thrown)) {
      assertThat(thrown).as("a fatal error comes out as itself").isSameAs(adapter.thrown);
      return;
    }
    assertThat(thrown).isInstanceOf(ImportException.class);
    assertThat(thrown.getCause()).as("the first failure, if a cause is given").isIn(null, adapter.thrown);
    List<Throwable> suppressed = new ArrayList<>(List.of(thrown.getSuppressed()));
    suppressed.addAll(List.of(adapter.thrown.getSuppressed()));
    assertThat(suppressed).as("the close failure, suppressed").contains(adapter.closeThrown);
  }

  /** {@link ErrorNamedAdapter}, listed in this module's service file, throws an error from {@code name()}. */
  @Example
  void discoveryContainsAnAdapterWhoseNameThrowsAnError() {
    ChannelAdapters adapters = ChannelAdapters.builder().discover().build();
    assertThat(adapters.discoveryFailures()).isGreaterThanOrEqualTo(1);
    assertThat(adapters.names()).contains("csv");
  }
}
