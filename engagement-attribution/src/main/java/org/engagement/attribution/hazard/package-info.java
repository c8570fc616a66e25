/**
 * Counterfactual attribution from a fitted conversion model:
 * {@link org.engagement.attribution.hazard.AdditiveHazardModel}.
 */
@NullMarked
package org.engagement.attribution.hazard;

import org.jspecify.annotations.NullMarked;
