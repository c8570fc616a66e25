package org.engagement.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.value.tier.SegmentRollup;

/** The JSON forms of core's values: money, import reports and segment sizes. Stateless. */
final class CoreForms {
  private CoreForms() {}

  /** {@link Money}: the amount as a decimal string (exact) and the ISO 4217 currency code. */
  static final JsonForm<Money> MONEY = new JsonForm<>() {
    @Override
    public Class<Money> type() {
      return Money.class;
    }

    @Override
    public JsonNode write(Money money) {
      ObjectNode json = JsonObject.object();
      json.put("amount", money.amount().toPlainString());
      json.put("currency", money.currency().getCurrencyCode());
      return json;
    }

    @Override
    public Money read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      return Money.parse(json.text("amount"), json.text("currency"));
    }
  };

  /** {@link ImportReport}: the counts, the retained rejections and the failure ({@code null} when none). */
  static final JsonForm<ImportReport> IMPORT_REPORT = new JsonForm<>() {
    @Override
    public Class<ImportReport> type() {
      return ImportReport.class;
    }

    @Override
    public JsonNode write(ImportReport report) {
      ObjectNode json = JsonObject.object();
      json.put("source", report.source());
      json.put("read", report.read());
      json.put("accepted", report.accepted());
      json.put("rejected", report.rejected());
      json.put("duplicates", report.duplicates());
      ArrayNode rejections = json.putArray("rejections");
      for (Rejection rejection : report.rejections()) {
        ObjectNode row = rejections.addObject();
        row.put("record", rejection.position().record());
        row.put("line", rejection.position().line());
        row.put("key", rejection.position().key());
        row.put("kind", JsonObject.label(rejection.kind()));
        row.put("field", rejection.field());
        row.put("value", rejection.value());
        row.put("reason", rejection.reason());
      }
      json.put("rejections_not_retained", report.rejectionsNotRetained());
      json.put("failure", report.failure());
      return json;
    }

    @Override
    public ImportReport read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      List<Rejection> rejections = json.list("rejections", CoreForms::rejection);
      return new ImportReport(json.text("source"), json.integer("read"), json.integer("accepted"),
          json.integer("rejected"), json.integer("duplicates"), rejections, json.integer("rejections_not_retained"),
          json.optionalText("failure"));
    }
  };

  private static Rejection rejection(JsonNode node, String path) {
    JsonObject json = JsonObject.of(node, path);
    return new Rejection(new SourcePosition(json.integer("record"), json.integer("line"), json.optionalText("key")),
        json.choice("kind", Rejection.Kind.class), json.optionalText("field"), json.optionalText("value"),
        json.text("reason"));
  }

  /** {@link SegmentRollup}: a segment's size and figures. */
  static final JsonForm<SegmentRollup> SEGMENT = new JsonForm<>() {
    @Override
    public Class<SegmentRollup> type() {
      return SegmentRollup.class;
    }

    @Override
    public JsonNode write(SegmentRollup segment) {
      ObjectNode json = JsonObject.object();
      json.put("segment", segment.segment());
      json.put("size", segment.size());
      json.set("total_value", JsonObject.number(segment.totalValue()));
      json.set("mean_engagement", JsonObject.number(segment.meanEngagement()));
      json.set("churn_rate", JsonObject.number(segment.churnRate()));
      return json;
    }

    @Override
    public SegmentRollup read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      return new SegmentRollup(json.text("segment"), json.smallInteger("size"), json.number("total_value"),
          json.number("mean_engagement"), json.number("churn_rate"));
    }
  };
}
