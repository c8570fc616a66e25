package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * A randomised holdout: a share of the people, drawn at random, whom a channel never touches, so that a lift
 * test on the world (held-out people against the others) can be compared with the channel's true effect. The
 * people held out are written to {@code holdout.csv}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the id of the channel held back
 * @param share the probability that a person is held out, in {@code [0, 1]}
 * @since 0.1.0
 */
public record Holdout(String channel, double share) {
  /**
   * Checks the share.
   *
   * @throws InvalidFieldException if the share is not a probability or the channel is blank
   */
  public Holdout {
    requireNonNull(channel, "channel");
    if (channel.isBlank()) {
      throw new InvalidFieldException("channel", channel, "must not be blank");
    }
    ChannelSpec.requireProbability("share", share);
  }
}
