package org.engagement.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.MbgNbdModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.model.ParetoNbdModel;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.model.SpendSummaries;
import org.engagement.clv.prediction.ForecastBootstrap;
import org.engagement.clv.prediction.ForecastTotal;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummary;

/**
 * The purchase models of {@code clv} by name, and the {@code clv --intervals} totals: the customers' expected
 * purchases (and value, with a spend column) over the horizon with seeded bootstrap intervals, each resample
 * refitting the purchase model (and the Gamma-Gamma spend model). Stateless.
 */
final class ClvTotals {
  private static final FitOptions OPTIONS = FitOptions.defaults();

  private ClvTotals() {}

  /**
   * Fits the purchase model {@code name} ({@code bgnbd}, {@code mbgnbd} or {@code paretonbd}).
   *
   * @throws IllegalArgumentException if the name is not a purchase model's
   */
  static ModelFit<? extends RepeatBuyingModel> fitPurchases(String name, List<RepeatBuyingSummary> customers,
      PeriodUnit unit) {
    List<WeightedSummary> summaries = WeightedSummary.compress(customers);
    return switch (name) {
      case "bgnbd" -> BgNbdModel.fit(summaries, unit, OPTIONS);
      case "mbgnbd" -> MbgNbdModel.fit(summaries, unit, OPTIONS);
      case "paretonbd" -> ParetoNbdModel.fit(summaries, unit, OPTIONS);
      default -> throw new IllegalArgumentException("not a purchase model: " + name);
    };
  }

  /**
   * Prints the totals as rows {@code total:NAME}, {@code low:NAME}, {@code high:NAME} of the CSV on
   * {@code out}, for {@code expected_purchases} and, when {@code withValue}, {@code expected_value}; a line on
   * {@code err} says how they were made.
   *
   * @throws IllegalArgumentException if the fit on all customers is refused
   * @throws ArithmeticException if the fit on all customers fails
   * @throws IllegalStateException if too few resamples can be fitted
   */
  static void print(ForecastBootstrap bootstrap, String model, List<RepeatBuyingSummary> customers,
      PeriodUnit unit, double periods, boolean withValue, PrintStream out, PrintStream err) {
    ForecastTotal purchases = bootstrap.total(customers, sample -> purchases(model, sample, unit, periods));
    StringBuilder csv = rows("expected_purchases", purchases);
    int failed = purchases.failed();
    if (withValue) {
      ForecastTotal value = bootstrap.total(customers, sample -> value(model, sample, unit, periods));
      csv.append(rows("expected_value", value));
      failed = Math.max(failed, value.failed());
    }
    out.print(csv);
    err.println(String.format(Locale.ROOT, "intervals: %.0f %% bootstrap percentile intervals from %d resamples of"
        + " the customers (seed %d), the models refitted on each and the original customers forecast (the"
        + " parameters' uncertainty only); %d resample(s) could not be fitted", 100 * bootstrap.level(),
        bootstrap.resamples(), bootstrap.seed(), failed));
  }

  private static StringBuilder rows(String name, ForecastTotal total) {
    return new StringBuilder().append("total:").append(name).append(',').append(CsvCells.number(total.estimate()))
        .append('\n').append("low:").append(name).append(',').append(CsvCells.number(total.low())).append('\n')
        .append("high:").append(name).append(',').append(CsvCells.number(total.high())).append('\n');
  }

  private static ToDoubleFunction<RepeatBuyingSummary> purchases(String model, List<RepeatBuyingSummary> sample,
      PeriodUnit unit, double periods) {
    RepeatBuyingModel fitted = usable(fitPurchases(model, sample, unit));
    return customer -> fitted.conditionalExpectedPurchases(customer, periods);
  }

  private static ToDoubleFunction<RepeatBuyingSummary> value(String model, List<RepeatBuyingSummary> sample,
      PeriodUnit unit, double periods) {
    RepeatBuyingModel fitted = usable(fitPurchases(model, sample, unit));
    SpendSummaries spends = SpendSummaries.leavingOutZeroSpend(sample.stream().filter(r -> r.frequency() > 0)
        .toList());
    GammaGammaModel spend = usable(GammaGammaModel.fit(spends.rows(), OPTIONS));
    if (spend.q() <= 1) {
      throw new ArithmeticException("Gamma-Gamma q <= 1: infinite mean spend");
    }
    return customer -> fitted.conditionalExpectedPurchases(customer, periods)
        * spend.conditionalExpectedSpend(customer.frequency(), customer.meanSpend());
  }

  private static <M> M usable(ModelFit<M> fit) {
    if (!fit.result().usable()) {
      throw new ArithmeticException("the fit did not converge (" + fit.result().status() + ")");
    }
    return fit.model();
  }
}
