/**
 * Value tiers: every customer in exactly one of {@linkplain org.engagement.core.value.tier.ValueTier
 * retain, grow, maintain and re-engage} ({@link org.engagement.core.value.tier.ValueTiers}), a
 * {@link org.engagement.core.value.tier.ValuePredictor} extension point for predicted future value, and
 * per-segment roll-ups ({@link org.engagement.core.value.tier.SegmentRollup}) over the metrics named in
 * {@link org.engagement.core.value.tier.MetricNames}.
 */
@NullMarked
package org.engagement.core.value.tier;

import org.jspecify.annotations.NullMarked;
