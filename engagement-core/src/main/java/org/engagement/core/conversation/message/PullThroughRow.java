package org.engagement.core.conversation.message;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The pull-through of one key message on one channel in one period. Immutable and thread-safe.
 *
 * @param message the key message's name
 * @param channel where
 * @param periodStart the first day of the period
 * @param mentions brand mentions that carry the message
 * @param shares brand shares that carry the message
 * @param brandMentions all brand mentions and shares on the channel in the period: at least
 *     {@code mentions + shares}
 * @param reach amplified reach: the sum of the authors' audiences over the carrying interactions
 * @param amplifiers distinct customers with a carrying interaction: at most {@code mentions + shares}
 * @since 0.1.0
 */
public record PullThroughRow(
    String message, Channel channel, LocalDate periodStart, long mentions, long shares, long brandMentions,
    long reach, int amplifiers) {
  /**
   * Validates the counts.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken or a count is negative
   */
  public PullThroughRow {
    requireNonNull(message, "message");
    requireNonNull(channel, "channel");
    requireNonNull(periodStart, "periodStart");
    if (mentions < 0 || shares < 0 || reach < 0 || amplifiers < 0) {
      throw new InvalidFieldException("counts", mentions + ", " + shares + ", " + reach + ", " + amplifiers, "must not be negative");
    }
    if (brandMentions < mentions + shares) {
      throw new InvalidFieldException("brandMentions", brandMentions, "must be at least mentions + shares " + (mentions + shares));
    }
    if (amplifiers > mentions + shares) {
      throw new InvalidFieldException("amplifiers", amplifiers, "must be at most mentions + shares " + (mentions + shares));
    }
  }

  /** {@code mentions + shares}: the brand mentions that carry the message. */
  public long carrying() {
    return mentions + shares;
  }

  /** {@code carrying / brandMentions}: the message's share of the brand's mentions; 0 when there are none. */
  public double pullThrough() {
    return brandMentions == 0 ? 0.0 : (double) carrying() / brandMentions;
  }
}
