package org.engagement.attribution.calibration;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;
import org.jspecify.annotations.Nullable;

/**
 * Reads lift results from CSV: a header row, then one channel per row, for {@code attribute --lift FILE}.
 *
 * <table>
 *   <caption>Columns (names case-insensitive, any order, other columns ignored, none named twice)</caption>
 *   <tr><th>column</th><th>content</th></tr>
 *   <tr><td>{@code channel}</td><td>the channel name the journeys use; each channel once</td></tr>
 *   <tr><td>{@code incremental_conversions}</td><td>the experiment's estimate, a finite number (may be
 *       negative)</td></tr>
 *   <tr><td>{@code low}</td><td>the interval's lower end, at most the estimate</td></tr>
 *   <tr><td>{@code high}</td><td>the interval's upper end, at least the estimate</td></tr>
 *   <tr><td>{@code level}</td><td>optional: the interval's nominal coverage, greater than 0 and less than 1,
 *       for example {@code 0.9}; where the file has no such column every interval is read as
 *       {@value LiftResult#DEFAULT_LEVEL}. A bootstrap of the calibrated credits draws each experiment's result
 *       from its interval at this level ({@link LiftResult#drawn}).</td></tr>
 * </table>
 *
 * <p>The file follows the {@linkplain org.engagement.core.ingest.csv reading policy} of every CSV reader of the
 * SDK (UTF-8, every row with the header's number of fields, numbers in ASCII digits, field and record limits).
 * A row that breaks a rule, or names a channel an earlier row named, is rejected with its position and reason
 * (shown as {@code file:line: column 'x' value 'v' is invalid: rule}); the others become lift results.
 *
 * <p>Stateless and thread-safe: each read keeps its own set of channels seen.
 *
 * @since 0.1.0
 */
public final class LiftCsvReader {
  /** The columns the file must have. */
  public static final List<String> COLUMNS = List.of("channel", "incremental_conversions", "low", "high");
  /** The optional column of each interval's level. */
  public static final String LEVEL = "level";

  private LiftCsvReader() {}

  /**
   * Reads every row of {@code input} (closed at the end).
   *
   * @param source the name of the input in the report
   * @throws InvalidSourceException if the input is empty or its header lacks a column or names one twice
   * @throws IOException if reading fails
   */
  public static CsvImport<LiftResult> read(Reader input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    return CsvTable.read(input, source, COLUMNS, new Rows()::parse);
  }

  /**
   * Reads every row of the UTF-8 bytes {@code input} (closed at the end); a row holding bytes that are not
   * UTF-8 is rejected with their byte offset.
   *
   * @param source the name of the input in the report
   * @throws InvalidSourceException if the input is empty or its header lacks a column or names one twice
   * @throws IOException if reading fails
   */
  public static CsvImport<LiftResult> read(InputStream input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    return CsvTable.read(input, source, COLUMNS, new Rows()::parse);
  }

  /**
   * Reads every row of the UTF-8 bytes {@code input} (closed at the end), rejecting too a row whose channel
   * {@code journeys} does not hold ({@code file:line: column 'channel' value 'x' is invalid: must be a channel of
   * the journeys}): an experiment on a misspelt channel would otherwise be read, left out of the calibration and
   * leave the file looking fully used.
   *
   * @param source the name of the input in the report
   * @param journeys the channels of the journeys the lifts will calibrate
   * @throws InvalidSourceException if the input is empty or its header lacks a column or names one twice
   * @throws IOException if reading fails
   */
  public static CsvImport<LiftResult> read(InputStream input, String source, ChannelIndex journeys)
      throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    requireNonNull(journeys, "journeys");
    return CsvTable.read(input, source, COLUMNS, new Rows(journeys)::parse);
  }

  /** The parser of one read: remembers the channels accepted so far. Not thread-safe. */
  private static final class Rows {
    private final Set<String> seen = new HashSet<>();
    private final @Nullable ChannelIndex journeys;

    Rows() {
      this.journeys = null;
    }

    Rows(ChannelIndex journeys) {
      this.journeys = journeys;
    }

    LiftResult parse(CsvTable.Row row) {
      String channel = row.require("channel");
      if (journeys != null && journeys.id(channel).isEmpty()) {
        throw new InvalidFieldException("channel", channel, "must be a channel of the journeys");
      }
      double estimate = finite(row, "incremental_conversions");
      double low = finite(row, "low");
      double high = finite(row, "high");
      double level = row.has(LEVEL) ? row.number(LEVEL, 0, 1) : LiftResult.DEFAULT_LEVEL;
      LiftResult lift = new LiftResult(channel, estimate, low, high, level);
      if (!seen.add(channel)) {
        throw new InvalidFieldException("channel", channel, "must appear once; an earlier row has it");
      }
      return lift;
    }

    /**
     * The cell of {@code column} as a finite number. The bounds are the infinities, not the largest doubles, so
     * that the rule a bad cell breaks reads "must be a finite number" rather than two 309-digit bounds.
     */
    private static double finite(CsvTable.Row row, String column) {
      return row.number(column, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
  }
}
