package org.engagement.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * The checks every table reader of another module takes in the fuzz suite, whatever it reads: no exception but
 * the documented refusal of a broken header, read = accepted + rejected, every rejection in the policy's message
 * shape, every good row delivered unchanged (or proven inside an accepted record's multi-line text, see
 * {@link Swallowed}). A reader with an entry for a {@link Reader} reads odd seeds through it, even ones from the
 * bytes; one without always reads the bytes.
 */
final class ReaderCheck {
  /**
   * The longest rule a rejection may state: rules name their bounds and at most a cut value (such as {@code must
   * be a finite number not below 0}), never a value or a bound written out in hundreds of digits.
   */
  static final int MAX_RULE = 200;

  private ReaderCheck() {}

  /**
   * A reader under test.
   *
   * @param name the reader's name in the counts; its documents are called {@code name.csv}
   * @param csv the generator of its documents
   * @param keyColumn the generator's column that tells rows apart (unique per generated row, in no other text)
   * @param readsText whether the reader has an entry for a {@link Reader}
   */
  record Subject(String name, CorruptCsv csv, int keyColumn, boolean readsText) {}

  /** What a reader gave: accepted rows by key, in the generator's cell form, and the report. */
  record Read(Map<String, List<String>> byKey, ImportReport report) {}

  /** A reader's entries: the text is given to one that reads text, the bytes otherwise. */
  @FunctionalInterface
  interface TableReader {
    Read read(@Nullable Reader text, @Nullable InputStream bytes, String source) throws IOException;
  }

  /**
   * Builds the document of {@code seed}, reads it and checks it.
   *
   * @param expected a good row's cells (in schema order) as {@code reader} gives them back in {@link Read#byKey}
   */
  static void check(Subject subject, long seed, int rows, int percent, TableReader reader,
      UnaryOperator<List<String>> expected) throws IOException {
    CorruptCsv.Doc doc = subject.csv().build(seed, rows, percent, 5);
    FuzzCount.add(subject.name(), doc);
    String source = subject.name() + ".csv";
    boolean text = subject.readsText() && (seed & 1) != 0;
    if (doc.headerRefused()) {
      assertThatThrownBy(() -> read(reader, doc, text, source)).isInstanceOf(InvalidSourceException.class);
      return;
    }
    Read read = read(reader, doc, text, source);
    Map<Long, Rejection> rejected = checkAccounts(doc, read.report(), source);
    int key = subject.keyColumn();
    Set<String> goodKeys = new HashSet<>();
    doc.good().forEach(good -> goodKeys.add(good.cells().get(key)));
    for (CorruptCsv.Good good : doc.good()) {
      assertThat(rejected.get(good.line())).as("good row %d on line %d rejected%n%s", good.index(), good.line(),
          doc.around(good.line())).isNull();
      List<String> got = read.byKey().get(good.cells().get(key));
      if (got == null && insideAcceptedText(read.byKey(), goodKeys, good.cells().get(key))) {
        Swallowed.inAcceptedText();
        continue;
      }
      assertThat(got).as("good row %d on line %d%n%s", good.index(), good.line(), doc.around(good.line()))
          .isEqualTo(expected.apply(good.cells()));
    }
  }

  /**
   * read = accepted + rejected, nothing stopped early, every rejection counted once, in the policy's shape and
   * with a rule of at most {@value #MAX_RULE} characters; returns the retained rejections by line.
   */
  private static Map<Long, Rejection> checkAccounts(CorruptCsv.Doc doc, ImportReport report, String source) {
    assertThat(report.failure()).as("stopped early").isNull();
    assertThat(report.read()).isEqualTo(report.accepted() + report.rejected() + report.duplicates());
    assertThat(report.read()).isBetween((long) doc.good().size(), doc.lines() - 1);
    assertThat(report.rejections().size() + report.rejectionsNotRetained()).isEqualTo(report.rejected());
    Map<Long, Rejection> rejected = new HashMap<>();
    for (Rejection rejection : report.rejections()) {
      assertThat(rejection.position().line()).isBetween(2L, doc.lines());
      rejected.put(rejection.position().line(), rejection);
      Messages.checkShape(rejection.message(source), source, rejection.position().line());
      assertThat(rejection.reason()).as("a rule a person can read").hasSizeLessThanOrEqualTo(MAX_RULE);
    }
    return rejected;
  }

  private static Read read(TableReader reader, CorruptCsv.Doc doc, boolean text, String source) throws IOException {
    return text ? reader.read(new StringReader(new String(doc.bytes(), UTF_8)), null, source)
        : reader.read(null, new ByteArrayInputStream(doc.bytes()), source);
  }

  /**
   * Whether the good row with {@code key} is inside a multi-line cell of an accepted row that is not a good one:
   * two stray quotes in corrupted rows that made one valid multi-line field (the keys, such as {@code s<row>z},
   * occur in no other generated text, so finding one there is proof).
   */
  private static boolean insideAcceptedText(Map<String, List<String>> byKey, Set<String> goodKeys, String key) {
    return byKey.entrySet().stream().anyMatch(e -> !goodKeys.contains(e.getKey())
        && e.getValue().stream().anyMatch(cell -> cell.contains(key)
            && (cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0)));
  }
}
