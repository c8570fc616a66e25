package org.engagement.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.engagement.core.ingest.ImportReport;
import org.engagement.json.EngagementJson;
import org.engagement.report.ReportModel;
import org.engagement.report.SummarySection;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.RoiIntervalsSection;
import org.engagement.roi.ChannelRoiInterval;
import org.engagement.roi.RoiDifference;
import org.engagement.roi.RoiIntervals;
import org.engagement.roi.SegmentRoiInterval;

/**
 * {@code report --format json}: the terminal summary as one JSON object, taken from the {@link ReportModel} (never
 * recomputed):
 * <pre>{@code
 * {"source", "as_of": "2024-06-30", "page": "/abs/report.html",
 *  "summary": {"periods": [{"key", "label", "figures": [{"name", "value", "interval", "change"}]}],
 *              "recommendations": [{"action", "effect", "interval", "basis", "strength"}],
 *              "model_choice": [...], "notes": [...]} | null,
 *  "sections": [{"id", "title", "summary": [lines]}, ...,
 *               {"id": "roi", "title", "summary": [lines],
 *                "roi": {"level": 0.9, "resamples": 20, "seed": 0, "unit": "customers", "model",
 *                        "channels": [{"channel", "investment", "attributed_revenue", "revenue_low", "revenue_high",
 *                                      "roi", "roi_low", "roi_high", "from_experiment"}],
 *                        "segments": [{"segment", "investment", "attributed_revenue", "revenue_low", "revenue_high",
 *                                      "roi", "roi_low", "roi_high",
 *                                      "versus": {"segment", "difference", "low", "high", "beyond_noise"} | null}]}
 *                 | null}, ...],
 *  "reads": [<import report>, ...],
 *  "all_rows_used": true}
 * }</pre>
 * The summary's figures are the page's text (with units and the locale-free number format); each read is an
 * import report in the SDK's JSON form ({@link EngagementJson}).
 *
 * <p>The relationship-ROI section (any section that is a {@link RoiIntervalsSection}) adds {@code "roi"}: each
 * invested channel's attributed revenue and ROI with their bootstrap intervals as numbers (ROI as a fraction, 0.25
 * for 25 %; amounts in the report's currency), the very doubles the page's interval table carries in its {@code
 * data-value} attributes, with how they were drawn ({@link RoiIntervals}: nominal coverage, resamples, seed, what
 * was resampled, the measured model). The intervals are the attribution's sampling noise over customers, the other
 * rewards held, not causal error; {@code from_experiment} marks a channel whose interval is its experiment's.
 * {@code "segments"} gives each value tier's total ROI with its interval from the same resamples ({@link
 * SegmentRoiInterval}), and {@code "versus"} its paired difference from the tier of highest ROI (for that tier, from
 * the runner-up; ROI points as a fraction), {@code beyond_noise} when that interval leaves out 0: the page's tier
 * interval table, to the bit; empty when no tier has an interval. {@code null} when the section shows no intervals
 * (not available, or the model refused the resamples). Stateless.
 */
final class ReportJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ReportJson() {}

  /** The document of {@code model}, whose page was written to {@code page}. */
  static JsonNode of(ReportModel model, Path page) {
    ObjectNode json = NODES.objectNode();
    json.put("source", model.source());
    json.put("as_of", model.asOf().toString());
    json.put("page", page.toAbsolutePath().toString());
    json.set("summary", model.section(SummarySection.ID).filter(SummarySection.class::isInstance)
        .map(s -> summary((SummarySection) s)).orElse(NODES.nullNode()));
    ArrayNode sections = json.putArray("sections");
    for (ReportSection section : model.sections()) {
      ObjectNode row = sections.addObject();
      row.put("id", section.id());
      row.put("title", section.title());
      row.set("summary", texts(section.summary()));
      if (section instanceof RoiIntervalsSection roi) {
        row.set("roi", roi.roiIntervals().<JsonNode>map(ReportJson::roi).orElse(NODES.nullNode()));
      }
    }
    ArrayNode reads = json.putArray("reads");
    for (ImportReport read : model.reads()) {
      reads.add(EngagementJson.writeTree(read));
    }
    json.put("all_rows_used", model.allRowsUsed());
    json.put("complete", model.complete());
    return json;
  }

  private static JsonNode summary(SummarySection summary) {
    ObjectNode json = NODES.objectNode();
    ArrayNode periods = json.putArray("periods");
    for (SummarySection.Period period : summary.periods()) {
      ObjectNode row = periods.addObject();
      row.put("key", period.key());
      row.put("label", period.label());
      ArrayNode figures = row.putArray("figures");
      for (SummarySection.Kpi kpi : period.figures()) {
        ObjectNode figure = figures.addObject();
        figure.put("name", kpi.name());
        figure.put("value", kpi.value());
        figure.put("interval", kpi.interval());
        figure.put("change", kpi.change());
      }
    }
    ArrayNode recommendations = json.putArray("recommendations");
    for (Recommendation recommendation : summary.recommendations()) {
      ObjectNode row = recommendations.addObject();
      row.put("action", recommendation.action());
      row.put("effect", recommendation.effect());
      row.put("interval", recommendation.interval());
      row.put("basis", recommendation.basis());
      row.put("strength", recommendation.strength());
    }
    json.set("model_choice", texts(summary.modelChoice()));
    json.set("notes", texts(summary.notes()));
    return json;
  }

  private static JsonNode roi(RoiIntervals intervals) {
    ObjectNode json = NODES.objectNode();
    json.put("level", intervals.level());
    json.put("resamples", intervals.resamples());
    json.put("seed", intervals.seed());
    json.put("unit", intervals.unit());
    json.put("model", intervals.model());
    ArrayNode channels = json.putArray("channels");
    for (ChannelRoiInterval channel : intervals.channels()) {
      ObjectNode row = channels.addObject();
      row.put("channel", channel.channel());
      row.put("investment", channel.investment());
      row.put("attributed_revenue", channel.revenue());
      row.put("revenue_low", channel.revenueLow());
      row.put("revenue_high", channel.revenueHigh());
      row.put("roi", channel.roi());
      row.put("roi_low", channel.roiLow());
      row.put("roi_high", channel.roiHigh());
      row.put("from_experiment", channel.fromExperiment());
    }
    ArrayNode segments = json.putArray("segments");
    for (SegmentRoiInterval segment : intervals.segments()) {
      ObjectNode row = segments.addObject();
      row.put("segment", segment.segment());
      row.put("investment", segment.investment());
      row.put("attributed_revenue", segment.revenue());
      row.put("revenue_low", segment.revenueLow());
      row.put("revenue_high", segment.revenueHigh());
      row.put("roi", segment.roi());
      row.put("roi_low", segment.roiLow());
      row.put("roi_high", segment.roiHigh());
      row.set("versus", segment.versus().<JsonNode>map(ReportJson::difference).orElse(NODES.nullNode()));
    }
    return json;
  }

  private static JsonNode difference(RoiDifference difference) {
    ObjectNode json = NODES.objectNode();
    json.put("segment", difference.versus());
    json.put("difference", difference.difference());
    json.put("low", difference.low());
    json.put("high", difference.high());
    json.put("beyond_noise", difference.excludesZero());
    return json;
  }

  private static ArrayNode texts(List<String> lines) {
    ArrayNode array = NODES.arrayNode();
    lines.forEach(array::add);
    return array;
  }
}
