package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * Reads the mix model's CSV files through the SDK's reading policy ({@link CsvTable}: UTF-8, one header, bad
 * rows rejected with {@code file:line} and the rule, the others kept):
 * <ul>
 *   <li>spend: {@code period,channel,spend}: the period's start as an ISO date ({@code 2024-01-01}), the
 *       channel's name, the spend (or activity count), a number not negative; one row per period and channel;
 *   <li>outcome: {@code period,outcome}: one row per period, the outcome a finite number;
 *   <li>lift tests: {@code channel,from,to,incremental,low,high[,level]}: the first and last period of the test
 *       as ISO dates and the incremental outcome with its interval, at the level of the optional {@code level}
 *       column (at least 0.5, less than 1) or else at 90 %;
 *   <li>controls: {@code period,control,value}: what else moves the outcome (price, promotions, a competitor's
 *       activity), the control's name and its value, a finite number; one row per period and control.
 * </ul>
 * Other columns are ignored. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class MixCsv {
  /** The columns of a spend file. */
  public static final List<String> SPEND_COLUMNS = List.of("period", "channel", "spend");
  /** The columns of an outcome file. */
  public static final List<String> OUTCOME_COLUMNS = List.of("period", "outcome");
  /** The columns of a lift-test file. */
  public static final List<String> LIFT_COLUMNS = List.of("channel", "from", "to", "incremental", "low", "high");
  /** The optional column of a lift test's interval level. */
  public static final String LEVEL = "level";
  /** The columns of a controls file. */
  public static final List<String> CONTROL_COLUMNS = List.of("period", "control", "value");

  private MixCsv() {}

  /**
   * One row of a spend file.
   *
   * @param period the period's start
   * @param channel the channel
   * @param spend the spend
   * @since 0.1.0
   */
  public record SpendRow(LocalDate period, String channel, double spend) {
    /** Checks for nulls. */
    public SpendRow {
      requireNonNull(period, "period");
      requireNonNull(channel, "channel");
    }
  }

  /**
   * One row of an outcome file.
   *
   * @param period the period's start
   * @param outcome the outcome
   * @since 0.1.0
   */
  public record OutcomeRow(LocalDate period, double outcome) {
    /** Checks for nulls. */
    public OutcomeRow {
      requireNonNull(period, "period");
    }
  }

  /**
   * Reads a spend file (closed at the end).
   *
   * @param input the UTF-8 bytes
   * @param source the file's name in messages
   * @return the rows and the report
   * @throws IOException if reading fails
   */
  public static CsvImport<SpendRow> readSpend(InputStream input, String source) throws IOException {
    Set<String> seen = new HashSet<>();
    return CsvTable.read(input, source, SPEND_COLUMNS, row -> {
      LocalDate period = date(row, "period");
      String channel = row.require("channel");
      double spend = row.number("spend", 0, Double.POSITIVE_INFINITY);
      if (!seen.add(period + "\n" + channel)) {
        throw new InvalidFieldException("channel", channel, "must appear once in period " + period);
      }
      return new SpendRow(period, channel, spend);
    });
  }

  /**
   * One row of a controls file.
   *
   * @param period the period's start
   * @param control the control's name
   * @param value its value in the period
   * @since 0.1.0
   */
  public record ControlRow(LocalDate period, String control, double value) {
    /** Checks for nulls. */
    public ControlRow {
      requireNonNull(period, "period");
      requireNonNull(control, "control");
    }
  }

  /**
   * Reads an outcome file (closed at the end).
   *
   * @param input the UTF-8 bytes
   * @param source the file's name in messages
   * @return the rows and the report
   * @throws IOException if reading fails
   */
  public static CsvImport<OutcomeRow> readOutcome(InputStream input, String source) throws IOException {
    Set<LocalDate> seen = new HashSet<>();
    return CsvTable.read(input, source, OUTCOME_COLUMNS, row -> {
      LocalDate period = date(row, "period");
      double outcome = finite(row, "outcome");
      if (!seen.add(period)) {
        throw new InvalidFieldException("period", period, "must appear once; an earlier row has it");
      }
      return new OutcomeRow(period, outcome);
    });
  }

  /**
   * Reads a controls file (closed at the end).
   *
   * @param input the UTF-8 bytes
   * @param source the file's name in messages
   * @return the rows and the report
   * @throws IOException if reading fails
   */
  public static CsvImport<ControlRow> readControls(InputStream input, String source) throws IOException {
    Set<String> seen = new HashSet<>();
    return CsvTable.read(input, source, CONTROL_COLUMNS, row -> {
      LocalDate period = date(row, "period");
      String control = row.require("control");
      double value = finite(row, "value");
      if (!seen.add(period + "\n" + control)) {
        throw new InvalidFieldException("control", control, "must appear once in period " + period);
      }
      return new ControlRow(period, control, value);
    });
  }

  /**
   * Reads a lift-test file (closed at the end).
   *
   * @param input the UTF-8 bytes
   * @param source the file's name in messages
   * @return the tests and the report
   * @throws IOException if reading fails
   */
  public static CsvImport<LiftTest> readLifts(InputStream input, String source) throws IOException {
    return CsvTable.read(input, source, LIFT_COLUMNS, row -> new LiftTest(row.require("channel"),
        date(row, "from"), date(row, "to"), finite(row, "incremental"), finite(row, "low"), finite(row, "high"),
        row.has(LEVEL) ? row.number(LEVEL, 0.5, 1) : LiftTest.DEFAULT_LEVEL));
  }

  /**
   * The cell of {@code column} as a finite number. The bounds are the infinities, not the largest doubles, so that
   * the rule a bad cell breaks reads "must be a finite number" rather than two 309-digit bounds.
   */
  private static double finite(CsvTable.Row row, String column) {
    return row.number(column, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  private static LocalDate date(CsvTable.Row row, String column) {
    String text = row.require(column);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(column, text, "must be an ISO date such as 2024-01-01");
    }
  }
}
