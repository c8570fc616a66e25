/**
 * Side-by-side comparison of attribution models on the same journeys:
 * {@link org.engagement.attribution.compare.ModelComparison}.
 */
@NullMarked
package org.engagement.attribution.compare;

import org.jspecify.annotations.NullMarked;
