package org.engagement.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryCsvReader;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.roi.io.SurveyCsvReader;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.jspecify.annotations.Nullable;

/**
 * Fuzzes the readers of the other modules (costs and survey answers in engagement-roi, repeat-buying
 * summaries in engagement-clv) with the same documents and invariants as the others: no exception but the
 * documented refusal of a broken header, read = accepted + rejected, every good row delivered unchanged,
 * messages in the policy's shape. Odd seeds read the text through a {@link Reader}, even ones the bytes.
 * Costs and survey answers are read within the default limits (their readers take no other policy), so
 * their documents are kept short: each field over the limit is some 100,000 characters.
 */
final class ReaderFuzz {
  private static final CorruptCsv COSTS = new CorruptCsv(List.of(
      new CorruptCsv.Column("month", true, (rnd, row) -> String.format(java.util.Locale.ROOT, "20%02d-%02d",
          10 + rnd.nextInt(20), 1 + rnd.nextInt(12))),
      new CorruptCsv.Column("channel", true, Cells::id),
      new CorruptCsv.Column("amount", true, (rnd, row) -> rnd.nextInt(1_000_000) + "." + rnd.nextInt(10)
          + rnd.nextInt(10)),
      new CorruptCsv.Column("currency", true, (rnd, row) -> "EUR")), 4, 65_536, 1_048_576);
  private static final CsvPolicy SUMMARY_POLICY = new CsvPolicy(200, 1_000);
  private static final CorruptCsv SUMMARIES = new CorruptCsv(List.of(
      new CorruptCsv.Column("frequency", true, (rnd, row) -> Integer.toString(x(row))),
      new CorruptCsv.Column("recency", true, (rnd, row) -> Integer.toString(x(row) == 0 ? 0 : 1 + mix(row, 3) % age(row))),
      new CorruptCsv.Column("t", true, (rnd, row) -> Integer.toString(age(row))),
      new CorruptCsv.Column("customer_id", true, Cells::id),
      new CorruptCsv.Column("monetary_value", true, (rnd, row) -> x(row) == 0 ? "0" : (1 + mix(row, 5) % 500) + ".25")),
      3, SUMMARY_POLICY.maxFieldLength(), SUMMARY_POLICY.maxRecordLength());
  private static final String[] ANSWERS = {
    "The newsletter", "a friend told me, then I searched", "saw an ad on \"social\"", "TV\nand radio",
    "no idea", "日本語 😀", "=cmd|calc", "tab\tinside", "line one\r\nline two", ""};
  private static final CorruptCsv SURVEY = new CorruptCsv(List.of(
      new CorruptCsv.Column("customer_id", true, Cells::id),
      new CorruptCsv.Column("answer", false, (rnd, row) -> ANSWERS[rnd.nextInt(ANSWERS.length)])),
      2, 65_536, 1_048_576);

  private ReaderFuzz() {}

  private static int mix(int row, int salt) {
    int h = row * 0x9E3779B1 + salt * 0x85EBCA6B;
    h ^= h >>> 15;
    return (h * 0x2C1B3C6D) >>> 1;
  }

  private static int x(int row) {
    return mix(row, 1) % 21;
  }

  private static int age(int row) {
    return 10 + mix(row, 2) % 90;
  }

  /** What a reader gave: accepted rows by id, in the generator's cell form, and the report. */
  private record Read(Map<String, List<String>> byId, ImportReport report) {}

  /** One of a reader's two entry points, over the text or over the bytes. */
  private interface TableReader {
    Read read(@Nullable Reader text, @Nullable InputStream bytes, String source) throws IOException;
  }

  static void costs(long seed, int rows, int percent) throws IOException {
    check("CostCsvReader", COSTS, 1, seed, rows, percent, (text, bytes, source) -> {
      CostCsvReader reader = CostCsvReader.inCurrency(Currency.getInstance("EUR"));
      CsvImport<Cost> costs = text != null ? reader.read(text, source) : reader.read(requireNonNull(bytes), source);
      Map<String, List<String>> byId = new HashMap<>();
      for (Cost cost : costs.values()) {
        byId.put(cost.channel(), List.of(cost.month().toString(), cost.channel(),
            plain(cost.amount().amount()), cost.amount().currency().getCurrencyCode()));
      }
      return new Read(byId, costs.report());
    }, cells -> List.of(cells.get(0), cells.get(1), plain(new BigDecimal(cells.get(2))), cells.get(3)));
  }

