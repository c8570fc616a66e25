package org.engagement.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.engagement.clv.fit.FitResult;
import org.engagement.json.EngagementJson;
import org.engagement.json.saved.SavedClvModel;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code clv} command prints and saves of a fit, whether fitted now or read from a saved model: the fit
 * as CSV {@code parameter,value} or as the saved model's JSON form, the lines on standard error that say a fit
 * is unusable or degenerate, and the saved-model file. One place, so the three ways into the command ({@code
 * --model}, {@code --model bgbb}, {@code --saved-model}) print and judge a fit alike. Stateless.
 */
final class ClvFitOutput {
  /** What a printed fit allows next. */
  enum Status {
    /** Converged and not degenerate: predictions follow, exit 0 if nothing else failed. */
    CLEAN,
    /** Usable, but settled at a boundary: predictions follow (from the collapsed model), exit 1. */
    DEGENERATE,
    /** Did not converge: nothing follows, exit 1. */
    UNUSABLE
  }

  private ClvFitOutput() {}

  /**
   * Prints {@code saved}'s fit on standard output and, on {@code err}, why it is unusable or degenerate.
   *
   * @param subject how the lines on {@code err} name the fit: "the fit" or "the saved fit"
   * @param unusable what the unusable line adds after the status, e.g. "the estimates are the last point reached"
   * @param failure the start of the message if the fit cannot be printed, e.g. "cannot fit bgnbd to x.csv"
   * @throws Failure if an estimate or the log-likelihood is not finite, or the JSON form cannot be written
   */
  static Status show(SavedClvModel saved, boolean json, String failure, String subject, String unusable,
      PrintStream err) throws Failure {
    return show(saved, null, json, failure, subject, unusable, err);
  }

  /**
   * Prints {@code saved}'s fit as {@link #show(SavedClvModel, boolean, String, String, String, PrintStream)}
   * does, followed by {@code holdout}'s figures when there are some: its rows after the fit's in CSV, its
   * member {@code holdout} in the JSON form (a reader of the saved-model form ignores it).
   *
   * @throws Failure if an estimate or the log-likelihood is not finite, or the JSON form cannot be written
   */
  static Status show(SavedClvModel saved, @Nullable ClvHoldout holdout, boolean json, String failure,
      String subject, String unusable, PrintStream err) throws Failure {
    print(saved, holdout, json, failure);
    FitResult fit = saved.fit();
    if (!fit.usable()) {
      err.println(subject + " did not converge (" + fit.status() + "): " + unusable);
      return Status.UNUSABLE;
    }
    if (fit.degeneracy().isPresent()) {
      err.println(subject + " is degenerate (" + fit.status() + "): " + fit.degeneracy().get());
      return Status.DEGENERATE;
    }
    return Status.CLEAN;
  }

  /**
   * Writes {@code saved}'s JSON form to {@code file}, checked writable before the fit.
   *
   * @throws Failure if the file cannot be written
   */
  static void save(Path file, SavedClvModel saved) throws Failure {
    OutputFile.write(file, out -> JsonOutput.write(out, EngagementJson.writeTree(saved)));
  }

  /**
   * The model saved in {@code file}.
   *
   * @throws Failure if it cannot be read, is not JSON, or is not a saved CLV model of a version this tool reads
   */
  static SavedClvModel load(Path file) throws Failure {
    try (InputStream in = InputFile.openBytes(file)) {
      return EngagementJson.read(in, SavedClvModel.class);
    } catch (JsonProcessingException e) {
      throw Failure.failed("cannot read the saved model " + file + ": not one JSON document: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(file, e);
    } catch (IllegalArgumentException e) {
      throw Failure.failed("cannot read the saved model " + file + ": " + e.getMessage(), e);
    }
  }

  /** Prints the fit as CSV {@code parameter,value}, or the saved model's JSON form, with the holdout's figures. */
  private static void print(SavedClvModel saved, @Nullable ClvHoldout holdout, boolean json, String failure)
      throws Failure {
    FitResult fit = saved.fit();
    double[] estimates = fit.estimates();
    for (int i = 0; i < estimates.length; i++) {
      finite(failure, fit.parameterNames().get(i), estimates[i]);
    }
    finite(failure, "the log-likelihood", fit.logLikelihood());
    if (!json) {
      System.out.print(csv(fit) + (holdout == null ? "" : holdout.csv()));
      return;
    }
    try {
      ObjectNode tree = (ObjectNode) EngagementJson.writeTree(saved);
      if (holdout != null) {
        tree.set("holdout", holdout.json());
      }
      System.out.print(JsonOutput.text(tree));
    } catch (IOException e) {
      throw Failure.failed(failure + ": the fit cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** The fit as CSV; its estimates and log-likelihood are finite ({@link #print}). */
  private static String csv(FitResult fit) {
    StringBuilder csv = new StringBuilder("parameter,value\n");
    double[] estimates = fit.estimates();
    for (int i = 0; i < estimates.length; i++) {
      csv.append(fit.parameterNames().get(i)).append(',').append(CsvCells.number(estimates[i])).append('\n');
    }
    csv.append("log_likelihood,").append(CsvCells.number(fit.logLikelihood())).append('\n');
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

  /**
   * Checks a figure before anything is printed.
   *
   * @throws Failure if it is not a finite number
   */
  private static void finite(String failure, String name, double value) throws Failure {
    if (!Double.isFinite(value)) {
      throw Failure.failed(failure + ": the fit ran off to " + name + " = " + value
          + " (the data may not identify the model, e.g. spends spanning hundreds of orders of magnitude); "
          + "nothing was printed");
    }
  }
}
