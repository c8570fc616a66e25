package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SourceIdIndexTest {

  @Property(tries = 300)
  void behavesLikeAMapOfFirstRecords(@ForAll @Size(max = 400) List<@StringLength(max = 12) String> ids) {
    SourceIdIndex index = new SourceIdIndex();
    Map<String, Long> model = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      long record = i + 1L;
      Long expected = model.putIfAbsent(ids.get(i), record);
      assertThat(index.putIfAbsent(ids.get(i), record)).isEqualTo(expected == null ? -1 : expected);
    }
    assertThat(index.size()).isEqualTo(model.size());
  }

  @Test
  void growsAcrossPagesAndTablesWithoutLosingIds() {
    SourceIdIndex index = new SourceIdIndex();
    int n = 300_000;
    for (int i = 0; i < n; i++) {
      assertThat(index.putIfAbsent("evt-" + i + "-" + "x".repeat(i % 7), i + 1L)).isEqualTo(-1);
    }
    for (int i = 0; i < n; i += 997) {
      assertThat(index.putIfAbsent("evt-" + i + "-" + "x".repeat(i % 7), 0)).isEqualTo(i + 1L);
    }
    assertThat(index.size()).isEqualTo(n);
  }

  @Test
  void equalHashesWithDifferentCharactersAreDifferentIds() {
    SourceIdIndex index = new SourceIdIndex();
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(index.putIfAbsent("Aa", 1)).isEqualTo(-1);
    assertThat(index.putIfAbsent("BB", 2)).isEqualTo(-1);
    assertThat(index.putIfAbsent("BB", 3)).isEqualTo(2);
  }
}
