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
import org.engagement.clv.model.BgBbModel;
import org.engagement.clv.model.DiscreteSummaryCsvReader;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.prediction.ForecastBootstrap;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.SummaryCsvReader;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.json.saved.ClvFitData;
import org.engagement.json.EngagementJson;
import org.engagement.json.saved.SavedClvModel;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement clv --model bgnbd|mbgnbd|paretonbd|gammagamma --input SUMMARY [--unit week] [--holdout N]
 * [--predict FILE --horizon N [--intervals [N] [--seed S] [--level L]]]}: fits a customer-lifetime-value model by
 * maximum likelihood to a repeat-buying summary CSV, prints the fit, with {@code --holdout} checks it against the
 * customers' purchases in a holdout period and, with {@code --predict}, writes a prediction per customer.
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
 * <p><b>BG/BB</b> ({@code --model bgbb}): the input is histories at discrete purchase opportunities, CSV
 * {@code frequency,recency,periods[,weights]} or {@code x,t_x,n[,custs]} (the donations file of Fader, Hardie and
 * Shang 2010), so there is no {@code --unit} and no {@code --intervals}; the output, {@code --format json} and
 * {@code --save-model} are as for the other models, and {@code --predict FILE --horizon N} (N a whole number of
 * opportunities) writes {@code frequency,recency,periods,customers,p_alive,expected_purchases} ({@link
 * ClvDiscrete}).
 *
 * <p><b>JSON and saved models</b> ({@link EngagementJson}): {@code --format json} prints the fit as the saved
 * model's documented JSON form ({@code {"format": "engagement-clv-model", "version": 1, "model", "unit", "fit":
 * {status, degeneracy, parameters with estimates and standard errors, log_likelihood, iterations, evaluations,
 * covariance}, "data": {customers, repeat_buyers, repeat_purchases, mean_age, mean_repeat_spend}}}) instead of
 * the CSV; the predictions file stays CSV. {@code --save-model FILE} also writes that form to {@code FILE}
 * (checked writable before the fit, written when the fit is usable: converged, or degenerate with its reason).
 * {@code --saved-model FILE} uses such a file instead of fitting: it prints the saved fit and, with {@code
 * --input SUMMARY --predict FILE --horizon N}, predicts exactly as the fitted model did (the same parameters, to
 * the bit); the summary must be in the saved model's unit ({@code --unit}, if given, must be it). A file that
 * is not JSON, not a saved CLV model, or of a version this tool does not read is an error naming it (exit 1).
 *
 * <p><b>Holdout check</b> ({@code --holdout N}, purchase models, {@link ClvHoldout}): the summary has a column
 * {@code holdout_frequency}, each customer's purchases in the {@code N} periods of {@code --unit} that follow
 * its {@code T}; the model is fitted on the other columns as without the option, and the output adds the
 * predicted purchases in the holdout (the sum of {@code E[X(N) | x, t_x, T]}) against the actual ones, in total and
 * by calibration frequency {@code 0 .. 6, 7+} (Fader, Hardie and Lee 2005, Sec. 7, figure 4): rows {@code
 * holdout:...} after the fit's in CSV, a member {@code holdout} of the fit's JSON form, and a line on standard
 * error. With {@code --saved-model FILE --input SUMMARY --holdout N} the saved model is checked without fitting.
 * The option and the column go together: either without the other is a usage error, so counts are never read
 * and ignored (a {@code gammagamma} fit, which does not predict purchases, leaves the column out with a line on
 * standard error).
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
 * be written; 2 on a usage error: neither {@code --model} with {@code --input} nor {@code --saved-model}, an
 * unknown model or unit, {@code --saved-model} with {@code --model}, {@code --save-model} or a different unit,
 * {@code gammagamma} on a file without spend, {@code --predict} with {@code gammagamma} or without {@code --horizon} (or the reverse), or a horizon that
 * is not a positive number; {@code --holdout} with {@code gammagamma} or {@code bgbb}, not a positive number, or
 * on a summary without a {@code holdout_frequency} column, or that column without {@code --holdout}.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
    customSynopsis = {"engagement clv --model=NAME --input=SUMMARY [OPTIONS]",
        "       engagement clv --saved-model=FILE [OPTIONS]"},
    description = {"Fit a customer-lifetime-value model (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma; BG/BB for "
        + "discrete opportunities) to a summary CSV frequency,recency,T[,monetary_value] or x,t_x,T[,zbar]; prints "
        + "CSV parameter,value.",
        "BG/BB (--model bgbb) reads histories at discrete opportunities: frequency,recency,periods[,weights] or "
        + "x,t_x,n[,custs].",
        "With --predict FILE --horizon N, also writes per customer, in input order, the columns frequency, "
        + "recency, T, p_alive and expected_purchases (purchases in the next N periods of --unit), plus "
        + "expected_value when the summary has a spend column.",
        "With --holdout N and a holdout_frequency column (purchases in the N periods after T), also prints the "
        + "predicted against the actual holdout purchases, in total and by calibration frequency."},
    footerHeading = "%nExamples:%n",
    footer = {"  engagement clv --model bgnbd --input summary.csv",
        "  engagement clv --model bgnbd --input summary.csv \\",
        "      --predict clv.csv --horizon 52",
        "  engagement clv --model bgnbd --input calibration_holdout.csv --holdout 39",
        "  engagement clv --model gammagamma --input summary.csv",
        "  engagement clv --model bgnbd --input summary.csv --save-model bgnbd.json",
        "  engagement clv --saved-model bgnbd.json --input summary.csv \\",
        "      --predict clv.csv --horizon 52",
        "  engagement clv --model bgbb --input donations.csv --save-model bgbb.json"})
