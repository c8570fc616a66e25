/**
 * Reading the relationship-ROI inputs that live outside interaction feeds: costs
 * ({@link org.engagement.roi.io.CostCsvReader}) and survey answers
 * ({@link org.engagement.roi.io.SurveyCsvReader}).
 *
 * <p>Like every import in this library, a read never drops a row silently: each row is accepted or
 * listed in the {@link org.engagement.core.ingest.ImportReport} with its position and reason, and the
 * counts add up.
 *
 * @since 0.1.0
 */
@NullMarked
package org.engagement.roi.io;

import org.jspecify.annotations.NullMarked;
