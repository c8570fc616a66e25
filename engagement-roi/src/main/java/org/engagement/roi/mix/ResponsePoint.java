package org.engagement.roi.mix;

/**
 * One point of a channel's response curve: a constant spend per period and the outcome per period it brings
 * once the carry-over has built up. Immutable and thread-safe.
 *
 * @param spend the spend per period
 * @param outcome the outcome per period it causes
 * @param marginalRoi the outcome of one more unit per period at this spend
 * @since 0.1.0
 */
public record ResponsePoint(double spend, double outcome, double marginalRoi) {}
