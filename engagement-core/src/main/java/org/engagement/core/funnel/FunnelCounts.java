package org.engagement.core.funnel;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Funnel counts for one group of customers (all of them, or those of one channel of first touch).
 *
 * <p>Immutable and thread-safe.
 *
 * @param stages the stage names, in order
 * @param reached per stage, customers who reached it (directly or by implication): non-increasing
 * @param current per stage, customers whose highest stage it is: they add up to {@code reached(0)}
 * @param transitions one per pair of consecutive stages
 * @since 0.1.0
 */
public record FunnelCounts(
    List<String> stages, List<Integer> reached, List<Integer> current, List<StageTransition> transitions) {

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if the lists do not match the stages
   */
  public FunnelCounts {
    stages = List.copyOf(requireNonNull(stages, "stages"));
    reached = List.copyOf(requireNonNull(reached, "reached"));
    current = List.copyOf(requireNonNull(current, "current"));
    transitions = List.copyOf(requireNonNull(transitions, "transitions"));
    int n = stages.size();
    if (reached.size() != n || current.size() != n || transitions.size() != Math.max(0, n - 1)) {
      throw new InvalidFieldException(
          "reached, current, transitions",
          reached.size() + ", " + current.size() + ", " + transitions.size(),
          "must have " + n + ", " + n + " and " + Math.max(0, n - 1) + " entries");
    }
  }

  /** How many customers are counted: those who reached the first stage, which is everyone counted. */
  public int customers() {
    return reached.isEmpty() ? 0 : reached.get(0);
  }

  /** Customers who reached the stage at {@code index}. */
  public int reached(int index) {
    return reached.get(index);
  }

  /** Customers whose highest stage is the one at {@code index}. */
  public int current(int index) {
    return current.get(index);
  }
}
