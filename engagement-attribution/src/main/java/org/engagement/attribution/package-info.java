/**
 * Attribution, relationship ROI, customer lifetime value and lift.
 *
 * <p>This module is part of the build from the start so that its dependency on
 * {@code engagement-core} and its build rules are fixed; its models arrive with the attribution,
 * customer-value and ROI work (journeys, heuristic and data-driven attribution models, BG/NBD and
 * friends, relationship ROI).
 */
@NullMarked
package org.engagement.attribution;

import org.jspecify.annotations.NullMarked;
