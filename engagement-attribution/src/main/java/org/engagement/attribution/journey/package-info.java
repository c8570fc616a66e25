/**
 * Journeys: the ordered channel touches that lead (or do not lead) to a conversion, held compactly as a
 * {@link org.engagement.attribution.journey.JourneySet} of distinct paths over interned channel ids, and
 * read from and written to the ChannelAttribution path format with
 * {@link org.engagement.attribution.journey.PathFormat}.
 */
@NullMarked
package org.engagement.attribution.journey;

import org.jspecify.annotations.NullMarked;