final class ClvCommand implements Callable<Integer> {
  private static final FitOptions OPTIONS = FitOptions.defaults();
  private static final String LAST_POINT = "the estimates are the last point reached";

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

  @Option(names = "--model", paramLabel = "NAME",
      description = "the model to fit: bgnbd, mbgnbd, paretonbd, gammagamma or bgbb (not with --saved-model)")
  private @Nullable String model;

  @Option(names = "--input", paramLabel = "SUMMARY",
      description = "the summary CSV (UTF-8, header frequency,recency,T[,monetary_value] or x,t_x,T[,zbar]); with "
          + "--saved-model only for --predict")
  private @Nullable Path input;

  @Option(names = "--unit", paramLabel = "UNIT",
      description = "the unit of recency and T in the file: day, week or month (default: week; a saved model's "
          + "own unit with --saved-model)")
  private @Nullable String unit;

  @Option(names = "--predict", paramLabel = "FILE",
      description = "also write per customer, in input order, the columns frequency, recency, T, p_alive, "
          + "expected_purchases and, with spend, expected_value (purchase models only; needs --horizon); for "
          + "bgbb, per history row, the columns frequency, recency, periods, customers, p_alive and "
          + "expected_purchases")
  private @Nullable Path predict;

  @Option(names = "--horizon", paramLabel = "N",
      description = "the prediction horizon: N periods of --unit after each customer's T (with --predict)")
  private @Nullable String horizon;

  @Option(names = "--save-model", paramLabel = "FILE",
      description = "also save the fitted model (parameters, fit status, standard errors, data summary) as JSON "
          + "to FILE, when the fit is usable")
  private @Nullable Path saveModel;

  @Option(names = "--saved-model", paramLabel = "FILE",
      description = "use the model saved in FILE by --save-model instead of fitting one: prints its fit and, "
          + "with --input, --predict and --horizon, predicts")
  private @Nullable Path savedModel;

  @Option(names = "--holdout", paramLabel = "N",
      description = "also check the fit against the summary's holdout_frequency column, each customer's purchases "
          + "in the N periods of --unit after T: predicted against actual purchases, in total and by calibration "
          + "frequency 0..6, 7+ (rows holdout:..., or the JSON member holdout); purchase models only")
  private @Nullable String holdout;

