package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

/**
 * One channel's true effect in a simulated world: one row of {@code truth.csv}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the channel's id
 * @param incrementalConversions the first purchases made in the world that would not have been made in it
 *     without this channel, less those that would have been made without it (see {@link GroundTruth})
 * @param share this channel's incremental conversions over the sum of the absolute values of all channels'
 *     incremental conversions (negative for a harmful channel); 0 for every channel when no channel changed a
 *     conversion
 * @since 0.1.0
 */
public record ChannelTruth(String channel, long incrementalConversions, double share) {
  /** Checks for null. */
  public ChannelTruth {
    requireNonNull(channel, "channel");
  }
}
