package org.engagement.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Splitter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.PathFormat;
import org.engagement.attribution.journey.PathFormatException;
import org.engagement.core.ingest.csv.CsvPolicy;

/**
 * Fuzzes {@link PathFormat}: a path file is used whole or not at all, so a document with a rejected row must
 * be refused naming a row that is not a good one and counting no good row among the invalid ones, and a
 * document without must come back with every good path.
 */
final class PathFuzz {
  static final String SOURCE = "paths.csv";
  private static final PathFormat FORMAT = PathFormat.channelAttribution().withPolicy(new CsvPolicy(200, 1_000));
  private static final String[] CHANNELS = {"email", "Paid Search", "social", "日本", "d-i-s-p-l-a-y", "ıİ"};
  private static final CorruptCsv CSV = new CorruptCsv(List.of(
      new CorruptCsv.Column("path", true, PathFuzz::path),
      new CorruptCsv.Column("total_conversions", true, PathFuzz::count),
      new CorruptCsv.Column("total_conversion_value", true, Cells::amount),
      new CorruptCsv.Column("total_null", true, PathFuzz::count)), 2, 200, 1_000);

  private PathFuzz() {}

  private static String path(SplittableRandom rnd, int row) {
    StringBuilder sb = new StringBuilder();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      sb.append(CHANNELS[rnd.nextInt(CHANNELS.length)]).append(rnd.nextBoolean() ? " > " : ">");
    }
    return sb.append(Cells.id(rnd, row)).toString();
  }

  private static String count(SplittableRandom rnd, int row) {
    return rnd.nextInt(5) == 0 ? rnd.nextInt(100) + ".5" : Integer.toString(rnd.nextInt(1_000_000));
  }

  /** Builds a document from the seed, reads it and checks the outcome. */
  static void check(long seed, int rows, int percent, int headerPercent) throws IOException {
    CorruptCsv.Doc doc = CSV.build(seed, rows, percent, headerPercent);
    FuzzCount.add("PathFormat", doc);
    Set<Long> goodLines = new HashSet<>();
    doc.good().forEach(good -> goodLines.add(good.line()));
    JourneySet set;
    try {
      set = FORMAT.read(new ByteArrayInputStream(doc.bytes()), SOURCE);
    } catch (PathFormatException refused) {
      assertThat(refused.getMessage()).startsWith(SOURCE + ":" + refused.line() + ": ");
      assertThat(Messages.hasRawControl(refused.getMessage())).as(refused.getMessage()).isFalse();
      if (refused.rows() == 0) {
        assertThat(doc.headerRefused()).as("refused as a whole: %s", refused.getMessage()).isTrue();
        return;
      }
      assertThat(doc.headerRefused()).as("header refused, yet rows read: %s", refused.getMessage()).isFalse();
      assertThat(refused.rows()).isLessThanOrEqualTo(doc.lines() - 1);
      assertThat(refused.invalidRows()).isBetween(1L, refused.rows());
      assertThat(refused.rows()).as("rows read, good rows %s", doc.good().size())
          .isGreaterThanOrEqualTo(doc.good().size());
      assertThat(refused.invalidRows()).as("invalid rows, good rows %s", doc.good().size())
          .isLessThanOrEqualTo(refused.rows() - doc.good().size());
      assertThat(goodLines).as("the first invalid row named is a good one: %s%n%s", refused.getMessage(),
          doc.around(refused.line())).doesNotContain(refused.line());
      return;
    }
    assertThat(doc.headerRefused()).as("a refused header was read").isFalse();
    Map<List<String>, Integer> byPath = new HashMap<>();
    for (int p = 0; p < set.pathCount(); p++) {
      byPath.put(set.pathNames(p), p);
    }
    for (CorruptCsv.Good good : doc.good()) {
      List<String> names = Splitter.on('>').trimResults().splitToList(good.cells().get(0));
      Integer p = byPath.get(names);
      assertThat(p).as("good row %d on line %d read%n%s", good.index(), good.line(), doc.around(good.line()))
          .isNotNull();
      assertThat(set.conversions(p)).isEqualTo(Double.parseDouble(good.cells().get(1)));
      assertThat(set.value(p)).isEqualTo(Double.parseDouble(good.cells().get(2)));
      assertThat(set.nulls(p)).isEqualTo(Double.parseDouble(good.cells().get(3)));
    }
    if (doc.corrupted() == 0) {
      assertThat(set.pathCount()).isEqualTo(doc.good().size());
    }
  }

}
