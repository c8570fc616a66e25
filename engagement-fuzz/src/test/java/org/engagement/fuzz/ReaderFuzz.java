package org.engagement.fuzz;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryCsvReader;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.roi.io.SurveyCsvReader;
import org.engagement.roi.selfreport.SurveyAnswer;

/**
 * Fuzzes the readers of the other modules (costs and survey answers in engagement-roi, repeat-buying
 * summaries in engagement-clv) with the same documents and invariants as the others ({@link ReaderCheck}): no
 * exception but the documented refusal of a broken header, read = accepted + rejected, every good row delivered
 * unchanged, messages in the policy's shape. Odd seeds read the text through a {@link Reader}, even ones the
 * bytes. Costs and survey answers are read within the default limits (their readers take no other policy), so
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
      new CorruptCsv.Column("recency", true, (rnd, row) -> Integer.toString(x(row) == 0 ? 0 : 1 + Cells.mix(row, 3) % age(row))),
      new CorruptCsv.Column("t", true, (rnd, row) -> Integer.toString(age(row))),
      new CorruptCsv.Column("customer_id", true, Cells::id),
      new CorruptCsv.Column("monetary_value", true, (rnd, row) -> x(row) == 0 ? "0" : (1 + Cells.mix(row, 5) % 500) + ".25")),
      3, SUMMARY_POLICY.maxFieldLength(), SUMMARY_POLICY.maxRecordLength());
  private static final String[] ANSWERS = {
    "The newsletter", "a friend told me, then I searched", "saw an ad on \"social\"", "TV\nand radio",
    "no idea", "日本語 😀", "=cmd|calc", "tab\tinside", "line one\r\nline two", ""};
  private static final CorruptCsv SURVEY = new CorruptCsv(List.of(
      new CorruptCsv.Column("customer_id", true, Cells::id),
      new CorruptCsv.Column("answer", false, (rnd, row) -> ANSWERS[rnd.nextInt(ANSWERS.length)])),
      2, 65_536, 1_048_576);

  private static final ReaderCheck.Subject COST_READER = new ReaderCheck.Subject("CostCsvReader", COSTS, 1, true);
  private static final ReaderCheck.Subject SUMMARY_READER =
      new ReaderCheck.Subject("SummaryCsvReader", SUMMARIES, 3, true);
  private static final ReaderCheck.Subject SURVEY_READER = new ReaderCheck.Subject("SurveyCsvReader", SURVEY, 0, true);

  private ReaderFuzz() {}

  private static int x(int row) {
    return Cells.mix(row, 1) % 21;
  }

  private static int age(int row) {
    return 10 + Cells.mix(row, 2) % 90;
  }

  static void costs(long seed, int rows, int percent) throws IOException {
    ReaderCheck.check(COST_READER, seed, rows, percent, (text, bytes, source) -> {
      CostCsvReader reader = CostCsvReader.inCurrency(Currency.getInstance("EUR"));
      CsvImport<Cost> costs = text != null ? reader.read(text, source) : reader.read(requireNonNull(bytes), source);
      Map<String, List<String>> byId = new HashMap<>();
      for (Cost cost : costs.values()) {
        byId.put(cost.channel(), List.of(cost.month().toString(), cost.channel(),
            plain(cost.amount().amount()), cost.amount().currency().getCurrencyCode()));
      }
      return new ReaderCheck.Read(byId, costs.report());
    }, cells -> List.of(cells.get(0), cells.get(1), plain(new BigDecimal(cells.get(2))), cells.get(3)));
  }

  static void summaries(long seed, int rows, int percent) throws IOException {
    ReaderCheck.check(SUMMARY_READER, seed, rows, percent, (text, bytes, source) -> {
      CsvRows csv = text != null ? CsvRows.open(text, ',', SUMMARY_POLICY)
          : CsvRows.open(requireNonNull(bytes), ',', SUMMARY_POLICY);
      SummaryCsvReader.Result result = SummaryCsvReader.read(csv, source, SummaryCsvReader.Domain.REPEAT_BUYING);
      Map<String, List<String>> byId = new HashMap<>();
      for (RepeatBuyingSummary s : result.summaries()) {
        byId.put(s.customerId(), List.of(s.customerId(), Integer.toString(s.frequency()), number(s.recency()),
            number(s.age()), number(s.meanSpend())));
      }
      return new ReaderCheck.Read(byId, result.report());
    }, cells -> List.of(cells.get(3), cells.get(0), number(Double.parseDouble(cells.get(1))),
        number(Double.parseDouble(cells.get(2))), number(Double.parseDouble(cells.get(4)))));
  }

  static void survey(long seed, int rows, int percent) throws IOException {
    ReaderCheck.check(SURVEY_READER, seed, rows, percent, (text, bytes, source) -> {
      CsvImport<SurveyAnswer> answers = text != null ? SurveyCsvReader.read(text, source)
          : SurveyCsvReader.read(requireNonNull(bytes), source);
      Map<String, List<String>> byId = new HashMap<>();
      for (SurveyAnswer answer : answers.values()) {
        byId.put(answer.customerId(), List.of(answer.customerId(), answer.answer()));
      }
      return new ReaderCheck.Read(byId, answers.report());
    }, cells -> List.of(cells.get(0), cells.get(1).strip()));
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  private static String number(double value) {
    return Double.toString(value);
  }
}
