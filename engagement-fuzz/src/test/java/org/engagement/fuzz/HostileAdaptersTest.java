package org.engagement.fuzz;

import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile adapters mixed with good records, for the failures the importer already contains: runtime
 * exceptions from {@code open} and {@code next}. See {@link HostileAdaptersContainmentTest} for the rest.
 */
class HostileAdaptersTest {

  @Property(tries = 200, seed = "1209")
  void runtimeExceptionsFromOpenOrNextAreContained(@ForAll @IntRange(max = 50) int records,
      @ForAll boolean withRejections, @ForAll boolean inOpen) throws IOException {
    HostileAdapter adapter = new HostileAdapter(inOpen ? HostileAdapter.Place.OPEN : HostileAdapter.Place.NEXT,
        HostileAdapter.Fault.RUNTIME, records, withRejections, null);
    HostileChecks.lenient(adapter, records);
  }

  @Property(tries = 50, seed = "1210")
  void wellBehavedAdaptersLoseNothing(@ForAll @IntRange(max = 200) int records, @ForAll boolean withRejections)
      throws IOException {
    HostileAdapter adapter = new HostileAdapter(HostileAdapter.Place.NOWHERE, HostileAdapter.Fault.RUNTIME,
        records, withRejections, null);
    HostileChecks.lenient(adapter, records);
  }
}
