package org.engagement.fuzz;

import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/** {@link org.engagement.roi.io.CostCsvReader} under corrupted CSV; runs once the reader is on the policy. */
@Tag("after-merge")
class CostReaderFuzzTest {
  @Property(tries = 30, seed = "1213", shrinking = ShrinkingMode.BOUNDED)
  void costs(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4_000) int rows,
      @ForAll @IntRange(min = 0, max = 90) int percent) throws IOException {
    OffPolicyFuzz.costs(seed, rows, percent);
  }
}
