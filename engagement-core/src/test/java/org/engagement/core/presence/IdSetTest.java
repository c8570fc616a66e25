package org.engagement.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The open-addressing id set behaves as a {@link HashSet} of the same ids. */
class IdSetTest {

  @Property(tries = 200)
  void behavesAsAHashSet(@ForAll @Size(max = 400) List<@StringLength(min = 1, max = 4) String> ids,
      @ForAll @Size(max = 50) List<@StringLength(min = 1, max = 4) String> probes) {
    IdSet set = new IdSet();
    Set<String> expected = new HashSet<>();
    for (String id : ids) {
      assertThat(set.add(id)).isEqualTo(expected.add(id));
    }

    assertThat(set).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    for (String probe : probes) {
      assertThat(set.contains(probe)).isEqualTo(expected.contains(probe));
    }
  }
}
