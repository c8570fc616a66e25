package org.engagement.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.model.SpendSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryCsvReader;
import org.jspecify.annotations.Nullable;

/**
 * The {@code clv --predict} file: per valid summary row in input order, {@code
 * frequency,recency,T,p_alive,expected_purchases}, plus {@code expected_value} when the summary has a spend
 * column and a Gamma-Gamma spend model can be fitted on its repeat buyers. Stateless.
 */
final class ClvPredictions {
  private ClvPredictions() {}

  /**
   * Writes the predictions of {@code model} over {@code periods} for {@code summaries} to {@code file}.
   *
   * @return whether everything asked for was written: false when {@code expected_value} had to be left out
   *     (the reason is printed on {@code err})
   * @throws Failure if the file cannot be written
   */
  static boolean write(Path file, RepeatBuyingModel model, SummaryCsvReader.Result summaries, double periods,
      PrintStream err) throws Failure {
    GammaGammaModel spend = summaries.hasMeanSpend() ? spendModel(summaries.summaries(), err) : null;
    List<RepeatBuyingSummary> rows = summaries.summaries();
    OutputFile.write(file, out -> body(out, model, spend, rows, periods));
    return spend != null || !summaries.hasMeanSpend();
  }

  private static void body(Writer out, RepeatBuyingModel model, @Nullable GammaGammaModel spend,
      List<RepeatBuyingSummary> rows, double periods) throws IOException {
    out.write("frequency,recency,T,p_alive,expected_purchases" + (spend == null ? "" : ",expected_value") + "\n");
    for (RepeatBuyingSummary row : rows) {
      int x = row.frequency();
      double purchases = model.conditionalExpectedPurchases(x, row.recency(), row.age(), periods);
      StringBuilder line = new StringBuilder().append(x).append(',').append(CsvCells.number(row.recency()))
          .append(',').append(CsvCells.number(row.age())).append(',')
          .append(CsvCells.number(model.probabilityAlive(x, row.recency(), row.age()))).append(',')
          .append(CsvCells.number(purchases));
      if (spend != null) {
        line.append(',').append(CsvCells.number(purchases * spend.conditionalExpectedSpend(x, row.meanSpend())));
      }
      out.write(line.append('\n').toString());
    }
  }

  /**
   * The Gamma-Gamma model of the repeat buyers' spend, or {@code null} (with the reason on {@code err}) when
   * it cannot value every customer: too few repeat buyers with a positive spend, a search that is not
   * usable, or {@code q <= 1}, where the population mean spend a customer without repeat purchases gets is
   * infinite.
   */
  private static @Nullable GammaGammaModel spendModel(List<RepeatBuyingSummary> rows, PrintStream err) {
    SpendSummaries spends = SpendSummaries.leavingOutZeroSpend(
        rows.stream().filter(r -> r.frequency() > 0).toList());
    if (spends.customers() == 0) {
      err.println("no expected_value: no repeat buyer has a positive spend to fit the spend model on");
      return null;
    }
    ModelFit<GammaGammaModel> fit;
    try {
      fit = GammaGammaModel.fit(spends.rows(), FitOptions.defaults());
    } catch (IllegalArgumentException | ArithmeticException e) {
      err.println("no expected_value: the Gamma-Gamma spend model cannot be fitted: " + e.getMessage());
      return null;
    }
    if (!fit.result().usable()) {
      err.println("no expected_value: the Gamma-Gamma spend fit did not converge (" + fit.result().status() + ")");
      return null;
    }
    GammaGammaModel spend = fit.model();
    if (spend.q() <= 1) {
      err.println("no expected_value: the Gamma-Gamma fit has q = " + spend.q() + " <= 1, so the mean spend of a"
          + " customer without repeat purchases is infinite");
      return null;
    }
    fit.result().degeneracy().ifPresent(d -> err.println("expected_value comes from a degenerate Gamma-Gamma fit: " + d));
    return spend;
  }
}
