package org.engagement.roi.selfreport;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * One phrase by which survey answers name a channel: answers containing {@code phrase} as whole words
 * belong to {@code channel} (see {@link AnswerMapping}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the channel id, not blank
 * @param phrase the phrase, with at least one letter or digit
 * @since 0.1.0
 */
public record ChannelPhrase(String channel, String phrase) {
  /**
   * Validates.
   *
   * @throws InvalidFieldException if the channel is blank or the phrase has no letter or digit
   */
  public ChannelPhrase {
    requireNonNull(channel, "channel");
    requireNonNull(phrase, "phrase");
    if (channel.isBlank()) {
      throw new InvalidFieldException("channel", channel, "must not be blank");
    }
    if (AnswerMapping.normalize(phrase).isEmpty()) {
      throw new InvalidFieldException("phrase", phrase, "must contain a letter or digit");
    }
  }
}