  @Mixin
  private FormatOption format = new FormatOption();

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
    boolean json = format.json();
    Path saved = savedModel;
    if (saved != null) {
      return fromSaved(saved, json);
    }
    String name = model;
    Path summaryFile = input;
    if (name == null || summaryFile == null) {
      throw Failure.usage("clv needs --model NAME and --input SUMMARY, or --saved-model FILE");
    }
    PrintStream err = System.err;
    if (name.strip().equalsIgnoreCase("bgbb")) {
      return discrete(summaryFile, json, err);
    }
    Fitter fitter = MODELS.get(name.toLowerCase(Locale.ROOT));
    if (fitter == null) {
      throw Failure.usage("unknown model '" + name + "'; the models are " + String.join(", ", MODELS.keySet())
          + ", bgbb");
    }
    SavedClvModel.Kind kind = SavedClvModel.Kind.valueOf(name.toUpperCase(Locale.ROOT));
    PeriodUnit timeUnit = unit(unit == null ? "week" : unit);
    double periods = predictionHorizon(kind);
    double holdoutPeriods = holdoutPeriods(kind);
    ForecastBootstrap bootstrap = bootstrap();
    if (bootstrap != null && json) {
      throw Failure.usage("--intervals prints CSV rows total:, low: and high:; it does not go with --format json");
    }
    Path predictions = predict;
    Path save = saveModel;
    checkOutputs(predictions, save, summaryFile);
    SummaryCsvReader.Result summaries = read(summaryFile, kind == SavedClvModel.Kind.GAMMAGAMMA);
    if (kind.purchases()) {
      ClvHoldout.requireBoth(holdoutPeriods, summaries, summaryFile.toString());
    } else if (summaries.hasHoldout()) {
      err.println(summaryFile + ": the " + ClvHoldout.COLUMN + " column is not used: " + name + " models spend, "
          + "not purchases");
    }
    RejectionLines.print(summaryFile.toString(), summaries.report(), err);
    if (summaries.summaries().isEmpty()) {
      throw Failure.failed("no valid customers in " + summaryFile + ": nothing to fit");
    }
    ModelFit<?> modelFit;
    ClvFitData data;
    try {
      modelFit = fitter.fit(summaries, timeUnit);
      data = kind.purchases() ? ClvFitData.ofPurchases(WeightedSummary.compress(summaries.summaries()))
          : ClvFitData.ofSpend(spends(summaries));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw Failure.failed("cannot fit " + name + " to " + summaryFile + ": " + e.getMessage(), e);
    }
    FitResult fit = modelFit.result();
    SavedClvModel fitted = SavedClvModel.of(kind, kind.purchases() ? timeUnit : null, fit, data);
    ClvHoldout check = Double.isNaN(holdoutPeriods) || !fit.usable() ? null
        : ClvHoldout.of((RepeatBuyingModel) modelFit.model(), summaries.summaries(), holdoutPeriods);
    ClvFitOutput.Status status = ClvFitOutput.show(fitted, check, json, "cannot fit " + name + " to " + summaryFile,
        "the fit", LAST_POINT, err);
    if (status == ClvFitOutput.Status.UNUSABLE) {
      return Exit.FAILED;
    }
    if (check != null) {
      check.describe(name.toLowerCase(Locale.ROOT), err);
    }
    boolean clean = summaries.report().isClean() && status == ClvFitOutput.Status.CLEAN;
    if (save != null) {
      ClvFitOutput.save(save, fitted);
    }
    if (predictions != null) {
      clean &= ClvPredictions.write(predictions, (RepeatBuyingModel) modelFit.model(), summaries, periods, err);
    }
    if (bootstrap != null) {
      try {
        ClvTotals.print(bootstrap, name.toLowerCase(Locale.ROOT), summaries.summaries(), timeUnit, periods,
            summaries.hasMeanSpend(), System.out, err);
      } catch (IllegalArgumentException | ArithmeticException | IllegalStateException e) {
        err.println("no intervals: " + e.getMessage());
        clean = false;
      }
    }
    return clean ? Exit.OK : Exit.FAILED;
  }

  /**
   * {@code --model bgbb}: histories at discrete opportunities, so no unit and no intervals; prints and saves the
   * fit as the other models do, and predicts over the next {@code --horizon} opportunities.
   */
  private int discrete(Path summaryFile, boolean json, PrintStream err) throws Failure {
    if (unit != null) {
      throw Failure.usage("--unit does not go with bgbb: its times count purchase opportunities");
    }
    if (intervals != null || seed != null || level != null) {
      throw Failure.usage("--intervals is for the continuous-time purchase models, not bgbb");
    }
    refuseHoldoutFor(SavedClvModel.Kind.BGBB);
    int opportunities = opportunities(predictionHorizon(SavedClvModel.Kind.BGBB));
    Path predictions = predict;
    Path save = saveModel;
    checkOutputs(predictions, save, summaryFile);
    DiscreteSummaryCsvReader.Result histories = ClvDiscrete.read(summaryFile, err);
    ModelFit<BgBbModel> modelFit = ClvDiscrete.fit(histories.summaries(), summaryFile);
    FitResult fit = modelFit.result();
    SavedClvModel fitted = SavedClvModel.of(SavedClvModel.Kind.BGBB, null, fit,
        ClvFitData.ofDiscrete(histories.summaries()));
    ClvFitOutput.Status status = ClvFitOutput.show(fitted, json, "cannot fit bgbb to " + summaryFile, "the fit",
        LAST_POINT, err);
    if (status == ClvFitOutput.Status.UNUSABLE) {
      return Exit.FAILED;
    }
    boolean clean = histories.report().isClean() && status == ClvFitOutput.Status.CLEAN;
    if (save != null) {
      ClvFitOutput.save(save, fitted);
    }
    if (predictions != null) {
      ClvDiscrete.write(predictions, modelFit.model(), histories.summaries(), opportunities);
    }
    return clean ? Exit.OK : Exit.FAILED;
  }

  /**
   * The horizon as a whole number of opportunities, or 0 without {@code --predict}.
   *
   * @throws Failure a usage error if it is not a whole number
   */
  private int opportunities(double periods) throws Failure {
    if (Double.isNaN(periods)) {
      return 0;
    }
    if (periods != Math.rint(periods) || periods > Integer.MAX_VALUE) {
      throw Failure.usage("--horizon '" + horizon + "' is invalid: bgbb predicts over a whole number of "
          + "purchase opportunities");
    }
    return (int) periods;
  }

  /**
   * {@code --saved-model}: prints the saved fit and, with {@code --predict}, predicts from the saved model
   * without fitting.
   */
  private int fromSaved(Path file, boolean json) throws Failure {
    if (model != null || saveModel != null) {
      throw Failure.usage("--saved-model " + file + " names its own model: it goes without --model and --save-model");
    }
    if (intervals != null || seed != null || level != null) {
      throw Failure.usage("--intervals refits the model on resamples of customers: it does not go with --saved-model");
    }
    SavedClvModel saved = ClvFitOutput.load(file);
    PeriodUnit savedUnit = saved.unit();
    if (unit != null && saved.kind() == SavedClvModel.Kind.BGBB) {
      throw Failure.usage("--unit does not go with bgbb: its times count purchase opportunities");
    }
    if (unit != null && savedUnit != null && unit(unit) != savedUnit) {
      throw Failure.usage("--unit " + unit + " is not the saved model's unit (" + savedUnit.name()
          .toLowerCase(Locale.ROOT) + "): the summary must be in the unit the model was fitted in");
    }
    double periods = predictionHorizon(saved.kind());
    double holdoutPeriods = holdoutPeriods(saved.kind());
    Path predictions = predict;
    Path summaryFile = input;
    if ((predictions == null && holdout == null) != (summaryFile == null)) {
      throw Failure.usage("with --saved-model, --input SUMMARY goes with --predict FILE or --holdout N: the summary "
          + "is read only to predict or to check the saved model");
    }
    checkOutputs(predictions, null, summaryFile);
    PrintStream err = System.err;
    if (saved.kind() == SavedClvModel.Kind.BGBB) {
      return savedDiscrete(saved, file, json, summaryFile, predictions, periods, err);
    }
    SummaryCsvReader.Result summaries = null;
    if (summaryFile != null) {
      summaries = read(summaryFile, false);
      ClvHoldout.requireBoth(holdoutPeriods, summaries, summaryFile.toString());
      RejectionLines.print(summaryFile.toString(), summaries.report(), err);
      if (!Double.isNaN(holdoutPeriods) && summaries.summaries().isEmpty()) {
        throw Failure.failed("no valid customers in " + summaryFile + ": nothing to check the saved model on");
      }
    }
    ClvHoldout check = summaries == null || Double.isNaN(holdoutPeriods) || !saved.fit().usable() ? null
        : ClvHoldout.of(saved.purchaseModel(), summaries.summaries(), holdoutPeriods);
    ClvFitOutput.Status status = ClvFitOutput.show(saved, check, json, "cannot use the model saved in " + file,
        "the saved fit", "it cannot predict", err);
    if (status == ClvFitOutput.Status.UNUSABLE) {
      return Exit.FAILED;
    }
    if (check != null) {
      check.describe("the saved " + saved.kind().name().toLowerCase(Locale.ROOT), err);
    }
    boolean clean = status == ClvFitOutput.Status.CLEAN;
    if (summaries != null) {
      clean &= summaries.report().isClean();
    }
    if (predictions != null && summaries != null) {
      clean &= ClvPredictions.write(predictions, saved.purchaseModel(), summaries, periods, err);
    }
    return clean ? Exit.OK : Exit.FAILED;
  }

  /** {@code --saved-model} of a BG/BB fit: prints it and, with {@code --predict}, predicts without fitting. */
  private int savedDiscrete(SavedClvModel saved, Path file, boolean json, @Nullable Path summaryFile,
      @Nullable Path predictions, double periods, PrintStream err) throws Failure {
    ClvFitOutput.Status status = ClvFitOutput.show(saved, json, "cannot use the model saved in " + file,
        "the saved fit", "it cannot predict", err);
    if (status == ClvFitOutput.Status.UNUSABLE) {
      return Exit.FAILED;
    }
    boolean clean = status == ClvFitOutput.Status.CLEAN;
    if (predictions != null && summaryFile != null) {
      DiscreteSummaryCsvReader.Result histories = ClvDiscrete.read(summaryFile, err);
      clean &= histories.report().isClean();
      ClvDiscrete.write(predictions, saved.discreteModel(), histories.summaries(), opportunities(periods));
    }
    return clean ? Exit.OK : Exit.FAILED;
  }

  /**
   * Checks the output files writable before any work, and that none is the input.
   *
   * @throws Failure a usage error if an output is the input or both outputs are one file; a failure if one
   *     cannot be written
   */
  private static void checkOutputs(@Nullable Path predictions, @Nullable Path save, @Nullable Path summaryFile)
      throws Failure {
    if (predictions != null && predictions.equals(save)) {
      throw Failure.usage("--predict and --save-model name the same file " + predictions);
    }
    for (Path output : new Path[] {predictions, save}) {
      if (output != null && output.equals(summaryFile)) {
        throw Failure.usage(output + " is both the --input and an output: the input would be overwritten");
      }
      if (output != null) {
        OutputFile.check(output);
      }
    }
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
  private double predictionHorizon(SavedClvModel.Kind kind) throws Failure {
    String text = horizon;
    if (predict == null && text == null) {
      return Double.NaN;
    }
    if (predict == null || text == null) {
      throw Failure.usage("--predict and --horizon go together: --predict FILE --horizon N");
    }
    if (kind == SavedClvModel.Kind.GAMMAGAMMA) {
      throw Failure.usage("--predict needs a purchase model (bgnbd, mbgnbd, paretonbd or bgbb), not gammagamma");
    }
    return positivePeriods("--horizon", text);
  }

  /**
   * The holdout length of {@code --holdout}, or NaN without it.
   *
   * @throws Failure a usage error if the model is not a continuous-time purchase model or the length is not a
   *     positive finite number
   */
  private double holdoutPeriods(SavedClvModel.Kind kind) throws Failure {
    String text = holdout;
    if (text == null) {
      return Double.NaN;
    }
    refuseHoldoutFor(kind);
    return positivePeriods("--holdout", text);
  }

  /**
   * Checks that {@code --holdout}, if given, goes with {@code kind}.
   *
   * @throws Failure a usage error if it is given and {@code kind} is not a continuous-time purchase model
   */
  private void refuseHoldoutFor(SavedClvModel.Kind kind) throws Failure {
    if (holdout != null && kind == SavedClvModel.Kind.GAMMAGAMMA) {
      throw Failure.usage("--holdout needs a purchase model (bgnbd, mbgnbd or paretonbd): gammagamma models spend, "
          + "not purchases");
    }
    if (holdout != null && kind == SavedClvModel.Kind.BGBB) {
      throw Failure.usage("--holdout is for the continuous-time purchase models (bgnbd, mbgnbd, paretonbd), not bgbb:"
          + " its histories count purchase opportunities");
    }
  }

  /**
   * {@code text} as a positive finite number of periods.
   *
   * @throws Failure a usage error naming {@code option} if it is not one
   */
  private static double positivePeriods(String option, String text) throws Failure {
    double n;
    try {
      n = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      n = Double.NaN;
    }
    if (!(n > 0 && n < Double.POSITIVE_INFINITY) || !text.strip().matches("[0-9.eE+-]+")) {
      throw Failure.usage(option + " '" + text + "' is invalid: must be a positive number of periods of --unit");
    }
    return n;
  }

  /**
   * The summaries of {@code file}, every row accounted for; a file that cannot be read to its end throws in the
   * reader, so nothing is fitted on part of it.
   */
  private static SummaryCsvReader.Result read(Path file, boolean spend) throws Failure {
    SummaryCsvReader.Domain domain = spend ? SummaryCsvReader.Domain.SPEND : SummaryCsvReader.Domain.REPEAT_BUYING;
    try (InputStream in = InputFile.openBytes(file)) {
      return SummaryCsvReader.read(in, file.toString(), domain);
    } catch (InvalidSourceException e) {
      throw Failure.failed("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(file, e);
    }
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
}
