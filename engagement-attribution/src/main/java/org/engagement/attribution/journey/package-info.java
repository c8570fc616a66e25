/**
 * Journeys: the ordered channel touches that lead (or do not lead) to a conversion, cut from interactions
 * by {@link org.engagement.attribution.journey.JourneyRules} into
 * {@link org.engagement.attribution.journey.Journeys}, held compactly as a
 * {@link org.engagement.attribution.journey.JourneySet} of distinct paths over interned channel ids, and
 * read from and written to the ChannelAttribution path format with
 * {@link org.engagement.attribution.journey.PathFormat}.
 *
 * <p>Journeys and journey sets are {@linkplain org.engagement.core.aggregate.Mergeable mergeable}, with
 * canonical channel, path and journey orders: built per partition of the customers with the same rules
 * and as-of, and merged in any order, they equal what is built whole.
 */
@NullMarked
package org.engagement.attribution.journey;

import org.jspecify.annotations.NullMarked;
