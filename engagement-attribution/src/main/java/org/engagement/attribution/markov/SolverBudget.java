package org.engagement.attribution.markov;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.engagement.attribution.ModelLimitException;

/**
 * The limits of one {@link MarkovModel} analysis: the sweep limit of each component of a solve and the work
 * limit of all solves together, counted in transition visits (each update of a state visits its transitions
 * once; see {@link AbsorptionSolver}). The
 * removal solves may run in parallel, so the work done is counted atomically; whichever solve goes over
 * stops the analysis. Thread-safe.
 */
final class SolverBudget {
  private final MarkovChain chain;
  private final int channels;
  private final int maxSweeps;
  private final boolean adaptedSweeps;
  private final long maxWork;
  private final double tolerance;
  private final AtomicLong used = new AtomicLong();

  /**
   * A budget for solves on {@code chain}.
   *
   * @param channels the channels whose removal is solved, for messages
   * @param maxSweeps the sweep limit per component of a solve
   * @param adaptedSweeps whether the sweep limit was adapted to the journeys (for messages)
   * @param maxWork the most transition visits over all solves
   * @param tolerance the solver's relative tolerance, for messages
   */
  SolverBudget(MarkovChain chain, int channels, int maxSweeps, boolean adaptedSweeps, long maxWork,
      double tolerance) {
    this.chain = chain;
    this.channels = channels;
    this.maxSweeps = maxSweeps;
    this.adaptedSweeps = adaptedSweeps;
    this.maxWork = maxWork;
    this.tolerance = tolerance;
  }

  int maxSweeps() {
    return maxSweeps;
  }

  /** The transition visits charged so far. */
  long used() {
    return used.get();
  }

  /**
   * The fewest transition visits of one solve on the chain of {@code order}: one update of every state and a
   * second sweep of the components with cycles (one sweep that changes their values and one that finds them
   * settled).
   */
  long leastVisitsPerSolve(ComponentOrder order) {
    return saturatingAdd(chain.transitionCount(), order.cyclicTransitions());
  }

  /**
   * Refuses at once if {@code solves} more solves, of about {@code visitsEach} transition visits each, cannot
   * fit in what is left of the work limit.
   */
  void requireRoomFor(long solves, long visitsEach) {
    long needed = saturatingAdd(used.get(), saturatingMultiply(solves, visitsEach));
    if (needed > maxWork) {
      throw new ModelLimitException(MarkovModel.NAME, MarkovModel.MAX_WORK.name(), maxWork, String.format(Locale.ROOT,
          "markov: removing each of the %,d channels of this chain (%,d states, %,d transitions) is a solve of its"
              + " own, about %,d transition visits in all, more than max-work (%,d); raise the parameter"
              + " max-work (a core makes roughly 10^9 visits a second), lower the order, or group rare channels",
          channels, chain.stateCount(), chain.transitionCount(), needed, maxWork));
    }
  }

  /** Charges {@code visits} transition visits. @throws ModelLimitException if the work limit is passed */
  void charge(long visits) {
    if (visits > 0 && used.addAndGet(visits) > maxWork) {
      throw new ModelLimitException(MarkovModel.NAME, MarkovModel.MAX_WORK.name(), maxWork, String.format(Locale.ROOT,
          "markov: stopped at its work limit max-work (%,d transition visits) before the removal effects of the"
              + " %,d channels of this chain (%,d states, %,d transitions) were solved; raise the parameter"
              + " max-work (a core makes roughly 10^9 visits a second), lower the order, or group rare channels",
          maxWork, channels, chain.stateCount(), chain.transitionCount()));
    }
  }

  /** The refusal of a solve that did not settle within the sweep limit; {@code delta} is its last change. */
  ModelLimitException notConverged(double delta) {
    return new ModelLimitException(MarkovModel.NAME, MarkovModel.MAX_ITERATIONS.name(), maxSweeps,
        String.format(Locale.ROOT, "markov: the absorption probabilities did not converge within %,d Gauss-Seidel"
            + " sweeps%s (last change %s, relative tolerance %s); raise the parameter max-iterations or tolerance",
            maxSweeps, adaptedSweeps ? " (the limit adapted to the longest path)" : "", delta, tolerance));
  }

  private static long saturatingMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
