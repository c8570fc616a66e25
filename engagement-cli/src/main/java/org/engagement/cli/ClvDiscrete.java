package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.BgBbModel;
import org.engagement.clv.model.DiscreteSummary;
import org.engagement.clv.model.DiscreteSummaryCsvReader;
import org.engagement.clv.model.ModelFit;
import org.engagement.core.ingest.InvalidSourceException;

/**
 * BG/BB in the {@code clv} command: histories at discrete opportunities read from CSV
 * ({@code frequency,recency,periods[,weights]} or {@code x,t_x,n[,custs]}), fitted, and predicted over the next
 * {@code N} opportunities into a CSV {@code frequency,recency,periods,customers,p_alive,expected_purchases}, one
 * row per valid input row in input order (a row stands for its customers). Stateless.
 */
final class ClvDiscrete {
  private ClvDiscrete() {}

  /**
   * The histories of {@code file}, each bad row reported on {@code err}.
   *
   * @throws Failure if the file cannot be read or has neither layout
   */
  static DiscreteSummaryCsvReader.Result read(Path file, PrintStream err) throws Failure {
    DiscreteSummaryCsvReader.Result read;
    try (InputStream in = InputFile.openBytes(file)) {
      read = DiscreteSummaryCsvReader.read(in, file.toString());
    } catch (InvalidSourceException e) {
      throw Failure.failed("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(file, e);
    }
    RejectionLines.print(file.toString(), read.report(), err);
    return read;
  }

  /**
   * The BG/BB fit of {@code histories}.
   *
   * @throws Failure if there is no history to fit or the fit cannot be computed
   */
  static ModelFit<BgBbModel> fit(List<DiscreteSummary> histories, Path file) throws Failure {
    if (histories.isEmpty()) {
      throw Failure.failed("no valid histories in " + file + ": nothing to fit");
    }
    try {
      return BgBbModel.fit(histories, FitOptions.defaults());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw Failure.failed("cannot fit bgbb to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the predictions of {@code model} over the next {@code opportunities} for {@code histories}.
   *
   * @throws Failure if the file cannot be written
   */
  static void write(Path file, BgBbModel model, List<DiscreteSummary> histories, int opportunities)
      throws Failure {
    OutputFile.write(file, out -> {
      out.write("frequency,recency,periods,customers,p_alive,expected_purchases\n");
      for (DiscreteSummary row : histories) {
        out.write(row.frequency() + "," + row.recency() + "," + row.opportunities() + "," + row.weight() + ","
            + CsvCells.number(model.probabilityAlive(row)) + ","
            + CsvCells.number(model.conditionalExpectedPurchases(row, opportunities)) + "\n");
      }
    });
  }
}
