package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

/**
 * One person held out of one channel by a {@link Holdout}: one row of {@code holdout.csv}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the person's id
 * @param channel the id of the channel that never touches them
 * @since 0.1.0
 */
public record HeldOut(String customerId, String channel) {
  /** Checks for nulls. */
  public HeldOut {
    requireNonNull(customerId, "customerId");
    requireNonNull(channel, "channel");
  }
}
