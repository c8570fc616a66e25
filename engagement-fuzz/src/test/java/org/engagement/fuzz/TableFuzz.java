package org.engagement.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * Fuzzes {@link CsvTable} over {@link CsvRows}, the reading every table format of the SDK is built on, with a
 * strict row parser (every column has a syntax, none takes a line break), from bytes or from a
 * {@link java.io.Reader}.
 */
final class TableFuzz {
  static final CsvPolicy POLICY = new CsvPolicy(200, 1_000);
  static final String SOURCE = "fuzz.csv";
  private static final List<String> NAMES = List.of("id", "word", "count", "amount");
  private static final CorruptCsv CSV = new CorruptCsv(List.of(
      new CorruptCsv.Column("id", true, Cells::id),
      new CorruptCsv.Column("word", true, Cells::word),
      new CorruptCsv.Column("count", true, Cells::count),
      new CorruptCsv.Column("amount", true, Cells::amount)), 4, POLICY.maxFieldLength(), POLICY.maxRecordLength());

  private TableFuzz() {}

  /** One accepted row: where, and its cells in schema order. */
  private record Value(long record, long line, List<String> cells) {}

  /** Builds a document from the seed, reads it and checks every invariant. */
  static void check(long seed, int rows, int percent, int headerPercent, boolean fromBytes) throws IOException {
    CorruptCsv.Doc doc = CSV.build(seed, rows, percent, headerPercent);
    FuzzCount.add(fromBytes ? "CsvTable (bytes)" : "CsvTable (Reader)", doc);
    CsvRows csv = fromBytes
        ? CsvRows.open(new ByteArrayInputStream(doc.bytes()), ',', POLICY)
        : CsvRows.open(new StringReader(new String(doc.bytes(), UTF_8)), ',', POLICY);
    List<Value> accepted = new ArrayList<>();
    if (doc.headerRefused()) {
      assertThatThrownBy(() -> CsvTable.stream(csv, SOURCE, CsvTable.HeaderRule.requiring(NAMES),
          TableFuzz::parse, accepted::add)).isInstanceOf(InvalidSourceException.class);
      return;
    }
    ImportReport report = CsvTable.stream(csv, SOURCE, CsvTable.HeaderRule.requiring(NAMES), TableFuzz::parse,
        accepted::add);
    Map<Long, Value> byLine = new HashMap<>();
    for (Value value : accepted) {
      assertThat(byLine.put(value.line(), value)).as("two records on line %d", value.line()).isNull();
    }
    checkAccounts(doc, report, accepted);
    TreeMap<Long, Boolean> acceptedByLine = new TreeMap<>();
    accepted.forEach(value -> acceptedByLine.put(value.line(), true));
    report.rejections().forEach(rejection -> acceptedByLine.put(rejection.position().line(), false));
    for (CorruptCsv.Good good : doc.good()) {
      Value value = byLine.get(good.line());
      Map.Entry<Long, Boolean> before = acceptedByLine.lowerEntry(good.line());
      if (value == null && !acceptedByLine.containsKey(good.line()) && before != null && !before.getValue()
          && report.rejectionsNotRetained() == 0) {
        Swallowed.inRejected(good.line(), before.getKey(), doc.around(good.line()));
        continue;
      }
      assertThat(value).as("good row %d on line %d delivered; rejections there: %s%n%s", good.index(), good.line(),
          rejectionsAt(report, good.line()), doc.around(good.line())).isNotNull();
      assertThat(value.cells()).as("good row %d on line %d unchanged%n%s", good.index(), good.line(),
          doc.around(good.line())).isEqualTo(good.cells());
    }
  }

  /**
   * read = accepted + rejected; every record read is accounted exactly once, in order (record numbers 1 to
   * read, lines increasing); every rejection has the policy's message shape.
   */
  static void checkAccounts(CorruptCsv.Doc doc, ImportReport report, List<Value> accepted) {
    assertThat(report.read()).isEqualTo(report.accepted() + report.rejected() + report.duplicates());
    assertThat(report.duplicates()).isZero();
    assertThat(report.failure()).isNull();
    assertThat(report.accepted()).isEqualTo(accepted.size());
    assertThat(report.rejections().size() + report.rejectionsNotRetained()).isEqualTo(report.rejected());
    assertThat(report.read()).isBetween((long) doc.good().size(), doc.lines() - 1);
    if (report.rejectionsNotRetained() > 0) {
      report.rejections().forEach(r -> Messages.checkShape(r.message(SOURCE), SOURCE, r.position().line()));
      return;
    }
    TreeMap<Long, Long> lineByRecord = new TreeMap<>();
    for (Value value : accepted) {
      assertThat(lineByRecord.put(value.record(), value.line())).isNull();
    }
    for (Rejection rejection : report.rejections()) {
      assertThat(lineByRecord.put(rejection.position().record(), rejection.position().line()))
          .as("record %d both accepted and rejected", rejection.position().record()).isNull();
      Messages.checkShape(rejection.message(SOURCE), SOURCE, rejection.position().line());
    }
    assertThat(lineByRecord).hasSize((int) report.read());
    long previous = 1;
    for (Map.Entry<Long, Long> entry : lineByRecord.entrySet()) {
      assertThat(entry.getValue()).as("line of record %d", entry.getKey()).isGreaterThan(previous);
      previous = entry.getValue();
    }
    if (!lineByRecord.isEmpty()) {
      assertThat(lineByRecord.lastKey()).isEqualTo(report.read());
      assertThat(lineByRecord.lastEntry().getValue()).isLessThanOrEqualTo(doc.lines());
    }
  }

  private static List<String> rejectionsAt(ImportReport report, long line) {
    return report.rejections().stream().filter(r -> r.position().line() == line)
        .map(r -> r.message(SOURCE)).toList();
  }

  private static Value parse(CsvTable.Row row) {
    String id = row.require("id");
    if (!id.matches("s[0-9]+z")) {
      throw new InvalidFieldException("id", id, "must be s, digits, z");
    }
    String word = row.require("word");
    if (word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) {
      throw new InvalidFieldException("word", word, "must be on one line");
    }
    row.wholeNumber("count", 0, 1_000_000_000);
    row.number("amount", 0, 1e12);
    return new Value(row.position().record(), row.position().line(),
        List.of(id, word, row.get("count"), row.get("amount")));
  }
}
