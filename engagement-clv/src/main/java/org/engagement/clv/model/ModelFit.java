package org.engagement.clv.model;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.engagement.clv.fit.FitNotConvergedException;
import org.engagement.clv.fit.FitResult;

/**
 * A fitted model together with the search that produced it.
 *
 * <p>{@link #model()} hands out the model only if the search converged or settled at a boundary ({@link
 * org.engagement.clv.fit.FitStatus#DEGENERATE}, whose model is the limit the data point to, e.g. one
 * drop-out probability for everyone), so predictions never come silently from an arbitrary point of a
 * failed search; {@link #result()} always gives the status, the degeneracy reason, the likelihood, the
 * (last) estimates and the standard errors. Callers that show predictions should show a degenerate
 * status with its reason.
 *
 * <p>Immutable and thread-safe when {@code M} is.
 *
 * @param <M> the model type
 * @since 0.1.0
 */
public final class ModelFit<M> {
  private final FitResult result;
  private final Function<double[], M> factory;

  ModelFit(FitResult result, Boundaries boundaries, Function<double[], M> factory) {
    this.result = boundaries.check(requireNonNull(result, "result"));
    this.factory = requireNonNull(factory, "factory");
  }

  /** The search outcome: estimates, log-likelihood, status, counts and standard errors. */
  public FitResult result() {
    return result;
  }

  /** Whether the search converged to an interior maximum (not {@link #degenerate()}). */
  public boolean converged() {
    return result.converged();
  }

  /** Whether the search settled at a boundary of the parameter space (see {@link FitResult#degeneracy()}). */
  public boolean degenerate() {
    return result.status() == org.engagement.clv.fit.FitStatus.DEGENERATE;
  }

  /**
   * The fitted model.
   *
   * @throws FitNotConvergedException if the search neither converged nor settled at a boundary (the
   *     message gives the status and the last estimates)
   */
  public M model() {
    return factory.apply(result.requireUsable().estimates());
  }

  @Override
  public String toString() {
    return "ModelFit[" + result + "]";
  }
}
