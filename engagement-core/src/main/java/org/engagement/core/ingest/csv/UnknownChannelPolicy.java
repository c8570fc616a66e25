package org.engagement.core.ingest.csv;

/**
 * What the CSV adapter does with a channel id that is neither among its known channels nor comes with
 * a {@code channel_group}.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum UnknownChannelPolicy {
  /** Accept the record with the channel in group {@link org.engagement.core.domain.ChannelGroup#UNASSIGNED} (the default). */
  UNASSIGNED,
  /**
   * Classify the channel id as if it were the {@code utm_source} (so {@code linkedin} becomes Organic
   * Social and {@code newsletter-email} Email); what the classifier cannot place is unassigned.
   */
  CLASSIFY,
  /** Reject the record, naming the channel. */
  REJECT
}
