/**
 * Relationship ROI: what relationships on each channel return for the money and time put in.
 *
 * <p>The articles behind this library put it as "Responsibility + Relationships = Rewards": rewards are
 * not only last-click revenue but retained customers, more interactions, and the customer who says "it
 * was a blog post that made me call". So a {@link org.engagement.roi.RoiLine} keeps each
 * {@link org.engagement.roi.RewardComponent} apart, and every ratio it reports can be
 * recomputed from the components shown beside it.
 *
 * <p>{@link org.engagement.roi.RoiCalculator} is the extension point (hosts may replace the
 * formula); {@link org.engagement.roi.RelationshipRoiCalculator} is the default.
 * Investment lives in {@code roi.investment}, survey answers in {@code roi.selfreport}, file readers in
 * {@code roi.io}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.engagement.roi;

import org.jspecify.annotations.NullMarked;
