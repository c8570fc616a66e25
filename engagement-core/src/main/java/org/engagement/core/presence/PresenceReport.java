package org.engagement.core.presence;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Where the known customers were active in the window {@code [from, to)}: per channel, per channel
 * group, and the overlaps between them.
 *
 * <p>Channels are listed by id, then display name, then group; groups in {@link ChannelGroup} order.
 * Every channel (and group) with activity in the window is listed, even when none of the known
 * customers was active on it, so that reports for different segments line up.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the start of the window, included
 * @param to the end of the window, excluded
 * @param known how many customers the shares are taken of
 * @param activeAnywhere how many of them were active on at least one channel in the window
 * @param channels one count per channel
 * @param groups one count per channel group
 * @param channelOverlap customers active on both of two channels
 * @param groupOverlap customers active in both of two channel groups
 * @since 0.1.0
 */
public record PresenceReport(
    Instant from,
    Instant to,
    int known,
    int activeAnywhere,
    List<PresenceCount<Channel>> channels,
    List<PresenceCount<ChannelGroup>> groups,
    OverlapMatrix<Channel> channelOverlap,
    OverlapMatrix<ChannelGroup> groupOverlap) {

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if {@code to} is not after {@code from} or a count is out of range
   */
  public PresenceReport {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new InvalidFieldException("to", to, "must be after from " + from);
    }
    if (activeAnywhere < 0 || activeAnywhere > known) {
      throw new InvalidFieldException("activeAnywhere", activeAnywhere, "must be in [0, known " + known + "]");
    }
    channels = List.copyOf(channels);
    groups = List.copyOf(groups);
    requireNonNull(channelOverlap, "channelOverlap");
    requireNonNull(groupOverlap, "groupOverlap");
  }

  /** {@code activeAnywhere / known}, or 0 when no customer is known. */
  public double activeShare() {
    return known == 0 ? 0.0 : (double) activeAnywhere / known;
  }
}
