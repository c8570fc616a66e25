package org.engagement.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.engagement.roi.lift.Interval;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.ChannelAllocation;
import org.engagement.roi.mix.ChannelEffect;

/** The JSON forms of the marketing mix model's results: a channel's effect and a budget plan. Stateless. */
final class MixForms {
  private MixForms() {}

  /**
   * {@link ChannelEffect}: channel, spend, contribution, share, roi with its interval, marginal roi with its
   * interval, half-life in periods.
   */
  static final JsonForm<ChannelEffect> CHANNEL_EFFECT = new JsonForm<>() {
    @Override
    public Class<ChannelEffect> type() {
      return ChannelEffect.class;
    }

    @Override
    public JsonNode write(ChannelEffect effect) {
      ObjectNode json = JsonObject.object();
      json.put("channel", effect.channel());
      json.set("spend", JsonObject.number(effect.spend()));
      json.set("contribution", JsonObject.number(effect.contribution()));
      json.set("share", JsonObject.number(effect.share()));
      json.set("roi", JsonObject.number(effect.roi()));
      json.set("roi_interval", interval(effect.roiInterval()));
      json.set("marginal_roi", JsonObject.number(effect.marginalRoi()));
      json.set("marginal_roi_interval", interval(effect.marginalRoiInterval()));
      json.set("half_life", JsonObject.number(effect.halfLife()));
      return json;
    }

    @Override
    public ChannelEffect read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      return new ChannelEffect(json.text("channel"), json.number("spend"), json.number("contribution"),
          json.number("share"), json.number("roi"), interval(json.object("roi_interval")),
          json.number("marginal_roi"), interval(json.object("marginal_roi_interval")), json.number("half_life"));
    }
  };

  /**
   * {@link BudgetPlan}: the budget per period, one allocation per channel ({@code channel}, {@code current},
   * {@code recommended}, {@code current_outcome}, {@code recommended_outcome}, per period), the expected gain per
   * period and its interval.
   */
  static final JsonForm<BudgetPlan> BUDGET_PLAN = new JsonForm<>() {
    @Override
    public Class<BudgetPlan> type() {
      return BudgetPlan.class;
    }

    @Override
    public JsonNode write(BudgetPlan plan) {
      ObjectNode json = JsonObject.object();
      json.set("budget", JsonObject.number(plan.budget()));
      ArrayNode allocations = json.putArray("allocations");
      for (ChannelAllocation allocation : plan.allocations()) {
        ObjectNode row = allocations.addObject();
        row.put("channel", allocation.channel());
        row.set("current", JsonObject.number(allocation.current()));
        row.set("recommended", JsonObject.number(allocation.recommended()));
        row.set("current_outcome", JsonObject.number(allocation.currentOutcome()));
        row.set("recommended_outcome", JsonObject.number(allocation.recommendedOutcome()));
      }
      json.set("gain", JsonObject.number(plan.gain()));
      json.set("gain_interval", interval(plan.gainInterval()));
      return json;
    }

    @Override
    public BudgetPlan read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      return new BudgetPlan(json.number("budget"), json.list("allocations", (row, at) -> {
        JsonObject line = JsonObject.of(row, at);
        return new ChannelAllocation(line.text("channel"), line.number("current"), line.number("recommended"),
            line.number("current_outcome"), line.number("recommended_outcome"));
      }), json.number("gain"), interval(json.object("gain_interval")));
    }
  };

  /** An interval as {@code {"lower", "upper", "level"}}. */
  private static ObjectNode interval(Interval interval) {
    ObjectNode json = JsonObject.object();
    json.set("lower", JsonObject.number(interval.lower()));
    json.set("upper", JsonObject.number(interval.upper()));
    json.set("level", JsonObject.number(interval.level()));
    return json;
  }

  private static Interval interval(JsonObject json) {
    return new Interval(json.number("lower"), json.number("upper"), json.number("level"));
  }
}
