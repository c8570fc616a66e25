package org.engagement.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.engagement.attribution.JourneyCredits;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.LifetimeValueOutcome;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.json.view.JourneyCreditsView;
import org.engagement.json.view.LifetimeValueView;
import org.engagement.json.view.RoiResultView;
import org.engagement.roi.RoiResult;
import org.jspecify.annotations.Nullable;

/**
 * The JSON forms of results that carry their inputs, through their views ({@code org.engagement.json.view}): the
 * view's form reads and writes, and the result itself is written as its view. Stateless.
 */
final class ViewForms {
  private ViewForms() {}

  /**
   * {@link JourneyCreditsView}: model, spread, the per-channel result, and one object per journey with a credit
   * ({@code customer_id}, {@code conversion_at} or {@code null}, {@code value}, {@code credits}: one object per
   * channel).
   */
  static final JsonForm<JourneyCreditsView> JOURNEY_CREDITS = new JsonForm<>() {
    @Override
    public Class<JourneyCreditsView> type() {
      return JourneyCreditsView.class;
    }

    @Override
    public JsonNode write(JourneyCreditsView view) {
      ObjectNode json = JsonObject.object();
      json.put("model", view.model());
      json.put("spread", view.spread());
      json.set("result", AttributionForms.RESULT.write(view.result()));
      ArrayNode journeys = json.putArray("journeys");
      for (JourneyCreditsView.Journey journey : view.journeys()) {
        ObjectNode row = journeys.addObject();
        row.put("customer_id", journey.customerId());
        Instant at = journey.conversionAt();
        row.put("conversion_at", at == null ? null : at.toString());
        row.set("value", JsonObject.number(journey.value()));
        ArrayNode credits = row.putArray("credits");
        for (JourneyCreditsView.Credit credit : journey.credits()) {
          ObjectNode cell = credits.addObject();
          cell.put("channel", credit.channel());
          cell.set("conversions", JsonObject.number(credit.conversions()));
          cell.set("value", JsonObject.number(credit.value()));
        }
      }
      return json;
    }

    @Override
    public JourneyCreditsView read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      return new JourneyCreditsView(json.text("model"), json.bool("spread"),
          AttributionForms.RESULT.read(json.node("result"), json.at("result")),
          json.list("journeys", ViewForms::journey));
    }
  };

  private static JourneyCreditsView.Journey journey(JsonNode node, String path) {
    JsonObject json = JsonObject.of(node, path);
    String at = json.optionalText("conversion_at");
    Instant conversionAt;
    try {
      conversionAt = at == null ? null : Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(json.at("conversion_at"), at, "must be an ISO-8601 instant in UTC");
    }
    return new JourneyCreditsView.Journey(json.text("customer_id"), conversionAt, json.number("value"),
        json.list("credits", (cell, at2) -> {
          JsonObject credit = JsonObject.of(cell, at2);
          return new JourneyCreditsView.Credit(credit.text("channel"), credit.number("conversions"),
              credit.number("value"));
        }));
  }

  /**
   * {@link LifetimeValueView}: {@code fitted} (derived), reason, degeneracies, zero-spend buyers, both searches
   * ({@link FitResult}'s form, or {@code null}), and what a fitted value rests on ({@code null} when none).
   */
  static final JsonForm<LifetimeValueView> LIFETIME_VALUE = new JsonForm<>() {
    @Override
    public Class<LifetimeValueView> type() {
      return LifetimeValueView.class;
    }

    @Override
    public JsonNode write(LifetimeValueView view) {
      ObjectNode json = JsonObject.object();
      json.put("fitted", view.fitted() != null);
      json.put("reason", view.reason());
      ArrayNode degeneracies = json.putArray("degeneracies");
      view.degeneracies().forEach(degeneracies::add);
      json.put("zero_spend_buyers", view.zeroSpendBuyers());
      json.set("purchase_search", search(view.purchaseSearch()));
      json.set("spend_search", search(view.spendSearch()));
      LifetimeValueView.Fitted fitted = view.fitted();
      if (fitted == null) {
        json.putNull("value_basis");
      } else {
        ObjectNode basis = json.putObject("value_basis");
        basis.put("unit", JsonObject.label(fitted.unit()));
        ObjectNode horizon = basis.putObject("horizon");
        horizon.set("amount", JsonObject.number(fitted.horizon().amount()));
        horizon.put("unit", JsonObject.label(fitted.horizon().unit()));
        basis.set("annual_discount_rate", JsonObject.number(fitted.annualDiscountRate()));
        basis.put("buyers", fitted.buyers());
        basis.put("repeat_buyers", fitted.repeatBuyers());
      }
      return json;
    }

    @Override
    public LifetimeValueView read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      LifetimeValueView.Fitted fitted = null;
      if (json.has("value_basis")) {
        JsonObject basis = json.object("value_basis");
        JsonObject horizon = basis.object("horizon");
        fitted = new LifetimeValueView.Fitted(basis.choice("unit", PeriodUnit.class),
            new Horizon(horizon.number("amount"), horizon.choice("unit", PeriodUnit.class)),
            basis.number("annual_discount_rate"), basis.smallInteger("buyers"), basis.smallInteger("repeat_buyers"));
      }
      return new LifetimeValueView(json.optionalText("reason"), json.texts("degeneracies"),
          json.integer("zero_spend_buyers"), search(json, "purchase_search"), search(json, "spend_search"), fitted);
    }
  };

  private static JsonNode search(@Nullable FitResult fit) {
    return fit == null ? NullNode.getInstance() : ClvForms.FIT.write(fit);
  }

  private static @Nullable FitResult search(JsonObject json, String name) {
    return json.has(name) ? ClvForms.FIT.read(json.node(name), json.at(name)) : null;
  }

  /**
   * {@link RoiResultView}: the report ({@link org.engagement.roi.RoiReport}'s form), the measured attribution
   * ({@link org.engagement.attribution.AttributionResult}'s form), the survey (weight, counts by channel in name
   * order, unmapped answers) and the value per kept customer.
   */
  static final JsonForm<RoiResultView> ROI_RESULT = new JsonForm<>() {
    @Override
    public Class<RoiResultView> type() {
      return RoiResultView.class;
    }

    @Override
    public JsonNode write(RoiResultView view) {
      ObjectNode json = JsonObject.object();
      json.set("report", RoiForms.REPORT.write(view.report()));
      json.set("measured", AttributionForms.RESULT.write(view.measured()));
      ObjectNode survey = json.putObject("survey");
      survey.set("weight", JsonObject.number(view.surveyWeight()));
      ObjectNode counts = survey.putObject("counts");
      new TreeMap<>(view.surveyCounts()).forEach(counts::put);
      survey.put("unmapped", view.surveyUnmapped());
      json.set("value_per_customer", JsonObject.number(view.valuePerCustomer()));
      return json;
    }

    @Override
    public RoiResultView read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      JsonObject survey = json.object("survey");
      JsonObject countsJson = survey.object("counts");
      Map<String, Long> counts = new TreeMap<>();
      countsJson.names().forEach(name -> counts.put(name, countsJson.integer(name)));
      return new RoiResultView(RoiForms.REPORT.read(json.node("report"), json.at("report")),
          AttributionForms.RESULT.read(json.node("measured"), json.at("measured")), survey.number("weight"),
          counts, survey.integer("unmapped"), json.number("value_per_customer"));
    }
  };

  /** {@link JourneyCredits}, written as its view. */
  static final JsonForm<JourneyCredits> JOURNEY_CREDITS_RESULT =
      new WrittenAs<>(JourneyCredits.class, JOURNEY_CREDITS, JourneyCreditsView::of);
  /** {@link LifetimeValueOutcome}, written as its view. */
  static final JsonForm<LifetimeValueOutcome> LIFETIME_VALUE_OUTCOME =
      new WrittenAs<>(LifetimeValueOutcome.class, LIFETIME_VALUE, LifetimeValueView::of);
  /** {@link RoiResult}, written as its view. */
  static final JsonForm<RoiResult> ROI_RESULT_RESULT = new WrittenAs<>(RoiResult.class, ROI_RESULT, RoiResultView::of);

  /**
   * A result written as its view's form; reading it is refused naming the view to read instead (the form lacks
   * the inputs the result holds). Stateless.
   */
  static final class WrittenAs<T, V> implements JsonForm<T> {
    private final Class<T> type;
    private final JsonForm<V> view;
    private final Function<T, V> toView;

    WrittenAs(Class<T> type, JsonForm<V> view, Function<T, V> toView) {
      this.type = type;
      this.view = view;
      this.toView = toView;
    }

    @Override
    public Class<T> type() {
      return type;
    }

    @Override
    public JsonNode write(T value) {
      return view.write(toView.apply(value));
    }

    @Override
    public T read(JsonNode node, String path) {
      throw new InvalidFieldException(path.isEmpty() ? "document" : path, type.getSimpleName(),
          "is read as " + view.type().getName() + ": the JSON form does not hold the inputs a "
              + type.getSimpleName() + " carries");
    }
  }
}
