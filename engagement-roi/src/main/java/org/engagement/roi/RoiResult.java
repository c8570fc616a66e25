package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import org.engagement.roi.selfreport.HybridAttribution;

/**
 * The relationship ROI of one scope (everyone, or one segment) with what it rests on, so a report can
 * say how it was computed. Immutable and thread-safe.
 *
 * @param report the calculator's report: per channel, per owner and in total
 * @param attribution the attribution the rewards were credited by (measured, blended with the survey)
 * @param valuePerCustomer the value of a kept customer used for the retention evidence
 * @since 0.1.0
 */
public record RoiResult(RoiReport report, HybridAttribution attribution, double valuePerCustomer) {
  /** Requires the report and the attribution. */
  public RoiResult {
    requireNonNull(report, "report");
    requireNonNull(attribution, "attribution");
  }
}
