package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
    assertThat(merged.channels().names()).isEqualTo(whole.channels().names());
    assertThat(content(merged)).isEqualTo(content(whole));
    assertThat(merged.totalConversions()).isEqualTo(whole.totalConversions());
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
