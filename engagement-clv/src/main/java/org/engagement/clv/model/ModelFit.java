package org.engagement.clv.model;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.engagement.clv.fit.FitNotConvergedException;
import org.engagement.clv.fit.FitResult;

/**
 * A fitted model together with the search that produced it.
 *
 * <p>{@link #model()} hands out the model only if the search converged, so predictions never come
 * silently from an arbitrary point of a failed search; {@link #result()} always gives the status, the
 * likelihood, the (last) estimates and the standard errors.
 *
 * <p>Immutable and thread-safe when {@code M} is.
 *
 * @param <M> the model type
 * @since 0.1.0
 */
public final class ModelFit<M> {
  private final FitResult result;
  private final Function<double[], M> factory;

  ModelFit(FitResult result, Function<double[], M> factory) {
    this.result = requireNonNull(result, "result");
    this.factory = requireNonNull(factory, "factory");
  }

  /** The search outcome: estimates, log-likelihood, status, counts and standard errors. */
  public FitResult result() {
    return result;
  }

  /** Whether the search converged. */
  public boolean converged() {
    return result.converged();
  }

  /**
   * The fitted model.
   *
   * @throws FitNotConvergedException if the search did not converge (the message gives the status and
   *     the last estimates)
   */
  public M model() {
    return factory.apply(result.requireConverged().estimates());
  }

  @Override
  public String toString() {
    return "ModelFit[" + result + "]";
  }
}
