package org.engagement.clv.fit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a maximum-likelihood search: the estimates by name (natural scale), the maximised
 * log-likelihood, how the search ended, and the standard errors.
 *
 * <p>Standard errors come from the numerical Hessian of the negative log-likelihood on the transformed
 * (search) scale at the estimate, inverted, and carried back to the natural scale by the delta method
 * ({@code se(theta) = |d theta / d u| * sqrt(Cov(u))}). They are unavailable when that Hessian is not
 * positive definite (a flat or saddle point), which {@link #hasStandardErrors()} reports.
 *
 * <p>{@link #estimates()} and {@link #estimate(String)} return the best point even when the search did
 * not converge, so that a failed fit can be inspected; callers that go on to predict must call {@link
 * #requireUsable()} (or the stricter {@link #requireConverged()}) first (the model fits do). A {@link
 * FitStatus#DEGENERATE} result carries the reason ({@link #degeneracy()}) and no standard errors.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class FitResult {
  private final List<String> names;
  private final double[] estimates;
  private final double logLikelihood;
  private final FitStatus status;
  private final int iterations;
  private final int evaluations;
  private final double @Nullable [][] covariance;
  private final @Nullable String degeneracy;

  private FitResult(List<String> names, double[] estimates, double logLikelihood, FitStatus status,
      int iterations, int evaluations, double @Nullable [][] covariance, @Nullable String degeneracy) {
    this.names = List.copyOf(names);
    this.estimates = estimates.clone();
    this.logLikelihood = logLikelihood;
    this.status = requireNonNull(status, "status");
    this.iterations = iterations;
    this.evaluations = evaluations;
    this.covariance = covariance == null ? null : copy(covariance);
    this.degeneracy = degeneracy;
  }

  /**
   * A result; the arrays are copied. Fits make these; a host makes one to restore a saved fit.
   *
   * @param names the parameter names, in the model's order
   * @param estimates the estimates on the natural scale, one per name
   * @param logLikelihood the log-likelihood at the estimates
   * @param status how the search ended
   * @param iterations the optimiser's iterations
   * @param evaluations the log-likelihood evaluations
   * @param covariance the covariance of the estimates on the natural scale, or {@code null} when the
   *     Hessian was not positive definite
   */
  public static FitResult of(List<String> names, double[] estimates, double logLikelihood, FitStatus status,
      int iterations, int evaluations, double @Nullable [][] covariance) {
    return new FitResult(names, estimates, logLikelihood, status, iterations, evaluations,
        status == FitStatus.DEGENERATE ? null : covariance,
        status == FitStatus.DEGENERATE ? "the search stopped at a boundary of the parameter space" : null);
  }

  /**
   * This converged result marked {@link FitStatus#DEGENERATE}: same estimates and counts, no standard
   * errors (along the boundary direction the likelihood is flat, so a finite-difference Hessian there
   * would pretend a precision the data do not have), and {@code reason} as {@link #degeneracy()}.
   *
   * @param reason which parameters ran to which bound and what that means, in a sentence
   * @throws IllegalStateException if this result did not converge
   */
  public FitResult degenerate(String reason) {
    requireNonNull(reason, "reason");
    if (status != FitStatus.CONVERGED) {
      throw new IllegalStateException("only a converged search can be degenerate, not " + status);
    }
    return new FitResult(names, estimates, logLikelihood, FitStatus.DEGENERATE, iterations, evaluations, null,
        reason);
  }

  /**
   * Why the fit is {@link FitStatus#DEGENERATE}: which parameters ran to which bound and what the
   * collapsed model means; empty for any other status.
   */
  public Optional<String> degeneracy() {
    return Optional.ofNullable(degeneracy);
  }

  /** The parameter names, in the model's order. */
  public List<String> parameterNames() {
    return names;
  }

  /** The estimates on the natural scale, in the order of {@link #parameterNames()} (a copy). */
  public double[] estimates() {
    return estimates.clone();
  }

  /**
   * The estimate of {@code name}.
   *
   * @throws InvalidFieldException if the model has no such parameter
   */
  public double estimate(String name) {
    return estimates[index(name)];
  }

  /** The log-likelihood at {@link #estimates()}. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** How the search ended. */
  public FitStatus status() {
    return status;
  }

  /** Whether the search converged to an interior maximum ({@link FitStatus#CONVERGED}). */
  public boolean converged() {
    return status == FitStatus.CONVERGED;
  }

  /** Whether a model can be built from the estimates ({@link FitStatus#usable()}). */
  public boolean usable() {
    return status.usable();
  }

  /**
   * This result if a model can be built from it: converged, or degenerate (settled at a boundary).
   *
   * @throws FitNotConvergedException naming the status, the counts and the last estimates otherwise
   */
  public FitResult requireUsable() {
    return usable() ? this : requireConverged();
  }

  /** The simplex iterations used. */
  public int iterations() {
    return iterations;
  }

  /** The log-likelihood evaluations used, by both search stages (not counting the Hessian). */
  public int evaluations() {
    return evaluations;
  }

  /**
   * This result if the search converged.
   *
   * @throws FitNotConvergedException naming the status, the counts and the last estimates otherwise
   */
  public FitResult requireConverged() {
    if (!converged()) {
      throw new FitNotConvergedException(status, String.format(Locale.ROOT,
          "maximum-likelihood fit did not converge: %s after %d iterations and %d evaluations;"
              + " last estimates %s, log-likelihood %s%s", status, iterations, evaluations, describe(),
          logLikelihood, degeneracy == null ? "" : "; " + degeneracy));
    }
    return this;
  }

  /**
   * Whether standard errors are available: the Hessian at the estimate is positive definite and the fit
   * is not {@link FitStatus#DEGENERATE}.
   */
  public boolean hasStandardErrors() {
    return covariance != null;
  }

  /**
   * The standard error of {@code name} on the natural scale.
   *
   * @throws IllegalStateException if {@link #hasStandardErrors()} is false
   * @throws InvalidFieldException if the model has no such parameter
   */
  public double standardError(String name) {
    int i = index(name);
    return Math.sqrt(requireCovariance()[i][i]);
  }

  /**
   * The covariance matrix of the estimates on the natural scale (a copy), by the delta method.
   *
   * @throws IllegalStateException if {@link #hasStandardErrors()} is false
   */
  public double[][] covariance() {
    return copy(requireCovariance());
  }

  @Override
  public String toString() {
    return "FitResult[" + describe() + ", logLikelihood=" + logLikelihood + ", status=" + status
        + (degeneracy == null ? "" : " (" + degeneracy + ")") + ", iterations=" + iterations + ", evaluations="
        + evaluations + "]";
  }

  private double[][] requireCovariance() {
    double[][] c = covariance;
    if (c == null && degeneracy != null) {
      throw new IllegalStateException("no standard errors: the fit is degenerate: " + degeneracy);
    }
    if (c == null) {
      throw new IllegalStateException(
          "no standard errors: the Hessian of the negative log-likelihood at " + describe()
              + " is not positive definite");
    }
    return c;
  }

  private String describe() {
    List<String> parts = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      parts.add(names.get(i) + "=" + estimates[i]);
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private int index(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new InvalidFieldException("name", name, "must be one of " + names);
    }
    return i;
  }

  private static double[][] copy(double[][] matrix) {
    double[][] out = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      out[i] = Arrays.copyOf(matrix[i], matrix[i].length);
    }
    return out;
  }
}
