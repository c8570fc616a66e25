package org.engagement.simulator.mix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engagement.simulator.internal.CsvFileWriter;

/**
 * Writes a marketing-mix world as the files {@code engagement mix} reads, so its examples run without data of
 * one's own: {@value #SPEND} ({@code period,channel,spend}), {@value #OUTCOME} ({@code period,outcome}) and
 * {@value #TRUTH} ({@code channel,true_share,true_roi,half_life}: each channel's share of the media
 * contribution, its ROI over the series and its carry-over half-life in periods, to hold a fit against).
 * Numbers are written as Java prints doubles, so they read back exactly. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class MixWorldWriter {
  /** The spend file's name. */
  public static final String SPEND = "spend.csv";
  /** The outcome file's name. */
  public static final String OUTCOME = "outcome.csv";
  /** The truth file's name. */
  public static final String TRUTH = "mix-truth.csv";
  /** The files written, in order. */
  public static final List<String> FILES = List.of(SPEND, OUTCOME, TRUTH);

  private MixWorldWriter() {}

  /**
   * Writes {@code world}'s files into {@code directory} (created if missing), replacing files of the same names.
   *
   * @param world the world
   * @param directory the directory
   * @throws IOException if a file cannot be written
   */
  public static void write(MixWorld world, Path directory) throws IOException {
    Files.createDirectories(directory);
    List<String> channels = world.channels();
    double[] outcome = world.outcome();
    try (CsvFileWriter spend = CsvFileWriter.create(directory.resolve(SPEND), List.of("period", "channel", "spend"))) {
      for (int t = 0; t < outcome.length; t++) {
        for (int c = 0; c < channels.size(); c++) {
          spend.row(List.of(world.periods().get(t).toString(), channels.get(c), Double.toString(world.spend(c)[t])));
        }
      }
    }
    try (CsvFileWriter out = CsvFileWriter.create(directory.resolve(OUTCOME), List.of("period", "outcome"))) {
      for (int t = 0; t < outcome.length; t++) {
        out.row(List.of(world.periods().get(t).toString(), Double.toString(outcome[t])));
      }
    }
    double[] shares = world.trueShares();
    try (CsvFileWriter truth = CsvFileWriter.create(directory.resolve(TRUTH),
        List.of("channel", "true_share", "true_roi", "half_life"))) {
      for (int c = 0; c < channels.size(); c++) {
        truth.row(List.of(channels.get(c), Double.toString(shares[c]), Double.toString(world.trueRoi(c)),
            Double.toString(world.spec().channels().get(c).halfLife())));
      }
    }
  }
}