  static void summaries(long seed, int rows, int percent) throws IOException {
    check("SummaryCsvReader", SUMMARIES, 3, seed, rows, percent, (text, bytes, source) -> {
      CsvRows csv = text != null ? CsvRows.open(text, ',', SUMMARY_POLICY)
          : CsvRows.open(requireNonNull(bytes), ',', SUMMARY_POLICY);
      SummaryCsvReader.Result result = SummaryCsvReader.read(csv, source, SummaryCsvReader.Domain.REPEAT_BUYING);
      Map<String, List<String>> byId = new HashMap<>();
      for (RepeatBuyingSummary s : result.summaries()) {
        byId.put(s.customerId(), List.of(s.customerId(), Integer.toString(s.frequency()), number(s.recency()),
            number(s.age()), number(s.meanSpend())));
      }
      return new Read(byId, result.report());
    }, cells -> List.of(cells.get(3), cells.get(0), number(Double.parseDouble(cells.get(1))),
        number(Double.parseDouble(cells.get(2))), number(Double.parseDouble(cells.get(4)))));
  }

  static void survey(long seed, int rows, int percent) throws IOException {
    check("SurveyCsvReader", SURVEY, 0, seed, rows, percent, (text, bytes, source) -> {
      CsvImport<SurveyAnswer> answers = text != null ? SurveyCsvReader.read(text, source)
          : SurveyCsvReader.read(requireNonNull(bytes), source);
      Map<String, List<String>> byId = new HashMap<>();
      for (SurveyAnswer answer : answers.values()) {
        byId.put(answer.customerId(), List.of(answer.customerId(), answer.answer()));
      }
      return new Read(byId, answers.report());
    }, cells -> List.of(cells.get(0), cells.get(1).strip()));
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  private static String number(double value) {
    return Double.toString(value);
  }

  private static void check(String name, CorruptCsv csv, int idColumn, long seed, int rows, int percent,
      TableReader reader, java.util.function.UnaryOperator<List<String>> expected) throws IOException {
    CorruptCsv.Doc doc = csv.build(seed, rows, percent, 5);
    FuzzCount.add(name, doc);
    String source = name + ".csv";
    boolean text = (seed & 1) != 0;
    if (doc.headerRefused()) {
      assertThatThrownBy(() -> read(reader, doc, text, source)).isInstanceOf(InvalidSourceException.class);
      return;
    }
    Read read = read(reader, doc, text, source);
    ImportReport report = read.report();
    assertThat(report.failure()).as("stopped early").isNull();
    assertThat(report.read()).isEqualTo(report.accepted() + report.rejected() + report.duplicates());
    assertThat(report.read()).isBetween((long) doc.good().size(), doc.lines() - 1);
    Map<Long, Rejection> rejected = new HashMap<>();
    for (Rejection rejection : report.rejections()) {
      rejected.put(rejection.position().line(), rejection);
      Messages.checkShape(rejection.message(source), source, rejection.position().line());
    }
    Set<String> goodIds = new HashSet<>();
    doc.good().forEach(good -> goodIds.add(good.cells().get(idColumn)));
    for (CorruptCsv.Good good : doc.good()) {
      assertThat(rejected.get(good.line())).as("good row %d on line %d rejected%n%s", good.index(), good.line(),
          doc.around(good.line())).isNull();
      List<String> got = read.byId().get(good.cells().get(idColumn));
      if (got == null && insideAcceptedText(read.byId(), goodIds, good.cells().get(idColumn))) {
        Swallowed.inAcceptedText();
        continue;
      }
      assertThat(got).as("good row %d on line %d%n%s", good.index(), good.line(), doc.around(good.line()))
          .isEqualTo(expected.apply(good.cells()));
    }
  }

  private static Read read(TableReader reader, CorruptCsv.Doc doc, boolean text, String source) throws IOException {
    return text ? reader.read(new StringReader(new String(doc.bytes(), UTF_8)), null, source)
        : reader.read(null, new ByteArrayInputStream(doc.bytes()), source);
  }

  /**
   * Whether the good row with {@code id} is inside a cell of an accepted row that is not a good one: two stray
   * quotes in corrupted rows that made one valid multi-line field (the ids, {@code s<row>z}, occur in no other
   * generated text, so finding one there is proof).
   */
  private static boolean insideAcceptedText(Map<String, List<String>> byId, Set<String> goodIds, String id) {
    return byId.entrySet().stream().anyMatch(e -> !goodIds.contains(e.getKey())
        && e.getValue().stream().anyMatch(cell -> cell.contains(id)));
  }
}
