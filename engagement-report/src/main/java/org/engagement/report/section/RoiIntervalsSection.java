package org.engagement.report.section;

import java.util.Optional;
import org.engagement.roi.RoiAnalysis;
import org.engagement.roi.RoiIntervals;

/**
 * A section that shows relationship ROI per channel with bootstrap intervals, as figures a host can read besides
 * the page: the command line's {@code report --format json} reads them here, so that it neither depends on how the
 * section is built (its type is internal) nor computes them again. The figures are the page's, to the bit, with
 * how they were drawn (level, resamples, seed), as {@link RoiAnalysis#intervals} made them.
 *
 * <p>Implementations must be immutable and thread-safe.
 *
 * @since 0.1.0
 */
public interface RoiIntervalsSection extends ReportSection {
  /**
   * Each invested channel's attributed revenue and ROI with their intervals, in the report's channel order; empty
   * when the section shows none (intervals not asked for, or the model refused the resamples, as its notes say).
   */
  Optional<RoiIntervals> roiIntervals();
}
