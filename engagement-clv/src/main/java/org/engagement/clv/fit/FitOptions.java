package org.engagement.clv.fit;

import org.engagement.core.domain.InvalidFieldException;

/**
 * Limits and tolerance of a maximum-likelihood search.
 *
 * <p>The search is a Nelder-Mead simplex stage (robust far from the optimum, capped at {@code
 * maxIterations} iterations) followed by a BOBYQA polish (fast and precise near it); {@code
 * maxEvaluations} caps the likelihood evaluations of both together. {@code relativeTolerance} is the
 * relative change of the log-likelihood under which the simplex stage stops; the polish stops when its
 * trust region is {@code 1e-9} on the transformed scale.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param maxIterations the simplex iteration cap, at least 1
 * @param maxEvaluations the likelihood evaluation cap, at least 10
 * @param relativeTolerance in {@code (0, 1e-3]}
 * @since 0.1.0
 */
public record FitOptions(int maxIterations, int maxEvaluations, double relativeTolerance) {

  /** Validates the fields. */
  public FitOptions {
    if (maxIterations < 1) {
      throw new InvalidFieldException("maxIterations", maxIterations, "must be at least 1");
    }
    if (maxEvaluations < 10) {
      throw new InvalidFieldException("maxEvaluations", maxEvaluations, "must be at least 10");
    }
    if (!(relativeTolerance > 0 && relativeTolerance <= 1e-3)) {
      throw new InvalidFieldException("relativeTolerance", relativeTolerance, "must be in (0, 1e-3]");
    }
  }

  /** 5,000 iterations, 20,000 evaluations, tolerance {@code 1e-10}: enough for the 3-4 parameter models. */
  public static FitOptions defaults() {
    return new FitOptions(5_000, 20_000, 1e-10);
  }

  /** These options with another simplex iteration cap. */
  public FitOptions withMaxIterations(int cap) {
    return new FitOptions(cap, maxEvaluations, relativeTolerance);
  }

  /** These options with another evaluation cap. */
  public FitOptions withMaxEvaluations(int cap) {
    return new FitOptions(maxIterations, cap, relativeTolerance);
  }
}
