/**
 * Special functions the repeat-buying models need and Hipparchus does not provide: the Gauss
 * hypergeometric function {@link org.engagement.attribution.clv.special.Hypergeometric#gauss2F1}.
 * Log-gamma, log-beta and digamma come from {@code org.hipparchus.special}.
 */
@NullMarked
package org.engagement.attribution.clv.special;

import org.jspecify.annotations.NullMarked;
