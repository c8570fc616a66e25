/**
 * Rule-based attribution models (first touch, last touch, last non-direct, linear, position-based,
 * J-shaped, inverse J, custom weights, participation) and assisted conversions, with the exact semantics
 * of the reference systems (ChannelAttribution, Google, Adobe). Provided to the registry by
 * {@link org.engagement.attribution.heuristic.HeuristicModelProviders}.
 */
@NullMarked
package org.engagement.attribution.heuristic;

import org.jspecify.annotations.NullMarked;
