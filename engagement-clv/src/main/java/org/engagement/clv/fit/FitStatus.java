package org.engagement.clv.fit;

/**
 * How a maximum-likelihood search ended. Only {@link #CONVERGED} means the estimates are an interior
 * maximum the optimiser could not improve; {@link #DEGENERATE} means it stopped at the edge of the
 * parameter space, where the model collapses into a simpler one; the others keep the best point seen for
 * diagnosis only.
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
  NOT_FINITE,
  /**
   * The search settled, but with parameters run off towards a boundary of the parameter space (a mixing
   * distribution's shapes towards infinity, so it collapses to one value, or a parameter towards 0): the
   * likelihood is flat along that direction, so the estimates there mean only "as far as the data allow"
   * and there are no standard errors. The model at the estimates is the limit the data point to (for
   * example no heterogeneity in drop-out), usable but to be shown with {@link FitResult#degeneracy()},
   * which names the parameters, where they went and what that means.
   */
  DEGENERATE;

  /**
   * Whether a model can be built from the estimates: {@link #CONVERGED}, or {@link #DEGENERATE} (a
   * settled search at the boundary, whose model is the limit the data point to).
   */
  public boolean usable() {
    return this == CONVERGED || this == DEGENERATE;
  }
}
