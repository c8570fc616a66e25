/**
 * Implementation of the ROI module that is not API: the service providers of the built-in calculators.
 * Not exported; nothing outside {@code engagement-roi} may depend on it.
 */
@NullMarked
package org.engagement.roi.internal;

import org.jspecify.annotations.NullMarked;
