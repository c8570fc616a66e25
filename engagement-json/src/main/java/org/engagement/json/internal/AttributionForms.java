package org.engagement.json.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.compare.ModelComparison;
import org.engagement.attribution.interval.CreditInterval;
import org.engagement.attribution.interval.CreditIntervals;
import org.engagement.attribution.journey.ChannelIndex;

/** The JSON forms of attribution's results: credits, comparisons and intervals. Stateless. */
final class AttributionForms {
  private AttributionForms() {}

  /** {@link AttributionResult}: model, additive, totals, one object per channel in channel order, notes. */
  static final JsonForm<AttributionResult> RESULT = new JsonForm<>() {
    @Override
    public Class<AttributionResult> type() {
      return AttributionResult.class;
    }

    @Override
    public JsonNode write(AttributionResult result) {
      ObjectNode json = JsonObject.object();
      json.put("model", result.model());
      json.put("additive", result.additive());
      json.set("total_conversions", JsonObject.number(result.totalConversions()));
      json.set("total_value", JsonObject.number(result.totalValue()));
      ArrayNode channels = json.putArray("channels");
      for (int c = 0; c < result.channels().size(); c++) {
        ObjectNode channel = channels.addObject();
        channel.put("channel", result.channels().name(c));
        channel.set("conversions", JsonObject.number(result.conversions(c)));
        channel.set("value", JsonObject.number(result.value(c)));
      }
      ArrayNode notes = json.putArray("notes");
      result.notes().forEach(notes::add);
      return json;
    }

    @Override
    public AttributionResult read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      List<JsonObject> rows = json.list("channels", JsonObject::of);
      Map<String, Integer> rowOf = new HashMap<>();
      for (int r = 0; r < rows.size(); r++) {
        rowOf.put(rows.get(r).text("channel"), r);
      }
      ChannelIndex channels = ChannelIndex.of(rows.stream().map(row -> row.text("channel")).toList());
      double[] conversions = new double[channels.size()];
      double[] values = new double[channels.size()];
      for (int c = 0; c < channels.size(); c++) {
        JsonObject row = rows.get(requireNonNull(rowOf.get(channels.name(c))));
        conversions[c] = row.number("conversions");
        values[c] = row.number("value");
      }
      return AttributionResult.of(json.text("model"), channels, conversions, values,
          json.number("total_conversions"), json.number("total_value"), json.bool("additive"))
          .withNotes(json.has("notes") ? json.texts("notes") : List.of());
    }
  };

  /** {@link ModelComparison}: its results, one per model in column order. */
  static final JsonForm<ModelComparison> COMPARISON = new JsonForm<>() {
    @Override
    public Class<ModelComparison> type() {
      return ModelComparison.class;
    }

    @Override
    public JsonNode write(ModelComparison comparison) {
      ObjectNode json = JsonObject.object();
      ArrayNode models = json.putArray("models");
      comparison.models().forEach(models::add);
      ArrayNode results = json.putArray("results");
      comparison.results().forEach(result -> results.add(RESULT.write(result)));
      return json;
    }

    @Override
    public ModelComparison read(JsonNode node, String path) {
      return ModelComparison.of(JsonObject.of(node, path).list("results", RESULT::read));
    }
  };

  /** {@link CreditIntervals}: how they were computed, one interval object per channel, notes. */
  static final JsonForm<CreditIntervals> INTERVALS = new JsonForm<>() {
    @Override
    public Class<CreditIntervals> type() {
      return CreditIntervals.class;
    }

    @Override
    public JsonNode write(CreditIntervals intervals) {
      ObjectNode json = JsonObject.object();
      json.put("model", intervals.model());
      json.set("level", JsonObject.number(intervals.level()));
      json.put("resamples", intervals.resamples());
      json.put("seed", intervals.seed());
      json.put("unit", intervals.unit());
      ArrayNode channels = json.putArray("channels");
      intervals.channels().forEach(interval -> channels.add(interval(interval)));
      ArrayNode notes = json.putArray("notes");
      intervals.notes().forEach(notes::add);
      return json;
    }

    @Override
    public CreditIntervals read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      return new CreditIntervals(json.text("model"), json.number("level"), json.smallInteger("resamples"),
          json.integer("seed"), json.text("unit"), json.list("channels", AttributionForms::interval),
          json.has("notes") ? json.texts("notes") : List.of());
    }
  };

  private static ObjectNode interval(CreditInterval interval) {
    ObjectNode json = JsonObject.object();
    json.put("channel", interval.channel());
    json.set("conversions", JsonObject.number(interval.conversions()));
    json.set("conversions_low", JsonObject.number(interval.conversionsLow()));
    json.set("conversions_high", JsonObject.number(interval.conversionsHigh()));
    json.set("share", JsonObject.number(interval.share()));
    json.set("share_low", JsonObject.number(interval.shareLow()));
    json.set("share_high", JsonObject.number(interval.shareHigh()));
    json.set("value", JsonObject.number(interval.value()));
    json.set("value_low", JsonObject.number(interval.valueLow()));
    json.set("value_high", JsonObject.number(interval.valueHigh()));
    return json;
  }

  private static CreditInterval interval(JsonNode node, String path) {
    JsonObject json = JsonObject.of(node, path);
    return new CreditInterval(json.text("channel"), json.number("conversions"), json.number("conversions_low"),
        json.number("conversions_high"), json.number("share"), json.number("share_low"),
        json.number("share_high"), json.number("value"), json.number("value_low"), json.number("value_high"));
  }
}
