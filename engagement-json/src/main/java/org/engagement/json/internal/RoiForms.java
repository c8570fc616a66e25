package org.engagement.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.roi.RewardComponent;
import org.engagement.roi.RoiLine;
import org.engagement.roi.RoiReport;

/** The JSON form of an ROI report and its lines. Stateless. */
final class RoiForms {
  private RoiForms() {}

  /**
   * {@link RoiReport}: calculator, currency, window (months {@code "2024-01"}), the lines per channel and
   * owner, and the total line.
   */
  static final JsonForm<RoiReport> REPORT = new JsonForm<>() {
    @Override
    public Class<RoiReport> type() {
      return RoiReport.class;
    }

    @Override
    public JsonNode write(RoiReport report) {
      ObjectNode json = JsonObject.object();
      json.put("calculator", report.calculator());
      json.put("currency", report.currency().getCurrencyCode());
      json.put("first_month", report.firstMonth().toString());
      json.put("last_month", report.lastMonth().toString());
      ArrayNode channels = json.putArray("channels");
      report.channels().forEach(line -> channels.add(line(line)));
      ArrayNode owners = json.putArray("owners");
      report.owners().forEach(line -> owners.add(line(line)));
      json.set("total", line(report.total()));
      return json;
    }

    @Override
    public RoiReport read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      return new RoiReport(json.text("calculator"), Money.currency(json.at("currency"), json.text("currency")),
          month(json, "first_month"), month(json, "last_month"), json.list("channels", RoiForms::line),
          json.list("owners", RoiForms::line), line(json.node("total"), json.at("total")));
    }
  };

  private static YearMonth month(JsonObject json, String name) {
    String text = json.text(name);
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(json.at(name), text, "must be a month such as 2024-06");
    }
  }

  /**
   * One line: its own fields, then the figures derived from them ({@code total_reward}, {@code contribution},
   * {@code roi}, {@code roas}, {@code cost_per_acquisition}, {@code cost_per_engaged_customer_per_year};
   * {@code null} when empty), which reading ignores.
   */
  private static ObjectNode line(RoiLine line) {
    ObjectNode json = JsonObject.object();
    json.put("key", line.key());
    json.set("cost", CoreForms.MONEY.write(line.cost()));
    ObjectNode rewards = json.putObject("rewards");
    line.rewards().forEach((component, value) -> rewards.set(JsonObject.label(component), JsonObject.number(value)));
    json.set("conversions", JsonObject.number(line.conversions()));
    json.set("engaged_customers", JsonObject.number(line.engagedCustomers()));
    json.put("months", line.months());
    json.set("margin", JsonObject.number(line.margin()));
    if (line.paybackMonth().isPresent()) {
      json.put("payback_month", line.paybackMonth().getAsInt());
    } else {
      json.putNull("payback_month");
    }
    json.set("total_reward", JsonObject.number(line.totalReward()));
    json.set("contribution", JsonObject.number(line.contribution()));
    derived(json, "roi", line.roi());
    derived(json, "roas", line.roas());
    derived(json, "cost_per_acquisition", line.costPerAcquisition());
    derived(json, "cost_per_engaged_customer_per_year", line.costPerEngagedCustomerPerYear());
    return json;
  }

  private static void derived(ObjectNode json, String name, OptionalDouble value) {
    if (value.isPresent()) {
      json.set(name, JsonObject.number(value.getAsDouble()));
    } else {
      json.putNull(name);
    }
  }

  private static RoiLine line(JsonNode node, String path) {
    JsonObject json = JsonObject.of(node, path);
    JsonObject rewardsJson = json.object("rewards");
    Map<RewardComponent, Double> rewards = new EnumMap<>(RewardComponent.class);
    for (RewardComponent component : RewardComponent.values()) {
      String name = JsonObject.label(component);
      if (rewardsJson.has(name)) {
        rewards.put(component, rewardsJson.number(name));
      }
    }
    for (String name : rewardsJson.names()) {
      if (rewards.keySet().stream().noneMatch(c -> JsonObject.label(c).equals(name))) {
        throw new InvalidFieldException(rewardsJson.at(name), name, "is not a reward component");
      }
    }
    return new RoiLine(json.text("key"), CoreForms.MONEY.read(json.node("cost"), json.at("cost")), rewards,
        json.number("conversions"), json.number("engaged_customers"), json.smallInteger("months"),
        json.number("margin"), json.has("payback_month") ? OptionalInt.of(json.smallInteger("payback_month"))
            : OptionalInt.empty());
  }
}
