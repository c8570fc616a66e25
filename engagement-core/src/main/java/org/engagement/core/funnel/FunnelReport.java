package org.engagement.core.funnel;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.core.domain.Channel;

/**
 * A funnel over all customers and per channel of first touch.
 *
 * <p>Immutable and thread-safe.
 *
 * @param definition the stages
 * @param overall the counts over every customer who reached the first stage
 * @param byFirstTouch the counts per channel of first touch, channels ordered by id, display name, then
 *     group; they add up to {@code overall}
 * @since 0.1.0
 */
public record FunnelReport(FunnelDefinition definition, FunnelCounts overall, List<ByChannel> byFirstTouch) {

  /** Requires every part and copies the list. */
  public FunnelReport {
    requireNonNull(definition, "definition");
    requireNonNull(overall, "overall");
    byFirstTouch = List.copyOf(byFirstTouch);
  }

  /**
   * The funnel of the customers whose first touch was on one channel. Immutable and thread-safe.
   *
   * @param channel the channel of first touch
   * @param counts the counts of its customers
   * @since 0.1.0
   */
  public record ByChannel(Channel channel, FunnelCounts counts) {

    /** Requires both parts. */
    public ByChannel {
      requireNonNull(channel, "channel");
      requireNonNull(counts, "counts");
    }
  }
}
