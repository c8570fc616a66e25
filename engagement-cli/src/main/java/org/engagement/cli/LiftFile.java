package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>A row that names a channel the journeys do not hold is read but cannot be used: it is reported in one
 * line ({@code file: channel 'x' is not a channel of the journeys; its row was not used}) and counts like a
 * rejected row (exit code 1), because an experiment on a misspelt channel would otherwise change the
 * calibration of every untested channel without a word.
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
   * Reads {@code file}, printing its rejected rows on {@code err}.
   *
   * @throws Failure if the file cannot be read or its header lacks a column
   */
  static LiftFile read(Path file, PrintStream err) throws Failure {
    CsvImport<LiftResult> read;
    try (InputStream in = InputFile.openBytes(file)) {
      read = LiftCsvReader.read(in, file.toString());
    } catch (InvalidSourceException e) {
      throw Failure.failed("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(file, e);
    }
    RejectionLines.print(file.toString(), read.report(), err);
    read.report().failureReason().ifPresent(reason ->
        err.println(OneLine.of(file + ": could not be read in full: " + reason)));
    return new LiftFile(file, read.values(), read.report().isClean());
  }

  /**
   * The lifts of the channels in {@code channels}; each other lift is reported on {@code err} in one line.
   *
   * @param source the journeys' file, as the message names it
   */
  List<LiftResult> usable(ChannelIndex channels, String source, PrintStream err) {
    List<LiftResult> usable = new ArrayList<>();
    for (LiftResult lift : lifts) {
      if (channels.id(lift.channel()).isPresent()) {
        usable.add(lift);
      } else {
        err.println(OneLine.of(file + ": channel '" + lift.channel() + "' is not a channel of the journeys of "
            + source + "; its row was not used"));
      }
    }
    return usable;
  }
}
