package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.prediction.ForecastBootstrap;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.SummaryCsvReader;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engagement clv --model bgnbd|mbgnbd|paretonbd|gammagamma --input SUMMARY [--unit week] [--predict FILE
 * --horizon N [--intervals [N] [--seed S] [--level L]]]}: fits a customer-lifetime-value model by maximum likelihood to a repeat-buying summary CSV,
 * prints the fit and, with {@code --predict}, writes a prediction per customer.
 *
 * <p>Input: the layouts of the CDNOW summary files, read by {@link SummaryCsvReader}: a header naming
 * {@code frequency,recency,T[,monetary_value]} (lifetimes) or {@code x,t_x,T[,zbar]} (BTYD), one customer
 * per row; times in {@code --unit} (default weeks, as in the CDNOW files), which is also the unit of the
 * fitted scale parameters ({@code alpha}). {@code gammagamma} needs the spend column and uses the customers
 * with at least one repeat purchase.
 *
 * <p>Output: CSV {@code parameter,value}: the estimates in the model's order, {@code log_likelihood},
 * {@code converged} ({@code true} or {@code false}) and, when the Hessian allows them, a standard error per
 * parameter as {@code se:<name>}. Numbers are the shortest plain decimals that read back to the same double.
 * A fit whose estimates or log-likelihood are not finite numbers is refused and nothing is printed;
 * standard errors that are not finite are left out, as when the Hessian allows none. A fit that settled at
 * a boundary of the parameter space ({@link org.engagement.clv.fit.FitStatus#DEGENERATE}, e.g. BG/NBD's
 * {@code a} and {@code b} running to infinity when customers show no heterogeneity) prints {@code
 * converged,false}, no standard errors, and a line on standard error naming the parameters and what the
 * collapsed model means.
 *
 * <p>Predictions ({@code --predict FILE --horizon N}, purchase models only): a CSV with, per valid input row
 * in input order, {@code frequency,recency,T,p_alive,expected_purchases}: the row's history as read, the
 * probability the customer is still alive at {@code T}, and the expected repeat purchases in the next {@code
 * N} periods of {@code --unit} after {@code T} (undiscounted). When the summary has a spend column ({@code
 * monetary_value} or {@code zbar}), a Gamma-Gamma spend model is fitted on the repeat buyers with a positive
 * spend and a column {@code expected_value} = {@code expected_purchases} times the customer's expected spend
 * per purchase is added (in the file's currency, undiscounted). The file is checked writable before the fit
 * and written after it; a degenerate fit still predicts (from the collapsed model) and exits 1.
 *
 * <p>Totals ({@code --intervals [N] [--seed S] [--level L]}, with {@code --predict}): rows {@code
 * total:expected_purchases}, {@code low:expected_purchases}, {@code high:expected_purchases} (and the same for
 * {@code expected_value} with a spend column) after the fit: the customers' summed forecasts over the horizon
 * with seeded bootstrap percentile intervals ({@link ForecastBootstrap}: customers resampled, the models
 * refitted on each resample, the original customers forecast), the parameters' uncertainty only. If they cannot
 * be computed a line says why and the exit code is 1.
 *
 * <p>Exit code 0 on a clean, converged fit with every requested output written; 1 when a row was rejected
 * (each is reported on standard error with its file, line and reason; the fit uses the others), the file
 * cannot be read or stops being readable part way (then nothing is fitted: the records after the break were
 * not read), the fit is refused, did not converge or is degenerate, the spend model for {@code
 * expected_value} cannot be fitted (the predictions are then written without it), or the predictions cannot
 * be written; 2 on a usage error: an unknown model or unit, {@code gammagamma} on a file without spend,
 * {@code --predict} with {@code gammagamma} or without {@code --horizon} (or the reverse), or a horizon that
 * is not a positive number.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
    description = "Fit a customer-lifetime-value model (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma) to a summary CSV "
        + "frequency,recency,T[,monetary_value] or x,t_x,T[,zbar]; prints CSV parameter,value. With --predict FILE "
        + "--horizon N, also writes per customer, in input order, frequency,recency,T,p_alive,expected_purchases "
        + "(purchases in the next N periods of --unit), plus expected_value when the summary has a spend column.")
final class ClvCommand implements Callable<Integer> {
  private static final FitOptions OPTIONS = FitOptions.defaults();

  /** Fits one model to the summaries read, with times in {@code unit}. */
  @FunctionalInterface
  private interface Fitter {
    ModelFit<?> fit(SummaryCsvReader.Result summaries, PeriodUnit unit) throws Failure;
  }

  /** The models by command-line name, in the order listed in the help. */
  private static final Map<String, Fitter> MODELS = models();

  private static Map<String, Fitter> models() {
    Map<String, Fitter> models = new LinkedHashMap<>();
    for (String name : List.of("bgnbd", "mbgnbd", "paretonbd")) {
      models.put(name, (s, unit) -> ClvTotals.fitPurchases(name, s.summaries(), unit));
    }
    models.put("gammagamma", (s, unit) -> GammaGammaModel.fit(spends(s), OPTIONS));
    return Collections.unmodifiableMap(models);
  }

  @Option(names = "--model", required = true, paramLabel = "NAME",
      description = "the model: bgnbd, mbgnbd, paretonbd or gammagamma")
  @SuppressWarnings("NullAway.Init")
  private String model;

  @Option(names = "--input", required = true, paramLabel = "SUMMARY",
      description = "the summary CSV (UTF-8, header frequency,recency,T[,monetary_value] or x,t_x,T[,zbar])")
  @SuppressWarnings("NullAway.Init")
  private Path input;

  @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "week",
      description = "the unit of recency and T in the file: day, week or month (default: ${DEFAULT-VALUE})")
  private String unit = "week";

  @Option(names = "--predict", paramLabel = "FILE",
      description = "also write per customer, in input order, frequency,recency,T,p_alive,expected_purchases"
          + "[,expected_value] (purchase models only; needs --horizon)")
  private @Nullable Path predict;

  @Option(names = "--horizon", paramLabel = "N",
      description = "the prediction horizon: N periods of --unit after each customer's T (with --predict)")
  private @Nullable String horizon;

  @Option(names = "--intervals", arity = "0..1", paramLabel = "N",
      fallbackValue = "" + ForecastBootstrap.DEFAULT_RESAMPLES,
      description = "with --predict: also print the customers' total expected_purchases (and expected_value) with "
          + "bootstrap percentile intervals from N resamples of customers, each refitting the models (default N "
          + ForecastBootstrap.DEFAULT_RESAMPLES + ", from 2 to 100000): rows total:NAME, low:NAME, high:NAME")
  private @Nullable Integer intervals;

  @Option(names = "--seed", paramLabel = "S",
      description = "with --intervals: the seed of the resampling (default 0); the same seed gives the same output")
  private @Nullable Long seed;

  @Option(names = "--level", paramLabel = "L",
      description = "with --intervals: the intervals' nominal coverage, greater than 0 and less than 1 "
          + "(default 0.95)")
  private @Nullable Double level;

  @Override
  public Integer call() throws Failure {
    PrintStream err = System.err;
    Fitter fitter = MODELS.get(model.toLowerCase(Locale.ROOT));
    if (fitter == null) {
      throw Failure.usage("unknown model '" + model + "'; the models are " + String.join(", ", MODELS.keySet()));
    }
    PeriodUnit timeUnit = unit(unit);
    double periods = predictionHorizon();
    ForecastBootstrap bootstrap = bootstrap();
    Path predictions = predict;
    if (predictions != null) {
      OutputFile.check(predictions);
    }
    SummaryCsvReader.Result summaries = read();
    RejectionLines.print(input.toString(), summaries.report(), err);
    if (summaries.summaries().isEmpty()) {
      throw Failure.failed("no valid customers in " + input + ": nothing to fit");
    }
    ModelFit<?> modelFit;
    try {
      modelFit = fitter.fit(summaries, timeUnit);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw Failure.failed("cannot fit " + model + " to " + input + ": " + e.getMessage(), e);
    }
    FitResult fit = modelFit.result();
    System.out.print(csv(fit));
    if (!fit.usable()) {
      err.println("the fit did not converge (" + fit.status() + "): the estimates are the last point reached");
      return Exit.FAILED;
    }
    boolean clean = summaries.report().isClean();
    if (fit.degeneracy().isPresent()) {
      err.println("the fit is degenerate (" + fit.status() + "): " + fit.degeneracy().get());
      clean = false;
    }
    if (predictions != null) {
      clean &= ClvPredictions.write(predictions, (RepeatBuyingModel) modelFit.model(), summaries, periods, err);
    }
    if (bootstrap != null) {
      try {
        ClvTotals.print(bootstrap, model.toLowerCase(Locale.ROOT), summaries.summaries(), timeUnit, periods,
            summaries.hasMeanSpend(), System.out, err);
      } catch (IllegalArgumentException | ArithmeticException | IllegalStateException e) {
        err.println("no intervals: " + e.getMessage());
        clean = false;
      }
    }
    return clean ? Exit.OK : Exit.FAILED;
  }

  /**
   * The bootstrap of {@code --intervals}, or null without it.
   *
   * @throws Failure a usage error if {@code --seed} or {@code --level} come without {@code --intervals},
   *     {@code --intervals} without {@code --predict}, or a value is out of range
   */
  private @Nullable ForecastBootstrap bootstrap() throws Failure {
    Integer n = intervals;
    if (n == null) {
      if (seed != null || level != null) {
        throw Failure.usage((seed != null ? "--seed" : "--level") + " needs --intervals");
      }
      return null;
    }
    if (predict == null) {
      throw Failure.usage("--intervals needs --predict FILE --horizon N (the totals are over the horizon)");
    }
    try {
      ForecastBootstrap bootstrap = ForecastBootstrap.of(n, seed == null ? 0 : seed);
      return level == null ? bootstrap : bootstrap.withLevel(level);
    } catch (IllegalArgumentException e) {
      throw Failure.usage((level != null && !(level > 0 && level < 1) ? "--level" : "--intervals") + ": "
          + e.getMessage());
    }
  }

  /**
   * The horizon of {@code --horizon}, or NaN without {@code --predict}.
   *
   * @throws Failure a usage error if only one of the two options is given, the model is not a purchase
   *     model, or the horizon is not a positive finite number
   */
  private double predictionHorizon() throws Failure {
    String text = horizon;
    if (predict == null && text == null) {
      return Double.NaN;
    }
    if (predict == null || text == null) {
      throw Failure.usage("--predict and --horizon go together: --predict FILE --horizon N");
    }
    if (model.equalsIgnoreCase("gammagamma")) {
      throw Failure.usage("--predict needs a purchase model (bgnbd, mbgnbd or paretonbd), not gammagamma");
    }
    double n;
    try {
      n = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      n = Double.NaN;
    }
    if (!(n > 0 && n < Double.POSITIVE_INFINITY) || !text.strip().matches("[0-9.eE+-]+")) {
      throw Failure.usage("--horizon '" + text + "' is invalid: must be a positive number of periods of --unit");
    }
    return n;
  }

  /**
   * The summaries of the input, every row accounted for; a file that cannot be read to its end throws in the
   * reader, so nothing is fitted on part of it.
   */
  private SummaryCsvReader.Result read() throws Failure {
    SummaryCsvReader.Result summaries;
    SummaryCsvReader.Domain domain = model.equalsIgnoreCase("gammagamma")
        ? SummaryCsvReader.Domain.SPEND : SummaryCsvReader.Domain.REPEAT_BUYING;
    try (InputStream in = InputFile.openBytes(input)) {
      summaries = SummaryCsvReader.read(in, input.toString(), domain);
    } catch (InvalidSourceException e) {
      throw Failure.failed("cannot read " + input + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(input, e);
    }
    return summaries;
  }

  private static PeriodUnit unit(String text) throws Failure {
    try {
      return PeriodUnit.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Failure.usage("unknown --unit '" + text + "'; the units are day, week, month");
    }
  }

  private static List<SpendSummary> spends(SummaryCsvReader.Result summaries) throws Failure {
    if (!summaries.hasMeanSpend()) {
      throw Failure.usage("gammagamma needs the mean repeat spend: a monetary_value (or zbar) column");
    }
    List<SpendSummary> spends = SpendSummary.compress(summaries.summaries());
    if (spends.isEmpty()) {
      throw new InvalidFieldException("frequency", 0, "must be above 0 for at least one customer to fit spend");
    }
    return spends;
  }

  /**
   * The fit as CSV.
   *
   * @throws Failure if an estimate or the log-likelihood is not a finite number
   */
  private String csv(FitResult fit) throws Failure {
    StringBuilder csv = new StringBuilder("parameter,value\n");
    double[] estimates = fit.estimates();
    for (int i = 0; i < estimates.length; i++) {
      csv.append(fit.parameterNames().get(i)).append(',').append(finite(fit.parameterNames().get(i), estimates[i]))
          .append('\n');
    }
    csv.append("log_likelihood,").append(finite("the log-likelihood", fit.logLikelihood())).append('\n');
    csv.append("converged,").append(fit.converged()).append('\n');
    boolean errors = fit.hasStandardErrors()
        && fit.parameterNames().stream().allMatch(name -> Double.isFinite(fit.standardError(name)));
    if (errors) {
      for (String name : fit.parameterNames()) {
        csv.append("se:").append(name).append(',').append(CsvCells.number(fit.standardError(name))).append('\n');
      }
    } else {
      System.err.println("no standard errors: the Hessian at the estimate is not positive definite");
    }
    return csv.toString();
  }

  private String finite(String name, double value) throws Failure {
    if (!Double.isFinite(value)) {
      throw Failure.failed("cannot fit " + model + " to " + input + ": the fit ran off to " + name + " = " + value
          + " (the data may not identify the model, e.g. spends spanning hundreds of orders of magnitude); "
          + "nothing was printed");
    }
    return CsvCells.number(value);
  }
}
