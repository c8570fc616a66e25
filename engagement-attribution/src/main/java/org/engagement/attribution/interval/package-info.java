/**
 * Uncertainty of attribution credits: seeded bootstrap percentile intervals per channel
 * ({@link org.engagement.attribution.interval.BootstrapIntervals},
 * {@link org.engagement.attribution.interval.CreditIntervals}).
 *
 * <p>An interval says how much a model's credits would move if the same process produced another sample of
 * customers: sampling noise of the model's answer. It says nothing of whether the model is right about cause;
 * a biased model has tight intervals around the wrong number.
 */
@NullMarked
package org.engagement.attribution.interval;

import org.jspecify.annotations.NullMarked;
