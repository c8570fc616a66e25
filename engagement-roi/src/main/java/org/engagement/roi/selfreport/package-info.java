/**
 * Self-reported attribution: what customers say when asked "how did you hear about us?".
 *
 * <p>Measured attribution only sees trackable touches; a customer who says "it was a blog post that made
 * me call" credits a channel no click path shows. {@link
 * org.engagement.roi.selfreport.AnswerMapping} maps free-text answers to channels by
 * phrases, {@link org.engagement.roi.selfreport.SelfReportedAttribution} counts them, and
 * {@link org.engagement.roi.selfreport.HybridAttribution} blends them with a measured
 * attribution result by a stated rule.
 *
 * @since 0.1.0
 */
@NullMarked
package org.engagement.roi.selfreport;

import org.jspecify.annotations.NullMarked;
