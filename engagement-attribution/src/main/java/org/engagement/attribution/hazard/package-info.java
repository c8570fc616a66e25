/**
 * Counterfactual attribution from a fitted conversion model:
 * {@link org.engagement.attribution.hazard.AdditiveHazardModel}, the same fit widened by the synergy pairs and
 * harmful channels a one-sided score test keeps ({@link org.engagement.attribution.hazard.InteractionHazardModel}),
 * and the two-sided test of additivity ({@link org.engagement.attribution.hazard.AdditivityTest}).
 */
@NullMarked
package org.engagement.attribution.hazard;

import org.jspecify.annotations.NullMarked;
