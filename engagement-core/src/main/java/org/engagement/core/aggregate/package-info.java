/**
 * The contract of partial aggregates: {@link org.engagement.core.aggregate.Mergeable} says how aggregates
 * built per partition combine into the aggregate of the whole input.
 *
 * <p>In engagement-core the mergeable aggregates are
 * {@link org.engagement.core.engagement.EngagementScores}, {@link org.engagement.core.funnel.Funnel},
 * {@link org.engagement.core.presence.ChannelPresence},
 * {@link org.engagement.core.conversation.voice.ShareOfVoice},
 * {@link org.engagement.core.conversation.message.PullThrough},
 * {@link org.engagement.core.conversation.service.ServiceLedger},
 * {@link org.engagement.core.churn.ActivityHistory} (behind churn and cohort retention),
 * {@link org.engagement.core.value.CustomerValues} (behind value concentration) and
 * {@link org.engagement.core.ingest.ImportReport}. Each one's javadoc says how it merges and what it does
 * with a customer split across partitions.
 */
@NullMarked
package org.engagement.core.aggregate;

import org.jspecify.annotations.NullMarked;
