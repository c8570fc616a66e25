package org.engagement.fuzz;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.engagement.attribution.calibration.LiftCsvReader;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.roi.io.HoldoutCsvReader;

/**
 * Fuzzes the readers of experiments' results with the checks of {@link ReaderCheck}: the lift results that
 * calibrate attribution ({@link LiftCsvReader}: odd seeds through its {@link java.io.Reader} entry, even ones
 * through the bytes, every other one of those checking the channels against the journeys') and the people of
 * randomised holdouts ({@link HoldoutCsvReader}, bytes only). Both reject a row that repeats an earlier one; each
 * generated row's channel (lifts) or person (holdouts) is the row's own id, so no good row is a repeat.
 */
final class CalibrationFuzz {
  private static final ReaderCheck.Subject LIFTS = new ReaderCheck.Subject("LiftCsvReader", new CorruptCsv(List.of(
      new CorruptCsv.Column("channel", true, Cells::id),
      new CorruptCsv.Column("incremental_conversions", true, (rnd, row) -> Cells.decimal(rnd, estimate(row))),
      new CorruptCsv.Column("low", true, (rnd, row) -> Cells.decimal(rnd, estimate(row) - Cells.mix(row, 2) % 50_000)),
      new CorruptCsv.Column("high", true, (rnd, row) -> Cells.decimal(rnd,
          estimate(row) + Cells.mix(row, 3) % 50_000))),
      4, 65_536, 1_048_576), 0, true);
  /** The same with the optional {@code level} column, from 0.01 to 0.99. */
  private static final ReaderCheck.Subject LIFTS_WITH_LEVEL = new ReaderCheck.Subject("LiftCsvReader (level)",
      LIFTS.csv().withOptional(new CorruptCsv.Column("level", true,
          (rnd, row) -> Cells.decimal(rnd, Cells.mix(row, 4) % 99 + 1))), 0, true);
  private static final String[] CHANNELS = {
    "email", "Paid Search", "social,organic", "say \"hi\"", "日本", "ıİ", "tab\there", "d-i-s-p-l-a-y"};
  private static final ReaderCheck.Subject HOLDOUTS = new ReaderCheck.Subject("HoldoutCsvReader", new CorruptCsv(
      List.of(new CorruptCsv.Column("customer_id", true, Cells::id),
          new CorruptCsv.Column("channel", true, (rnd, row) -> CHANNELS[rnd.nextInt(CHANNELS.length)])),
      2, 65_536, 1_048_576), 0, false);

  private CalibrationFuzz() {}

  /** A lift's estimate in hundredths of a conversion, sometimes negative. */
  private static long estimate(int row) {
    return Cells.mix(row, 1) % 1_000_000L - 100_000;
  }

  /**
   * Lift results: seeds with bit 2 set check the channels against the journeys', seeds with bit 4 set have the
   * optional {@code level} column.
   */
  static void lifts(long seed, int rows, int percent) throws IOException {
    boolean withJourneys = (seed & 2) != 0;
    boolean withLevel = (seed & 4) != 0;
    ReaderCheck.check(withLevel ? LIFTS_WITH_LEVEL : LIFTS, seed, rows, percent, (text, bytes, source) -> {
      CsvImport<LiftResult> read = text != null ? LiftCsvReader.read(text, source)
          : withJourneys ? LiftCsvReader.read(requireNonNull(bytes), source, everyId(rows))
          : LiftCsvReader.read(requireNonNull(bytes), source);
      Map<String, List<String>> byChannel = new HashMap<>();
      for (LiftResult lift : read.values()) {
        List<String> values = new ArrayList<>(List.of(lift.channel(), Double.toString(lift.incrementalConversions()),
            Double.toString(lift.low()), Double.toString(lift.high())));
        if (withLevel) {
          values.add(Double.toString(lift.level()));
        }
        byChannel.put(lift.channel(), values);
      }
      return new ReaderCheck.Read(byChannel, read.report());
    }, cells -> {
      List<String> expected = new ArrayList<>(List.of(cells.get(0), MixFuzz.number(cells.get(1)),
          MixFuzz.number(cells.get(2)), MixFuzz.number(cells.get(3))));
      if (withLevel) {
        expected.add(MixFuzz.number(cells.get(4)));
      }
      return expected;
    });
  }

  /** The journeys' channels: the id of every generated row, so a good row's channel is always one of them. */
  private static ChannelIndex everyId(int rows) {
    List<String> ids = new ArrayList<>(rows);
    for (int row = 0; row < rows; row++) {
      ids.add(Cells.id(new SplittableRandom(row), row));
    }
    return ChannelIndex.of(ids);
  }

  static void holdouts(long seed, int rows, int percent) throws IOException {
    ReaderCheck.check(HOLDOUTS, seed, rows, percent, (text, bytes, source) -> {
      CsvImport<HoldoutCsvReader.HeldOut> read = HoldoutCsvReader.read(requireNonNull(bytes), source);
      Map<String, List<String>> byCustomer = new HashMap<>();
      for (HoldoutCsvReader.HeldOut held : read.values()) {
        byCustomer.put(held.customerId(), List.of(held.customerId(), held.channel()));
      }
      return new ReaderCheck.Read(byCustomer, read.report());
    }, cells -> List.of(cells.get(0), cells.get(1)));
  }
}
