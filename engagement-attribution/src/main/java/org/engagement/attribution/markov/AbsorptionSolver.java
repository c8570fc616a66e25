package org.engagement.attribution.markov;

/**
 * Solves {@code x = Q x + b} on the transient states of a {@link MarkovChain} by Gauss–Seidel sweeps over the
 * sparse rows, with {@code x} fixed at 0 on the absorbing states and on removed states. With
 * {@code b_s = p(s -> conversion)} the solution is the probability of eventually converting from each
 * state; with {@code b_s = p(s -> conversion) * meanValue(s)} it is the expected converting value.
 *
 * <p>States are swept from the highest index down: states are numbered in order of first appearance
 * along the paths, so a state's successors mostly have higher indices and the values flow back to
 * {@code (start)} in few sweeps. Self-loops (chains built without collapsing) are solved exactly within the state's update, so
 * a state repeated many times in a row costs no extra sweeps. Since Q and b are not negative, the iterates
 * approach the solution monotonically from any start below (0) or above (the unremoved solution).
 * Every sweep is charged to a {@link SolverBudget}, which stops the work when the analysis runs over its
 * limit. Stateless; not instantiable.
 */
final class AbsorptionSolver {
  private AbsorptionSolver() {}

  /**
   * Solves in place.
   *
   * @param x the starting point, overwritten with the solution (entries of absorbing and removed states
   *     are set to 0)
   * @param removed states whose value is fixed at 0, by state index
   * @param tolerance the sweep stops when no entry changed by more than {@code tolerance} times the largest
   *     entry
   * @param budget the sweep limit per solve and the work limit of the whole analysis, charged one
   *     transition visit per transition per sweep
   * @return the number of sweeps done
   * @throws org.engagement.attribution.ModelLimitException if the sweeps did not converge within the sweep
   *     limit, or the analysis ran over its work limit
   */
  static int solve(MarkovChain chain, double[] b, double[] x, boolean[] removed, double tolerance,
      SolverBudget budget) {
    int n = chain.stateCount();
    x[MarkovChain.CONVERSION] = 0;
    x[MarkovChain.NULL] = 0;
    for (int s = 0; s < n; s++) {
      if (removed[s]) {
        x[s] = 0;
      }
    }
    double delta = 0;
    int maxSweeps = budget.maxSweeps();
    for (int sweep = 1; sweep <= maxSweeps; sweep++) {
      budget.chargeSweep();
      delta = 0;
      double scale = 0;
      for (int s = n - 1; s >= 0; s--) {
        if (s == MarkovChain.CONVERSION || s == MarkovChain.NULL || removed[s]) {
          continue;
        }
        double v = b[s];
        double loop = 0;
        for (int e = chain.transitionStart(s), end = chain.transitionEnd(s); e < end; e++) {
          int t = chain.target(e);
          if (t == s) {
            loop = chain.probability(e);
          } else {
            v += chain.probability(e) * x[t];
          }
        }
        if (loop > 0) {
          // Solve the self-loop exactly: x_s = (b_s + sum over t != s) / (1 - p(s -> s)).
          v = loop < 1 ? v / (1 - loop) : x[s];
        }
        delta = Math.max(delta, Math.abs(v - x[s]));
        scale = Math.max(scale, Math.abs(v));
        x[s] = v;
      }
      if (delta <= tolerance * scale) {
        return sweep;
      }
    }
    throw budget.notConverged(delta);
  }
}
