package org.engagement.json.view;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;
import org.engagement.attribution.AttributionResult;
import org.engagement.roi.RoiReport;
import org.engagement.roi.RoiResult;
import org.engagement.roi.selfreport.HybridAttribution;
import org.engagement.roi.selfreport.SelfReportedAttribution;

/**
 * An ROI result as a host sends it on: the report, and what its rewards were credited by: the measured
 * attribution, the survey's counts per channel and the weight the survey was given, and the value of a kept
 * customer. The survey's answers themselves stay behind.
 *
 * <p>Immutable and thread-safe.
 *
 * @param report the calculator's report
 * @param measured the measured attribution the rewards were credited by
 * @param surveyWeight the weight in effect of the self-reported attribution ({@link HybridAttribution#weight()})
 * @param surveyCounts the survey answers mapped to each channel, by channel name
 * @param surveyUnmapped the survey answers that named no known channel
 * @param valuePerCustomer the value of a kept customer used for the retention evidence
 * @since 0.1.0
 */
public record RoiResultView(RoiReport report, AttributionResult measured, double surveyWeight,
    Map<String, Long> surveyCounts, long surveyUnmapped, double valuePerCustomer) {

  /** Requires every part; copies the counts. */
  public RoiResultView {
    requireNonNull(report, "report");
    requireNonNull(measured, "measured");
    surveyCounts = Map.copyOf(surveyCounts);
  }

  /** The view of {@code result}. */
  public static RoiResultView of(RoiResult result) {
    HybridAttribution attribution = result.attribution();
    SelfReportedAttribution survey = attribution.selfReported();
    return new RoiResultView(result.report(), attribution.measured(), attribution.weight(),
        new TreeMap<>(survey.countsByChannel()), survey.unmapped(), result.valuePerCustomer());
  }
}
