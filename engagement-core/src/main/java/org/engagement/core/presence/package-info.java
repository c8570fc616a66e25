/**
 * Channel presence: where customers and prospects were active in a time window, and how the channels
 * overlap.
 *
 * <p>A {@link org.engagement.core.presence.ChannelPresence} is fed interactions and keeps, per channel,
 * the set of customer ids active in the window {@code [from, to)}, plus the customers seen and the
 * customers converted before {@code to}. Sets merge by union, so partitions can be counted apart and
 * combined. A {@link org.engagement.core.presence.PresenceReport} gives, per channel and per channel
 * group, a {@link org.engagement.core.presence.PresenceCount} (active customers, of which converted
 * customers and prospects, and their shares of the known customers) and an
 * {@link org.engagement.core.presence.OverlapMatrix} (customers active on both of two channels), for all
 * customers or for the members of a segment.
 */
@NullMarked
package org.engagement.core.presence;

import org.jspecify.annotations.NullMarked;
