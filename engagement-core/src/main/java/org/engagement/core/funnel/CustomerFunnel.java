package org.engagement.core.funnel;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.InvalidFieldException;

/**
 * How far one customer got in a funnel and when.
 *
 * <p>Because a later stage implies the earlier ones, the stages reached are always a prefix of the
 * funnel: {@code reachedAt} holds one instant per stage from the first up to the highest reached. A stage
 * reached only by implication is reached at the time of the earliest later stage reached directly, and
 * is marked not {@code observed}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer
 * @param firstTouch the channel of the customer's earliest interaction that reached any stage (ties at
 *     the same instant go to the channel first by id, display name, then group)
 * @param reachedAt when each stage was first reached, from the first stage to the highest reached:
 *     non-empty and non-decreasing
 * @param observed per stage in {@code reachedAt}, whether an interaction of the stage's own types reached
 *     it
 * @since 0.1.0
 */
public record CustomerFunnel(String customerId, Channel firstTouch, List<Instant> reachedAt, List<Boolean> observed) {

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public CustomerFunnel {
    requireNonNull(customerId, "customerId");
    requireNonNull(firstTouch, "firstTouch");
    reachedAt = List.copyOf(reachedAt);
    observed = List.copyOf(observed);
    if (reachedAt.isEmpty() || reachedAt.size() != observed.size()) {
      throw new InvalidFieldException(
          "reachedAt", reachedAt, "must be non-empty and as long as observed (" + observed.size() + ")");
    }
    for (int k = 1; k < reachedAt.size(); k++) {
      if (reachedAt.get(k).isBefore(reachedAt.get(k - 1))) {
        throw new InvalidFieldException("reachedAt", reachedAt, "must not decrease");
      }
    }
  }

  /** The index of the highest stage reached: the stage the customer is in now. */
  public int currentStage() {
    return reachedAt.size() - 1;
  }

  /** Whether the stage at {@code index} was reached. */
  public boolean reached(int index) {
    return index >= 0 && index < reachedAt.size();
  }

  /** When the stage at {@code index} was first reached, if it was. */
  public Optional<Instant> reachedAt(int index) {
    return reached(index) ? Optional.of(reachedAt.get(index)) : Optional.empty();
  }
}
