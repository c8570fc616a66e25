package org.engagement.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.engagement.clv.CustomerValue;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.json.saved.ClvFitData;
import org.engagement.json.saved.SavedClvModel;
import org.jspecify.annotations.Nullable;

/** The JSON forms of CLV's results: fits, customer predictions and saved models. Stateless. */
final class ClvForms {
  private ClvForms() {}

  /**
   * {@link FitResult}: status, degeneracy reason, one object per parameter in the model's order (its estimate
   * and, when there are standard errors, {@code standard_error}, derived), log-likelihood, counts, covariance.
   */
  static final JsonForm<FitResult> FIT = new JsonForm<>() {
    @Override
    public Class<FitResult> type() {
      return FitResult.class;
    }

    @Override
    public JsonNode write(FitResult fit) {
      ObjectNode json = JsonObject.object();
      json.put("status", JsonObject.label(fit.status()));
      json.put("degeneracy", fit.degeneracy().orElse(null));
      ArrayNode parameters = json.putArray("parameters");
      double[] estimates = fit.estimates();
      for (int i = 0; i < estimates.length; i++) {
        String name = fit.parameterNames().get(i);
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.set("estimate", JsonObject.number(estimates[i]));
        if (fit.hasStandardErrors()) {
          parameter.set("standard_error", JsonObject.number(fit.standardError(name)));
        }
      }
      json.set("log_likelihood", JsonObject.number(fit.logLikelihood()));
      json.put("iterations", fit.iterations());
      json.put("evaluations", fit.evaluations());
      if (fit.hasStandardErrors()) {
        ArrayNode rows = json.putArray("covariance");
        for (double[] row : fit.covariance()) {
          ArrayNode cells = rows.addArray();
          for (double cell : row) {
            cells.add(JsonObject.number(cell));
          }
        }
      } else {
        json.putNull("covariance");
      }
      return json;
    }

    @Override
    public FitResult read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      List<JsonObject> parameters = json.list("parameters", JsonObject::of);
      List<String> names = parameters.stream().map(p -> p.text("name")).toList();
      double[] estimates = parameters.stream().mapToDouble(p -> p.number("estimate")).toArray();
      FitStatus status = json.choice("status", FitStatus.class);
      double[][] covariance = json.has("covariance") ? covariance(json, names.size()) : null;
      double logLikelihood = json.number("log_likelihood");
      int iterations = json.smallInteger("iterations");
      int evaluations = json.smallInteger("evaluations");
      if (status == FitStatus.DEGENERATE) {
        return FitResult.of(names, estimates, logLikelihood, FitStatus.CONVERGED, iterations, evaluations, null)
            .degenerate(json.text("degeneracy"));
      }
      return FitResult.of(names, estimates, logLikelihood, status, iterations, evaluations, covariance);
    }
  };

  private static double[][] covariance(JsonObject json, int size) {
    List<double[]> rows = json.list("covariance", (row, at) -> {
      if (!row.isArray() || row.size() != size) {
        throw new InvalidFieldException(at, row, "must be an array of " + size + " numbers");
      }
      double[] cells = new double[size];
      for (int j = 0; j < size; j++) {
        cells[j] = JsonObject.number(row.get(j), at + "[" + j + "]");
      }
      return cells;
    });
    if (rows.size() != size) {
      throw new InvalidFieldException(json.at("covariance"), rows.size() + " rows",
          "must have one row per parameter (" + size + ")");
    }
    return rows.toArray(new double[0][]);
  }

  /** {@link CustomerValue}: one customer's predictions. */
  static final JsonForm<CustomerValue> CUSTOMER_VALUE = new JsonForm<>() {
    @Override
    public Class<CustomerValue> type() {
      return CustomerValue.class;
    }

    @Override
    public JsonNode write(CustomerValue value) {
      ObjectNode json = JsonObject.object();
      json.put("customer_id", value.customerId());
      json.set("probability_alive", JsonObject.number(value.probabilityAlive()));
      json.set("expected_purchases", JsonObject.number(value.expectedPurchases()));
      json.set("expected_spend", JsonObject.number(value.expectedSpend()));
      json.set("lifetime_value", JsonObject.number(value.lifetimeValue()));
      return json;
    }

    @Override
    public CustomerValue read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      return new CustomerValue(json.text("customer_id"), json.number("probability_alive"),
          json.number("expected_purchases"), json.number("expected_spend"), json.number("lifetime_value"));
    }
  };

  /** {@link ClvFitData}: counts, and the means that apply ({@code null} otherwise). */
  static final JsonForm<ClvFitData> FIT_DATA = new JsonForm<>() {
    @Override
    public Class<ClvFitData> type() {
      return ClvFitData.class;
    }

    @Override
    public JsonNode write(ClvFitData data) {
      ObjectNode json = JsonObject.object();
      json.put("customers", data.customers());
      json.put("repeat_buyers", data.repeatBuyers());
      json.put("repeat_purchases", data.repeatPurchases());
      optional(json, "mean_age", data.meanAge());
      optional(json, "mean_repeat_spend", data.meanRepeatSpend());
      return json;
    }

    @Override
    public ClvFitData read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      return new ClvFitData(json.integer("customers"), json.integer("repeat_buyers"),
          json.integer("repeat_purchases"), optional(json, "mean_age"), optional(json, "mean_repeat_spend"));
    }
  };

  private static void optional(ObjectNode json, String name, OptionalDouble value) {
    if (value.isPresent()) {
      json.set(name, JsonObject.number(value.getAsDouble()));
    } else {
      json.putNull(name);
    }
  }

  private static OptionalDouble optional(JsonObject json, String name) {
    return json.has(name) ? OptionalDouble.of(json.number(name)) : OptionalDouble.empty();
  }

  /** {@link SavedClvModel}: the envelope, the model, its unit, the fit and the data. */
  static final JsonForm<SavedClvModel> SAVED = new JsonForm<>() {
    @Override
    public Class<SavedClvModel> type() {
      return SavedClvModel.class;
    }

    @Override
    public JsonNode write(SavedClvModel saved) {
      ObjectNode json = Envelope.write(SavedClvModel.FORMAT, SavedClvModel.VERSION);
      json.put("model", saved.kind().label());
      PeriodUnit unit = saved.unit();
      json.put("unit", unit == null ? null : JsonObject.label(unit));
      json.set("fit", FIT.write(saved.fit()));
      json.set("data", FIT_DATA.write(saved.data()));
      return json;
    }

    @Override
    public SavedClvModel read(JsonNode node, String path) {
      JsonObject json = JsonObject.of(node, path);
      Envelope.require(json, SavedClvModel.FORMAT, SavedClvModel.SUPPORTED_VERSIONS);
      SavedClvModel.Kind kind = json.choice("model", SavedClvModel.Kind.class);
      @Nullable PeriodUnit unit = json.has("unit") ? json.choice("unit", PeriodUnit.class) : null;
      return SavedClvModel.of(kind, unit, FIT.read(json.node("fit"), json.at("fit")),
          FIT_DATA.read(json.node("data"), json.at("data")));
    }
  };

  /** Every form of this class. */
  static List<JsonForm<?>> all() {
    return new ArrayList<>(List.of(FIT, CUSTOMER_VALUE, FIT_DATA, SAVED));
  }
}
