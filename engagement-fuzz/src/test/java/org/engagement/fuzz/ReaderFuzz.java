package org.engagement.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryCsvReader;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.io.CostCsvReader;

/**
 * Fuzzes the readers that are being moved onto the reading policy (costs, repeat-buying summaries) with the
 * same documents and invariants as the others: no exception but the documented refusal of a broken header,
 * read = accepted + rejected, every good row delivered unchanged, messages in the policy's shape.
 */
final class OffPolicyFuzz {
  private static final CorruptCsv COSTS = new CorruptCsv(List.of(
      new CorruptCsv.Column("month", true, (rnd, row) -> String.format(java.util.Locale.ROOT, "20%02d-%02d",
          10 + rnd.nextInt(20), 1 + rnd.nextInt(12))),
      new CorruptCsv.Column("channel", true, Cells::id),
      new CorruptCsv.Column("amount", true, (rnd, row) -> rnd.nextInt(1_000_000) + "." + rnd.nextInt(10)
          + rnd.nextInt(10)),
      new CorruptCsv.Column("currency", true, (rnd, row) -> "EUR")), 4, 65_536, 1_048_576);
  private static final CorruptCsv SUMMARIES = new CorruptCsv(List.of(
      new CorruptCsv.Column("frequency", true, (rnd, row) -> Integer.toString(x(row))),
      new CorruptCsv.Column("recency", true, (rnd, row) -> Integer.toString(x(row) == 0 ? 0 : 1 + mix(row, 3) % age(row))),
      new CorruptCsv.Column("t", true, (rnd, row) -> Integer.toString(age(row))),
      new CorruptCsv.Column("customer_id", true, Cells::id),
      new CorruptCsv.Column("monetary_value", true, (rnd, row) -> x(row) == 0 ? "0" : (1 + mix(row, 5) % 500) + ".25")),
      3, 65_536, 1_048_576);

  private OffPolicyFuzz() {}

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

  private interface TableReader {
    Read read(Reader input, String source) throws IOException;
  }

  static void costs(long seed, int rows, int percent) throws IOException {
    check("CostCsvReader", COSTS, 1, seed, rows, percent, (input, source) -> {
      CsvImport<Cost> costs = CostCsvReader.inCurrency(Currency.getInstance("EUR")).read(input, source);
      Map<String, List<String>> byId = new HashMap<>();
      for (Cost cost : costs.values()) {
        byId.put(cost.channel(), List.of(cost.month().toString(), cost.channel(),
            plain(cost.amount().amount()), cost.amount().currency().getCurrencyCode()));
      }
      return new Read(byId, costs.report());
    }, cells -> List.of(cells.get(0), cells.get(1), plain(new BigDecimal(cells.get(2))), cells.get(3)));
  }

  static void summaries(long seed, int rows, int percent) throws IOException {
    check("SummaryCsvReader", SUMMARIES, 3, seed, rows, percent, (input, source) -> {
      SummaryCsvReader.Result result = SummaryCsvReader.read(input, source);
      Map<String, List<String>> byId = new HashMap<>();
      for (RepeatBuyingSummary s : result.summaries()) {
        byId.put(s.customerId(), List.of(s.customerId(), Integer.toString(s.frequency()), number(s.recency()),
            number(s.age()), number(s.meanSpend())));
      }
      return new Read(byId, result.report());
    }, cells -> List.of(cells.get(3), cells.get(0), number(Double.parseDouble(cells.get(1))),
        number(Double.parseDouble(cells.get(2))), number(Double.parseDouble(cells.get(4)))));
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
    if (doc.headerRefused()) {
      assertThatThrownBy(() -> reader.read(new StringReader(new String(doc.bytes(), UTF_8)), source))
          .isInstanceOf(InvalidSourceException.class);
      return;
    }
    Read read = reader.read(new StringReader(new String(doc.bytes(), UTF_8)), source);
    ImportReport report = read.report();
    assertThat(report.failure()).as("stopped early").isNull();
    assertThat(report.read()).isEqualTo(report.accepted() + report.rejected() + report.duplicates());
    assertThat(report.read()).isBetween((long) doc.good().size(), doc.lines() - 1);
    Map<Long, Rejection> rejected = new HashMap<>();
    for (Rejection rejection : report.rejections()) {
      rejected.put(rejection.position().line(), rejection);
      Messages.checkShape(rejection.message(source), source, rejection.position().line());
    }
    for (CorruptCsv.Good good : doc.good()) {
      assertThat(rejected.get(good.line())).as("good row %d on line %d rejected%n%s", good.index(), good.line(),
          doc.around(good.line())).isNull();
      assertThat(read.byId().get(good.cells().get(idColumn))).as("good row %d on line %d%n%s", good.index(),
          good.line(), doc.around(good.line())).isEqualTo(expected.apply(good.cells()));
    }
  }
}
