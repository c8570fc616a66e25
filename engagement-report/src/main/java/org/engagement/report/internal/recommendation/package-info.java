/**
 * The sources of the summary's recommendations ({@link org.engagement.report.section.Recommendation.Source}): the
 * budget section's moves and the relationship ROI's intervals.
 *
 * <p>Not exported: an implementation detail of {@code org.engagement.report}. Depends on the report's API
 * and on {@code internal.text} and {@code internal.section}.
 */
@NullMarked
package org.engagement.report.internal.recommendation;

import org.jspecify.annotations.NullMarked;
