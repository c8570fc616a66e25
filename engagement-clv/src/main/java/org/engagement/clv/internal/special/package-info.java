/**
 * Special functions the repeat-buying models need and Hipparchus does not provide: the Gauss
 * hypergeometric function {@link org.engagement.clv.internal.special.Hypergeometric#gauss2F1}.
 * Log-gamma, log-beta and digamma come from {@code org.hipparchus.special}.
 */
@NullMarked
package org.engagement.clv.internal.special;

import org.jspecify.annotations.NullMarked;
