package org.engagement.report.internal.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.Trend;

/**
 * The pull-through of one key message over every channel and month of a conversation feed, as
 * {@link org.engagement.core.conversation.message.PullThrough} counts it. Immutable and thread-safe.
 *
 * @param message the key message's name
 * @param carrying brand mentions and shares that carry the message
 * @param shares of those, the shares
 * @param brandMentions all brand mentions and shares: at least {@code carrying}
 * @param reach amplified reach: the authors' audiences summed over the carrying interactions
 * @param amplifiers distinct authors of a carrying interaction, over all channels and months
 * @param byMonth carrying interactions per month of the report's axis, oldest first
 * @param trend the trend of the monthly count (the last month against the three before it)
 * @since 0.1.0
 */
public record MessageFigures(String message, long carrying, long shares, long brandMentions, long reach,
    long amplifiers, List<Long> byMonth, Trend trend) {

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if a count is negative or the counts disagree
   */
  public MessageFigures {
    requireNonNull(message, "message");
    byMonth = List.copyOf(byMonth);
    requireNonNull(trend, "trend");
    if (shares < 0 || carrying < shares || brandMentions < carrying || reach < 0 || amplifiers < 0
        || amplifiers > carrying) {
      throw new InvalidFieldException("counts of " + message,
          carrying + ", " + shares + ", " + brandMentions + ", " + reach + ", " + amplifiers,
          "must satisfy 0 <= shares <= carrying <= brandMentions, 0 <= amplifiers <= carrying, reach >= 0");
    }
  }

  /** {@code carrying / brandMentions}: the message's share of the brand's mentions; 0 without mentions. */
  public double pullThrough() {
    return brandMentions == 0 ? 0.0 : (double) carrying / brandMentions;
  }
}
