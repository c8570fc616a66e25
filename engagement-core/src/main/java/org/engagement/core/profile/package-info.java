/**
 * Customer profiles from interactions: the entry point from raw interactions to what segmentation,
 * value tiers and predictors read.
 *
 * <p>{@link org.engagement.core.profile.CustomerProfiles} turns interactions into one {@link
 * org.engagement.core.domain.CustomerProfile} per customer at an explicit as-of instant, with the metrics
 * of {@link org.engagement.core.value.tier.MetricNames} (value to date, engagement score, recency) and
 * whatever {@link org.engagement.core.profile.ProfileMetrics} other modules contribute (the CLV module adds
 * the repeat-buying metrics its predictor reads). {@link org.engagement.core.profile.Purchases} is the one
 * pass over the purchases that several figures share: each {@link org.engagement.core.profile.Buyer}'s
 * total, count and last purchase, the value currency, and from them the inputs of value concentration
 * and RFM, so a host never builds parallel arrays by hand.
 *
 * <p>Conventions: dates are UTC calendar dates; values are in major units of one currency.
 *
 * @since 0.1.0
 */
@NullMarked
package org.engagement.core.profile;

import org.jspecify.annotations.NullMarked;
