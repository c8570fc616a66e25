/**
 * What a business puts into its relationships: money per channel and month, optionally per owner (the
 * person or team responsible) and per segment, and time spent, costed at an hourly rate.
 *
 * <p>{@link org.engagement.roi.investment.Investment} is the immutable collection the
 * relationship-ROI calculator reads; {@link org.engagement.roi.io.CostCsvReader}
 * reads one from a CSV file and reports every row it could not use.
 *
 * @since 0.1.0
 */
@NullMarked
package org.engagement.roi.investment;

import org.jspecify.annotations.NullMarked;
