package org.engagement.attribution.compare;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Several attribution models run on the same journeys, side by side: a table of channel × model with the
 * conversion credit and the value credit in each cell, plus each model's totals.
 *
 * <p>Rows are the channels in lexicographic order of their names (the order of the journey set's
 * {@link org.engagement.attribution.journey.ChannelIndex}); columns are the models in the order given.
 * Models are named by {@link AttributionModel#name()} (for {@link #of(List)}: by
 * {@link AttributionResult#model()}), so two models with the same name cannot be compared in one table.
 *
 * <p>A model's totals ({@link #totalConversions(String)}, {@link #totalValue(String)}) are the sums of its
 * credits: for an additive model they equal the journeys' totals ({@link #journeyConversions()},
 * {@link #journeyValue()}) up to floating-point rounding; for a non-additive one (participation) they
 * exceed them.
 *
 * <pre>{@code
 * JourneySet journeys = PathFormat.channelAttribution().read(reader);
 * AttributionModels registry = AttributionModels.defaults();
 * ModelComparison table = ModelComparison.run(journeys,
 *     List.of(registry.create("first-touch"), registry.create("last-touch"), registry.create("linear")));
 * table.conversions("email", "linear");   // the linear model's conversion credit for email
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ModelComparison {
  private final List<String> channels;
  private final List<String> models;
  private final List<AttributionResult> results;
  private final Map<String, AttributionResult> byModel;
  private final List<Row> rows;
  private final double journeyConversions;
  private final double journeyValue;

  private ModelComparison(List<AttributionResult> results) {
    AttributionResult first = results.get(0);
    this.channels = first.channelNames();
    Map<String, AttributionResult> map = new LinkedHashMap<>();
    for (AttributionResult result : results) {
      if (!result.channelNames().equals(channels)) {
        throw new InvalidFieldException("results", result.model(),
            "must all be computed on the same journeys: channels " + result.channelNames()
                + " differ from " + channels);
      }
      if (map.putIfAbsent(result.model(), result) != null) {
        throw new InvalidFieldException("models", result.model(),
            "must have distinct names: a comparison has one column per model name");
      }
    }
    this.results = List.copyOf(results);
    this.byModel = Collections.unmodifiableMap(map);
    this.models = List.copyOf(map.keySet());
    List<Row> table = new ArrayList<>(channels.size());
    for (int c = 0; c < channels.size(); c++) {
      List<Double> conversions = new ArrayList<>(results.size());
      List<Double> values = new ArrayList<>(results.size());
      for (AttributionResult result : results) {
        conversions.add(result.conversions(c));
        values.add(result.value(c));
      }
      table.add(new Row(channels.get(c), conversions, values));
    }
    this.rows = Collections.unmodifiableList(table);
    this.journeyConversions = first.totalConversions();
    this.journeyValue = first.totalValue();
  }

  /**
   * Runs every model of {@code models} on {@code journeys}, in order, and tables the results.
   *
   * @param journeys the journeys every model attributes
   * @param models at least one model; names must be distinct
   * @throws InvalidFieldException if there is no model or two share a name
   * @throws IllegalArgumentException if a model refuses the journeys (for example time decay on journeys
   *     without touch times)
   */
  public static ModelComparison run(JourneySet journeys, List<? extends AttributionModel> models) {
    requireNonNull(journeys, "journeys");
    requireNonNull(models, "models");
    requireSome(models.size());
    List<String> names = new ArrayList<>(models.size());
    for (AttributionModel model : models) {
      String name = requireNonNull(model, "model").name();
      if (names.contains(name)) {
        throw new InvalidFieldException("models", name,
            "must have distinct names: a comparison has one column per model name");
      }
      names.add(name);
    }
    List<AttributionResult> results = new ArrayList<>(models.size());
    for (AttributionModel model : models) {
      results.add(model.attribute(journeys));
    }
    return new ModelComparison(results);
  }

  /**
   * Tables results computed elsewhere; they must come from the same journeys.
   *
   * @param results at least one result; model names must be distinct
   * @throws InvalidFieldException if there is none, two share a model name, or their channels differ
   */
  public static ModelComparison of(List<AttributionResult> results) {
    requireNonNull(results, "results");
    requireSome(results.size());
    results.forEach(r -> requireNonNull(r, "result"));
    return new ModelComparison(results);
  }

  private static void requireSome(int count) {
    if (count == 0) {
      throw new InvalidFieldException("models", "", "must name at least one model to compare");
    }
  }

  /** The channels (the rows), in lexicographic order. */
  public List<String> channels() {
    return channels;
  }

  /** The model names (the columns), in the order given. */
  public List<String> models() {
    return models;
  }

  /** The results, one per model, in the order of {@link #models()}. */
  public List<AttributionResult> results() {
    return results;
  }

  /**
   * The result of the model called {@code model}.
   *
   * @throws NoSuchElementException if the comparison has no such model; the message lists the ones it has
   */
  public AttributionResult result(String model) {
    AttributionResult result = byModel.get(requireNonNull(model, "model"));
    if (result == null) {
      throw new NoSuchElementException("no model '" + model + "' in this comparison; models: " + models);
    }
    return result;
  }

  /** The table, one row per channel, in channel order. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * The conversion credit {@code model} gives {@code channel}; 0 if the channel is not in the journeys.
   *
   * @throws NoSuchElementException if the comparison has no such model
   */
  public double conversions(String channel, String model) {
    return result(model).conversions(requireNonNull(channel, "channel"));
  }

  /**
   * The value credit {@code model} gives {@code channel}; 0 if the channel is not in the journeys.
   *
   * @throws NoSuchElementException if the comparison has no such model
   */
  public double value(String channel, String model) {
    return result(model).value(requireNonNull(channel, "channel"));
  }

  /**
   * The sum of the conversion credits of {@code model} over all channels.
   *
   * @throws NoSuchElementException if the comparison has no such model
   */
  public double totalConversions(String model) {
    AttributionResult result = result(model);
    double sum = 0;
    for (int c = 0; c < channels.size(); c++) {
      sum += result.conversions(c);
    }
    return sum;
  }

  /**
   * The sum of the value credits of {@code model} over all channels.
   *
   * @throws NoSuchElementException if the comparison has no such model
   */
  public double totalValue(String model) {
    AttributionResult result = result(model);
    double sum = 0;
    for (int c = 0; c < channels.size(); c++) {
      sum += result.value(c);
    }
    return sum;
  }

  /** The total conversions of the journeys compared on. */
  public double journeyConversions() {
    return journeyConversions;
  }

  /** The total conversion value of the journeys compared on. */
  public double journeyValue() {
    return journeyValue;
  }

  @Override
  public String toString() {
    return "ModelComparison" + models + " over " + channels;
  }

  /**
   * One channel's row of the table: its conversion and value credit under each model, indexed like
   * {@link ModelComparison#models()}. Immutable and thread-safe.
   *
   * @param channel the channel's name
   * @param conversions the conversion credit per model
   * @param values the value credit per model
   * @since 0.1.0
   */
  public record Row(String channel, List<Double> conversions, List<Double> values) {
    /** Copies the lists. */
    public Row {
      requireNonNull(channel, "channel");
      conversions = List.copyOf(conversions);
      values = List.copyOf(values);
      if (conversions.size() != values.size()) {
        throw new InvalidFieldException("values", values.size(),
            "must have one credit per model like conversions (" + conversions.size() + ")");
      }
    }
  }
}
