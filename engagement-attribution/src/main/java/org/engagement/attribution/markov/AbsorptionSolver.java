package org.engagement.attribution.markov;

/**
 * Solves {@code x = Q x + b} on the transient states of a {@link MarkovChain}, with {@code x} fixed at 0 on
 * the absorbing states and on removed states. With {@code b_s = p(s -> conversion)} the solution is the
 * probability of eventually converting from each state; with {@code b_s = p(s -> conversion) * meanValue(s)}
 * it is the expected converting value.
 *
 * <p>The strongly connected components are solved one after the other in a {@link ComponentOrder}, each
 * after the components it leads to, whose values are then final. A component of one state is solved by one
 * update (a self-loop, in chains built without collapsing, is solved exactly within it: a state repeated many
 * times in a row costs nothing more). A component with cycles is solved by Gauss–Seidel sweeps over its
 * states from the highest index down until no entry of the component changed by more than the tolerance
 * times the component's largest entry; since Q and b are not negative, the iterates approach the solution
 * monotonically from any start below (0) or above (the unremoved solution).
 *
 * <p>Counting: a solve's sweeps are the most sweeps any of its components took (1 when the chain has no
 * cycle); the sweep limit applies to each component. The work charged to the {@link SolverBudget} is the
 * transitions actually visited: one per transition of a state per update of it, which stops the work when
 * the analysis runs over its limit. Stateless; not instantiable.
 */
final class AbsorptionSolver {
  /** Transition visits gathered before they are charged to the shared budget at once. */
  private static final long CHARGE_BATCH = 1 << 16;

  private AbsorptionSolver() {}

  /**
   * Solves in place.
   *
   * @param order the components of {@code chain} in solving order
   * @param x the starting point, overwritten with the solution (entries of absorbing and removed states
   *     are set to 0)
   * @param removed states whose value is fixed at 0, by state index
   * @param tolerance a component's sweeps stop when none of its entries changed by more than
   *     {@code tolerance} times its largest entry
   * @param budget the sweep limit per component and the work limit of the whole analysis, charged one
   *     transition visit per transition of each state updated
   * @return the sweeps of the solve: the most sweeps any component took
   * @throws org.engagement.attribution.ModelLimitException if a component did not converge within the sweep
   *     limit, or the analysis ran over its work limit
   */
  static int solve(MarkovChain chain, ComponentOrder order, double[] b, double[] x, boolean[] removed,
      double tolerance, SolverBudget budget) {
    x[MarkovChain.CONVERSION] = 0;
    x[MarkovChain.NULL] = 0;
    for (int s = 0; s < chain.stateCount(); s++) {
      if (removed[s]) {
        x[s] = 0;
      }
    }
    int most = 1;
    long pending = 0;
    for (int k = 0; k < order.count(); k++) {
      int from = order.start(k);
      if (order.end(k) - from == 1) {
        int s = order.state(from);
        if (!removed[s]) {
          x[s] = update(chain, b, x, s);
          pending += chain.transitionEnd(s) - chain.transitionStart(s);
        }
      } else {
        budget.charge(pending);
        pending = 0;
        most = Math.max(most, sweep(chain, order, k, b, x, removed, tolerance, budget));
      }
      if (pending >= CHARGE_BATCH) {
        budget.charge(pending);
        pending = 0;
      }
    }
    budget.charge(pending);
    return most;
  }

  /** Sweeps component {@code k} until it settles; returns the sweeps done. */
  private static int sweep(MarkovChain chain, ComponentOrder order, int k, double[] b, double[] x,
      boolean[] removed, double tolerance, SolverBudget budget) {
    int from = order.start(k);
    int to = order.end(k);
    double delta = 0;
    int maxSweeps = budget.maxSweeps();
    for (int sweep = 1; sweep <= maxSweeps; sweep++) {
      delta = 0;
      double scale = 0;
      long visits = 0;
      for (int i = from; i < to; i++) {
        int s = order.state(i);
        if (removed[s]) {
          continue;
        }
        double v = update(chain, b, x, s);
        visits += chain.transitionEnd(s) - chain.transitionStart(s);
        delta = Math.max(delta, Math.abs(v - x[s]));
        scale = Math.max(scale, Math.abs(v));
        x[s] = v;
      }
      budget.charge(visits);
      if (delta <= tolerance * scale) {
        return sweep;
      }
    }
    throw budget.notConverged(delta);
  }

  /** The new value of state {@code s} from the present values of the states it leads to. */
  private static double update(MarkovChain chain, double[] b, double[] x, int s) {
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
    return v;
  }
}
