package org.engagement.core.conversation.service;

import org.engagement.core.domain.InvalidFieldException;

/**
 * How many customers of a group were retained: successes out of trials, the shape a two-proportion test
 * takes. Immutable and thread-safe.
 *
 * @param customers customers in the group
 * @param retained those retained: at most {@code customers}
 * @since 0.1.0
 */
public record RetentionCount(long customers, long retained) {
  /**
   * Validates the counts.
   *
   * @throws InvalidFieldException unless {@code 0 <= retained <= customers}
   */
  public RetentionCount {
    if (retained < 0 || customers < retained) {
      throw new InvalidFieldException("retained", retained, "must be from 0 to customers " + customers);
    }
  }

  /** {@code retained / customers}; 0 for an empty group. */
  public double rate() {
    return customers == 0 ? 0.0 : (double) retained / customers;
  }
}
