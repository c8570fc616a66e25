/**
 * Shapley-value attribution: the simplified Shapley of Zhao et al. (2018), its ordered variant (credit by
 * channel and touch position) and the general Shapley value of the game whose worth of a channel set is the
 * conversion rate of the journeys exposed to exactly that set, exact up to 20 channels and estimated by
 * seeded permutation sampling with a stated error bound beyond. Provided to the registry by
 * {@link org.engagement.attribution.shapley.ShapleyModelProviders}.
 */
@NullMarked
package org.engagement.attribution.shapley;

import org.jspecify.annotations.NullMarked;
