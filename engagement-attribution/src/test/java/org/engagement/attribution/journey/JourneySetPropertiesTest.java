package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.aggregate.MergeableLaws;
import org.junit.jupiter.api.Test;

class JourneySetPropertiesTest {

  @Provide
  Arbitrary<Rows> rows() {
    return Rows.arbitrary(5);
  }

  /** Rows whose channel names use characters that need quoting, trimming care or are non-ASCII. */
  @Provide
  Arbitrary<Rows> awkwardRows() {
    Arbitrary<String> name = Arbitraries.strings().withChars("ab ,\"';İıé").ofMinLength(1).ofMaxLength(6)
        .map(String::strip).filter(s -> !s.isEmpty());
    Arbitrary<Double> count = Arbitraries.doubles().between(0, 1e6);
    return Combinators.combine(name.list().ofMinSize(1).ofMaxSize(5), count, count, count)
        .as(Rows.Row::new).list().ofMinSize(0).ofMaxSize(10).map(Rows::new);
  }

  @Property
  void writingThenReadingGivesAnEqualSet(@ForAll("awkwardRows") Rows rows) throws IOException {
    JourneySet set = rows.toSet();
    StringWriter out = new StringWriter();
    PathFormat.channelAttribution().write(set, out);
    JourneySet back = PathFormat.channelAttribution().read(new StringReader(out.toString()));
    assertThat(back.channels().names()).isEqualTo(set.channels().names());
    assertThat(content(back)).isEqualTo(content(set));
  }

  @Property
  void mergingTwoHalvesGivesTheWhole(@ForAll("rows") Rows left, @ForAll("rows") Rows right) {
    JourneySet merged = left.toSet().merge(right.toSet());
    JourneySet whole = left.plus(right.rows()).toSet();
    assertThat(merged).isEqualTo(whole);
    assertThat(merged.channels().names()).isEqualTo(whole.channels().names());
    assertThat(content(merged)).isEqualTo(content(whole));
    assertThat(merged.totalConversions()).isEqualTo(whole.totalConversions());
  }

  @Property(tries = 100)
  void pathSetsFollowTheMergeableLaws(@ForAll("rows") Rows a, @ForAll("rows") Rows b, @ForAll("rows") Rows c) {
    MergeableLaws.check(JourneySet.empty(), a.toSet(), b.toSet(), c.toSet());
  }

  @Property(tries = 100)
  void countsSetAsideFollowTheMergeableLaws(@ForAll("rows") Rows a, @ForAll("rows") Rows b, @ForAll("rows") Rows c,
      @ForAll @IntRange(max = 1000) int afterAsOf, @ForAll @IntRange(max = 1000) int outsideLookback) {
    JourneySet withA = JourneySet.builder().addAll(a.toSet()).setAside(new SetAside(afterAsOf, 0, 0, 1)).build();
    JourneySet withB = JourneySet.builder().addAll(b.toSet()).setAside(new SetAside(0, 2, outsideLookback, 0)).build();
    MergeableLaws.check(JourneySet.empty(), withA, withB, c.toSet());
    assertThat(withA.merge(withB).merge(c.toSet()).setAside())
        .isEqualTo(new SetAside(afterAsOf, 2, outsideLookback, 1));
  }

  @Property(tries = 100)
  void setsBuiltPerPartitionEqualTheSetBuiltWholeInAnyMergeOrder(@ForAll("rows") Rows rows, @ForAll long seed) {
    Random random = new Random(seed);
    List<Rows> parts = List.of(new Rows(new ArrayList<>()), new Rows(new ArrayList<>()),
        new Rows(new ArrayList<>()));
    for (Rows.Row row : rows.rows()) {
      parts.get(random.nextInt(3)).rows().add(row);
    }
    JourneySet whole = rows.toSet();
    JourneySet leftFirst = parts.get(0).toSet().merge(parts.get(1).toSet()).merge(parts.get(2).toSet());
    JourneySet rightFirst = parts.get(2).toSet().merge(parts.get(1).toSet().merge(parts.get(0).toSet()));
    assertThat(leftFirst).isEqualTo(whole).isEqualTo(rightFirst);
    assertThat(rows.shuffled(seed).toSet()).isEqualTo(whole);
    assertThat(leftFirst.channels()).isEqualTo(whole.channels());
    for (int p = 1; p < whole.pathCount(); p++) {
      assertThat(Arrays.compare(whole.path(p - 1), whole.path(p))).as("canonical path order").isNegative();
    }
  }

  @Property(tries = 100)
  void channelsAreInLexicographicOrder(@ForAll("awkwardRows") Rows rows) {
    List<String> names = rows.toSet().channels().names();
    assertThat(names).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aSetReadBackFromItsSerialisedFormIsRefusedWhenItBreaksARule() {
    JourneySet set = JourneySet.builder().add(List.of("a", "b"), 1, 2, 3).build();
    byte[] bytes = MergeableLaws.serialize(set);
    // The channel name "a" is serialised once; make it blank.
    int at = indexOf(bytes, new byte[] {0, 1, 'a'});
    bytes[at + 2] = ' ';
    assertThatThrownBy(() -> new ObjectInputStream(new ByteArrayInputStream(bytes)).readObject())
        .isInstanceOf(InvalidObjectException.class).hasMessageContaining("must not be blank");
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  @Property
  void totalsAreTheSumsOfTheRows(@ForAll("rows") Rows rows) {
    JourneySet set = rows.toSet();
    double conversions = rows.rows().stream().mapToDouble(Rows.Row::conversions).sum();
    double nulls = rows.rows().stream().mapToDouble(Rows.Row::nulls).sum();
    assertThat(set.totalConversions()).isEqualTo(conversions);
    assertThat(set.totalNulls()).isEqualTo(nulls);
  }

  static Map<List<String>, List<Double>> content(JourneySet set) {
    Map<List<String>, List<Double>> map = new HashMap<>();
    for (int p = 0; p < set.pathCount(); p++) {
      map.put(set.pathNames(p), List.of(set.conversions(p), set.value(p), set.nulls(p)));
    }
    return map;
  }
}
