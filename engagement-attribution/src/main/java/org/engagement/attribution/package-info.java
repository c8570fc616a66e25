/**
 * Attribution, relationship ROI, customer lifetime value and lift.
 *
 * <p>Multi-touch attribution is split by concept: {@link org.engagement.attribution.journey} makes and
 * holds journeys (from interactions, or from ChannelAttribution path files), {@link
 * org.engagement.attribution.model} is the model SPI and registry, and {@link
 * org.engagement.attribution.heuristic} holds the rule-based models. Data-driven models, customer value and
 * ROI arrive with the next issues.
 */
@NullMarked
package org.engagement.attribution;

import org.jspecify.annotations.NullMarked;
