package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.engagement.attribution.calibration.LiftCsvReader;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;

/**
 * The lift results of {@code attribute --lift FILE}, read by {@link LiftCsvReader}, with the account of the
 * file's rows: rejected rows are shown on standard error one line each ({@link RejectionLines}) and the
 * others used, as with every input of the tool.
 *
 * <p>A row that names a channel the journeys do not hold cannot be used: it is a rejected row like any other
 * ({@code lift.csv:3: column 'channel' value 'x' is invalid: must be a channel of the journeys}, exit code 1),
 * because an experiment on a misspelt channel would otherwise change the calibration of every untested channel
 * without a word. The file is therefore read once the journeys are known; {@link #check} reads it before the
 * model runs, so that a file that cannot be read fails at once.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param file the file read
 * @param lifts the accepted rows, in file order
 * @param allRowsAccepted whether every row of the file was accepted
 */
record LiftFile(Path file, List<LiftResult> lifts, boolean allRowsAccepted) {
  LiftFile {
    lifts = List.copyOf(lifts);
  }

  /**
   * Reads {@code file} without reporting its rows, to fail before any work when it cannot be read.
   *
   * @throws Failure if the file cannot be read or its header lacks a column
   */
  static void check(Path file) throws Failure {
    read(file, in -> LiftCsvReader.read(in, file.toString()));
  }

  /**
   * Reads {@code file}, rejecting a row whose channel {@code journeys} does not hold, and prints its rejected
   * rows on {@code err}.
   *
   * @throws Failure if the file cannot be read or its header lacks a column
   */
  static LiftFile read(Path file, ChannelIndex journeys, PrintStream err) throws Failure {
    CsvImport<LiftResult> read = read(file, in -> LiftCsvReader.read(in, file.toString(), journeys));
    RejectionLines.print(file.toString(), read.report(), err);
    read.report().failureReason().ifPresent(reason ->
        err.println(OneLine.of(file + ": could not be read in full: " + reason)));
    return new LiftFile(file, read.values(), read.report().isClean());
  }

  /** One way of reading the file's bytes. */
  private interface Reader {
    CsvImport<LiftResult> read(InputStream in) throws IOException;
  }

  private static CsvImport<LiftResult> read(Path file, Reader reader) throws Failure {
    try (InputStream in = InputFile.openBytes(file)) {
      return reader.read(in);
    } catch (InvalidSourceException e) {
      throw Failure.failed("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(file, e);
    }
  }
}
