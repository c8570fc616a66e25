/**
 * Evidence for the relationship-ROI rewards, drawn from interactions: who engaged on each channel, how
 * their churn compares with everyone else's, and whether engaging on a channel changed how much
 * customers engage elsewhere.
 *
 * <p>All of it is observational: customers choose their channels, so differences between engaged and
 * other customers are associations, not proven effects. {@link
 * org.engagement.roi.evidence.ChannelEvidence} says for each figure what it compares, so a
 * reader can judge; a randomised holdout, where one exists, gives stronger evidence through the same
 * {@link org.engagement.roi.evidence.RetentionEvidence} and {@link
 * org.engagement.roi.evidence.EngagementLiftEvidence} values.
 *
 * @since 0.1.0
 */
@NullMarked
package org.engagement.roi.evidence;

import org.jspecify.annotations.NullMarked;
