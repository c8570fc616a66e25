package org.engagement.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * The smallest inputs, found by the fuzz suite, on which {@link CsvRows} as first merged did not resynchronise
 * and lost a good row inside a broken record before it: a quoted field spanning lines in a record with another
 * fault. Fixed in {@code CsvRows} (regression test in engagement-core's {@code CsvRowsTest}); kept here through
 * {@link CsvTable}, the path every table reader takes.
 */
class CsvRowsResyncReproducersTest {

  /**
   * A quote opened on line 2 is closed by a stray quote on line 4, and that record has a NUL: its first fault
   * is the control character, so the record is rejected whole and never reconsidered as a stray quote (as a
   * record that the parser rejects would be), and line 3 is lost.
   */
  @Example
  void aFaultyRecordWhoseQuoteSpansLinesIsCutAtTheQuotesLine() throws IOException {
    Map<Long, List<String>> rows = read("id,word\na,\"x\ngood,1\nc\u0000\",d\n", CsvPolicy.defaults());
    assertThat(rows).containsEntry(3L, List.of("good", "1"));
  }

  /** The same with bytes that are not UTF-8 in place of the NUL (seen as U+FFFD through a Reader). */
  @Example
  void aRecordWithBadTextWhoseQuoteSpansLinesIsCutAtTheQuotesLine() throws IOException {
    Map<Long, List<String>> rows = read("id,word\na,\"x\ngood,1\nc\uFFFD\",d\n", CsvPolicy.defaults());
    assertThat(rows).containsEntry(3L, List.of("good", "1"));
  }

  private static Map<Long, List<String>> read(String text, CsvPolicy policy) throws IOException {
    Map<Long, List<String>> rows = new HashMap<>();
    ImportReport report = CsvTable.stream(CsvRows.open(new StringReader(text), ',', policy), "r.csv",
        CsvTable.HeaderRule.requiring(List.of("id", "word")),
        row -> Map.entry(row.position().line(), List.of(row.get("id"), row.get("word"))),
        entry -> rows.put(entry.getKey(), entry.getValue()));
    assertThat(report.read()).isEqualTo(report.accepted() + report.rejected());
    return rows;
  }
}
