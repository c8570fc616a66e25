package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

  @Property(tries = 200)
  void idsTouchedInBatchesBeforeTheirPutAreFoundAsWithoutTouching(
      @ForAll @Size(max = 600) List<@StringLength(max = 6) String> ids, @ForAll @IntRange(min = 1, max = 40) int batch) {
    SourceIdIndex index = new SourceIdIndex();
    SourceIdIndex plain = new SourceIdIndex();
    for (int from = 0; from < ids.size(); from += batch) {
      List<String> some = ids.subList(from, Math.min(ids.size(), from + batch));
      int[] hashes = some.stream().mapToInt(SourceIdIndex::hash).toArray();
      for (int hash : hashes) {
        index.touch(hash); // the table grows between touch and put
      }
      for (int i = 0; i < some.size(); i++) {
        long record = from + i + 1L;
        assertThat(index.putIfAbsent(some.get(i), hashes[i], record)).isEqualTo(plain.putIfAbsent(some.get(i), record));
      }
    }
    assertThat(index.size()).isEqualTo(plain.size());
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

  @Test
  void idsBeyondLatin1AreKeptWholeNotByTheirLowBytes() {
    SourceIdIndex index = new SourceIdIndex();
    assertThat(index.putIfAbsent("id-A", 1)).isEqualTo(-1);
    assertThat(index.putIfAbsent("id-\u0141", 2)).isEqualTo(-1); // U+0141's low byte is 'A'
    assertThat(index.putIfAbsent("id-\u0141", 3)).isEqualTo(2);
    assertThat(index.putIfAbsent("id-A", 4)).isEqualTo(1);
    assertThat(index.putIfAbsent("\u00e9v\u00e9nement-\ud83d\ude00", 5)).isEqualTo(-1);
    assertThat(index.putIfAbsent("\u00e9v\u00e9nement-\ud83d\ude00", 6)).isEqualTo(5);
    assertThat(index.size()).isEqualTo(3);
  }

  @Test
  void idsWithOneHashCodeStayApartAsTheTableGrowsAndItsFingerprintsShrink() {
    // "Aa" and "BB" have one hash code, so every id made of n such pairs shares it with 2^n - 1 others.
    SourceIdIndex index = new SourceIdIndex();
    List<String> ids = new java.util.ArrayList<>();
    for (int mask = 0; mask < 1 << 10; mask++) {
      StringBuilder id = new StringBuilder();
      for (int bit = 0; bit < 10; bit++) {
        id.append((mask >>> bit & 1) == 0 ? "Aa" : "BB");
      }
      ids.add(id.toString());
    }
    assertThat(ids.stream().map(String::hashCode).distinct()).hasSize(1);
    for (int i = 0; i < 200_000; i++) {
      assertThat(index.putIfAbsent("filler-" + i, i)).isEqualTo(-1);
    }
    for (int i = 0; i < ids.size(); i++) {
      assertThat(index.putIfAbsent(ids.get(i), 1_000_000L + i)).isEqualTo(-1);
    }
    for (int i = 0; i < ids.size(); i++) {
      assertThat(index.putIfAbsent(ids.get(i), 0)).isEqualTo(1_000_000L + i);
    }
    assertThat(index.size()).isEqualTo(200_000 + ids.size());
  }
}
