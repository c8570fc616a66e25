package org.engagement.clv.fit;

/**
 * How a maximum-likelihood search ended. Only {@link #CONVERGED} means the estimates are a maximum the
 * optimiser could not improve; the others keep the best point seen for diagnosis only.
 *
 * <p>Immutable and thread-safe, being an enum.
 *
 * @since 0.1.0
 */
public enum FitStatus {
  /** Both search stages met their tolerance within the limits. */
  CONVERGED,
  /** The simplex search reached {@link FitOptions#maxIterations()} before meeting its tolerance. */
  ITERATION_LIMIT,
  /** The search used {@link FitOptions#maxEvaluations()} likelihood evaluations before converging. */
  EVALUATION_LIMIT,
  /** The log-likelihood is not finite at the starting values or at the best point found. */
  NOT_FINITE
}
