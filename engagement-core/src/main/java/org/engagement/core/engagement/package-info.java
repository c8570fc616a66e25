/**
 * Engagement scores: how much a customer has engaged lately, with older interactions counting less.
 *
 * <p>An {@link org.engagement.core.engagement.EngagementWeights} gives each interaction a weight from its
 * type, direction and channel group. An {@link org.engagement.core.engagement.EngagementScorer} adds a
 * half-life {@code h}, so that the score at instant {@code t} is
 * {@code score(t) = Σ w(e) · 2^(−(t − t(e)) / h)} over the interactions {@code e} up to {@code t}.
 * {@link org.engagement.core.engagement.EngagementState} is the score of one customer kept lazily as a
 * score and a reference time: adding an interaction is O(1), the order of arrival does not change the
 * result, and two states over disjoint interactions merge into the state of their union.
 * {@link org.engagement.core.engagement.EngagementScores} keeps one state per customer.
 *
 * <p>An {@link org.engagement.core.engagement.EngagementTimeline} gives the score at the end of every
 * day, week or month per customer and per segment, and a
 * {@link org.engagement.core.engagement.TrendRule} reads a rising, stable or falling
 * {@link org.engagement.core.engagement.Trend} from such a series.
 */
@NullMarked
package org.engagement.core.engagement;

import org.jspecify.annotations.NullMarked;
