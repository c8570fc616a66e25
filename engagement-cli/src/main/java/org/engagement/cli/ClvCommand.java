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
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.MbgNbdModel;
import org.engagement.clv.model.ParetoNbdModel;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.SummaryCsvReader;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engagement clv --model bgnbd|mbgnbd|paretonbd|gammagamma --input SUMMARY [--unit week]}: fits a
 * customer-lifetime-value model by maximum likelihood to a repeat-buying summary CSV and prints the fit.
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
 * standard errors that are not finite are left out, as when the Hessian allows none.
 *
 * <p>Exit code 0 on a clean, converged fit; 1 when a row was rejected (each is reported on standard error
 * with its file, line and reason; the fit uses the others), the file cannot be read or stops being readable
 * part way (then nothing is fitted: the records after the break were not read), the fit is refused or did
 * not converge; 2 on a usage error: an unknown model or unit, or {@code gammagamma} on a file without spend.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
    description = "Fit a customer-lifetime-value model (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma) to a summary CSV "
        + "frequency,recency,T[,monetary_value] or x,t_x,T[,zbar]; prints CSV parameter,value.")
final class ClvCommand implements Callable<Integer> {
  private static final FitOptions OPTIONS = FitOptions.defaults();

  /** Fits one model to the summaries read, with times in {@code unit}. */
  @FunctionalInterface
  private interface Fitter {
    FitResult fit(SummaryCsvReader.Result summaries, PeriodUnit unit) throws Failure;
  }

  /** The models by command-line name, in the order listed in the help. */
  private static final Map<String, Fitter> MODELS = models();

  private static Map<String, Fitter> models() {
    Map<String, Fitter> models = new LinkedHashMap<>();
    models.put("bgnbd", (s, unit) -> BgNbdModel.fit(WeightedSummary.compress(s.summaries()), unit, OPTIONS).result());
    models.put("mbgnbd", (s, unit) -> MbgNbdModel.fit(WeightedSummary.compress(s.summaries()), unit, OPTIONS).result());
    models.put("paretonbd", (s, unit) -> ParetoNbdModel.fit(WeightedSummary.compress(s.summaries()), unit, OPTIONS).result());
    models.put("gammagamma", (s, unit) -> GammaGammaModel.fit(spends(s), OPTIONS).result());
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

  @Override
  public Integer call() throws Failure {
    PrintStream err = System.err;
    Fitter fitter = MODELS.get(model.toLowerCase(Locale.ROOT));
    if (fitter == null) {
      throw Failure.usage("unknown model '" + model + "'; the models are " + String.join(", ", MODELS.keySet()));
    }
    PeriodUnit timeUnit = unit(unit);
    SummaryCsvReader.Result summaries = read();
    RejectionLines.print(input.toString(), summaries.report(), err);
    if (summaries.summaries().isEmpty()) {
      throw Failure.failed("no valid customers in " + input + ": nothing to fit");
    }
    FitResult fit;
    try {
      fit = fitter.fit(summaries, timeUnit);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw Failure.failed("cannot fit " + model + " to " + input + ": " + e.getMessage(), e);
    }
    System.out.print(csv(fit));
    if (!fit.converged()) {
      err.println("the fit did not converge (" + fit.status() + "): the estimates are the last point reached");
      return Exit.FAILED;
    }
    return summaries.report().isClean() ? Exit.OK : Exit.FAILED;
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
