/**
 * Segments: named, composable predicates over customer profiles.
 *
 * <p>Built-in segmenters (value tiers, RFM cells) produce segments of this type, and hosts build their
 * own from attributes and derived metrics with {@link org.engagement.core.segment.Segment#and},
 * {@link org.engagement.core.segment.Segment#or} and {@link org.engagement.core.segment.Segment#not}.
 */
@NullMarked
package org.engagement.core.segment;

import org.jspecify.annotations.NullMarked;
