package org.engagement.fuzz;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.roi.mix.LiftTest;
import org.engagement.roi.mix.MixCsv;

/**
 * Fuzzes the marketing mix model's four files ({@link MixCsv}: spend, outcome, lift tests, controls) with the checks of
 * {@link ReaderCheck}. The readers take bytes only, within the default limits, so documents are kept short. Each
 * row's key is unique: the channel of a spend row or a lift test and the control of a control row are the row's id,
 * the period of an outcome row is the row's own week, so the readers' rule "once per period (and channel or
 * control)" never rejects a good row.
 */
final class MixFuzz {
  private static final LocalDate START = LocalDate.of(2020, 1, 6);
  private static final ReaderCheck.Subject SPEND = new ReaderCheck.Subject("MixCsv (spend)", new CorruptCsv(List.of(
      new CorruptCsv.Column("period", true, (rnd, row) -> START.plusWeeks(rnd.nextInt(200)).toString()),
      new CorruptCsv.Column("channel", true, Cells::id),
      new CorruptCsv.Column("spend", true, (rnd, row) -> Cells.decimal(rnd, rnd.nextLong(1_000_000_000L)))),
      3, 65_536, 1_048_576), 1, false);
  private static final ReaderCheck.Subject OUTCOME = new ReaderCheck.Subject("MixCsv (outcome)", new CorruptCsv(
      List.of(new CorruptCsv.Column("period", true, (rnd, row) -> START.minusYears(20).plusWeeks(row).toString()),
          new CorruptCsv.Column("outcome", true, (rnd, row) -> Cells.decimal(rnd,
              rnd.nextLong(2_000_000_000L) - 1_000_000_000L))),
      2, 65_536, 1_048_576), 0, false);
  private static final ReaderCheck.Subject LIFTS = new ReaderCheck.Subject("MixCsv (lift tests)", new CorruptCsv(
      List.of(new CorruptCsv.Column("channel", true, Cells::id),
          new CorruptCsv.Column("from", true, (rnd, row) -> from(row).toString()),
          new CorruptCsv.Column("to", true, (rnd, row) -> from(row).plusWeeks(Cells.mix(row, 2) % 12).toString()),
          new CorruptCsv.Column("incremental", true, (rnd, row) -> Cells.decimal(rnd, incremental(row))),
          new CorruptCsv.Column("low", true, (rnd, row) -> Cells.decimal(rnd,
              incremental(row) - Cells.mix(row, 4) % 100_000)),
          new CorruptCsv.Column("high", true, (rnd, row) -> Cells.decimal(rnd,
              incremental(row) + Cells.mix(row, 5) % 100_000))),
      6, 65_536, 1_048_576), 0, false);
  /** The same with the optional {@code level} column, from 0.50 to 0.99. */
  private static final ReaderCheck.Subject LIFTS_WITH_LEVEL = new ReaderCheck.Subject("MixCsv (lift tests, level)",
      LIFTS.csv().withOptional(new CorruptCsv.Column("level", true,
          (rnd, row) -> Cells.decimal(rnd, 50 + Cells.mix(row, 6) % 50))), 0, false);

  private static final ReaderCheck.Subject CONTROLS = new ReaderCheck.Subject("MixCsv (controls)", new CorruptCsv(
      List.of(new CorruptCsv.Column("period", true, (rnd, row) -> START.plusWeeks(rnd.nextInt(200)).toString()),
          new CorruptCsv.Column("control", true, Cells::id),
          new CorruptCsv.Column("value", true, (rnd, row) -> Cells.decimal(rnd,
              rnd.nextLong(2_000_000L) - 1_000_000L))),
      3, 65_536, 1_048_576), 1, false);

  private MixFuzz() {}

  private static LocalDate from(int row) {
    return START.plusWeeks(Cells.mix(row, 1) % 150);
  }

  /** A lift test's estimate in hundredths, sometimes negative (a channel that hurt). */
  private static long incremental(int row) {
    return Cells.mix(row, 3) % 10_000_000L - 1_000_000;
  }

  static void spend(long seed, int rows, int percent) throws IOException {
    ReaderCheck.check(SPEND, seed, rows, percent, (text, bytes, source) -> {
      CsvImport<MixCsv.SpendRow> read = MixCsv.readSpend(requireNonNull(bytes), source);
      Map<String, List<String>> byChannel = new HashMap<>();
      for (MixCsv.SpendRow row : read.values()) {
        byChannel.put(row.channel(), List.of(row.period().toString(), row.channel(), Double.toString(row.spend())));
      }
      return new ReaderCheck.Read(byChannel, read.report());
    }, cells -> List.of(cells.get(0), cells.get(1), number(cells.get(2))));
  }

  static void outcome(long seed, int rows, int percent) throws IOException {
    ReaderCheck.check(OUTCOME, seed, rows, percent, (text, bytes, source) -> {
      CsvImport<MixCsv.OutcomeRow> read = MixCsv.readOutcome(requireNonNull(bytes), source);
      Map<String, List<String>> byPeriod = new HashMap<>();
      for (MixCsv.OutcomeRow row : read.values()) {
        byPeriod.put(row.period().toString(), List.of(row.period().toString(), Double.toString(row.outcome())));
      }
      return new ReaderCheck.Read(byPeriod, read.report());
    }, cells -> List.of(cells.get(0), number(cells.get(1))));
  }

  /** Lift tests; seeds with bit 4 set have the optional {@code level} column. */
  static void lifts(long seed, int rows, int percent) throws IOException {
    boolean withLevel = (seed & 4) != 0;
    ReaderCheck.check(withLevel ? LIFTS_WITH_LEVEL : LIFTS, seed, rows, percent, (text, bytes, source) -> {
      CsvImport<LiftTest> read = MixCsv.readLifts(requireNonNull(bytes), source);
      Map<String, List<String>> byChannel = new HashMap<>();
      for (LiftTest test : read.values()) {
        List<String> values = new ArrayList<>(List.of(test.channel(), test.from().toString(),
            test.to().toString(), Double.toString(test.incremental()), Double.toString(test.low()),
            Double.toString(test.high())));
        if (withLevel) {
          values.add(Double.toString(test.level()));
        }
        byChannel.put(test.channel(), values);
      }
      return new ReaderCheck.Read(byChannel, read.report());
    }, cells -> {
      List<String> expected = new ArrayList<>(List.of(cells.get(0), cells.get(1), cells.get(2),
          number(cells.get(3)), number(cells.get(4)), number(cells.get(5))));
      if (withLevel) {
        expected.add(number(cells.get(6)));
      }
      return expected;
    });
  }

  static void controls(long seed, int rows, int percent) throws IOException {
    ReaderCheck.check(CONTROLS, seed, rows, percent, (text, bytes, source) -> {
      CsvImport<MixCsv.ControlRow> read = MixCsv.readControls(requireNonNull(bytes), source);
      Map<String, List<String>> byControl = new HashMap<>();
      for (MixCsv.ControlRow row : read.values()) {
        byControl.put(row.control(), List.of(row.period().toString(), row.control(), Double.toString(row.value())));
      }
      return new ReaderCheck.Read(byControl, read.report());
    }, cells -> List.of(cells.get(0), cells.get(1), number(cells.get(2))));
  }

  /** A generated number cell as the reader must give it back: the correctly rounded double. */
  static String number(String cell) {
    return Double.toString(Double.parseDouble(cell));
  }
}
