package org.engagement.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixModel;

/**
 * The {@code mix --per-period} file: CSV {@code period,outcome,fitted,baseline,<channel>,...}, one row per period
 * in order and one contribution column per channel in the model's order, lines ending in {@code \n}: the period's
 * start (ISO date), the outcome given, the model's fitted outcome, its baseline (intercept, trend, season and
 * controls) and each channel's contribution, so that {@code baseline} plus the channels' columns is {@code fitted}.
 * What a dashboard draws as contribution over time. Numbers as the per-channel output writes them ({@link
 * CsvCells#number(double)}); channel names in the header go through {@link CsvCells}. Not instantiable.
 */
final class PerPeriodFile {
  private PerPeriodFile() {}

  /**
   * Writes {@code model}'s series to {@code file}.
   *
   * @throws Failure if writing fails (the partial file is then removed)
   */
  static void write(Path file, MixModel model, CsvCells cells) throws Failure {
    MixData data = model.data();
    double[] outcome = data.outcome();
    double[] fitted = model.fitted();
    double[] baseline = model.baseline();
    List<double[]> contributions = new ArrayList<>();
    StringBuilder header = new StringBuilder("period,outcome,fitted,baseline");
    for (String channel : data.channels()) {
      header.append(',').append(cells.text(channel));
      contributions.add(model.contributions(channel));
    }
    OutputFile.write(file, out -> {
      out.write(header.append('\n').toString());
      StringBuilder line = new StringBuilder();
      for (int t = 0; t < outcome.length; t++) {
        line.setLength(0);
        line.append(data.periods().get(t)).append(',').append(CsvCells.number(outcome[t])).append(',')
            .append(CsvCells.number(fitted[t])).append(',').append(CsvCells.number(baseline[t]));
        for (double[] part : contributions) {
          line.append(',').append(CsvCells.number(part[t]));
        }
        out.write(line.append('\n').toString());
      }
    });
  }
}
