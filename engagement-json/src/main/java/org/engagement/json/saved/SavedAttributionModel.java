package org.engagement.json.saved;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.ModelParameters;

/**
 * An attribution model's configuration as it is saved: the model's registry name and its parameters. Saved as
 * JSON by {@link org.engagement.json.EngagementJson} in the envelope {@code {"format": "engagement-attribution-model", "version":
 * 1, "model": "markov", "parameters": {"order": 2, ...}}}, each parameter a JSON value of its type (integers
 * and decimals as numbers, booleans, choices as their labels, lists as arrays). Loading checks nothing about
 * the parameters; {@link #create(AttributionModels)} does, through the registry, as for any configuration.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param model the model's name in an {@link AttributionModels} registry
 * @param parameters its parameters, typed (as a model's {@link AttributionModel#parameters()}) or as text
 * @since 0.1.0
 */
public record SavedAttributionModel(String model, ModelParameters parameters) {
  /** The envelope's {@code format}. */
  public static final String FORMAT = "engagement-attribution-model";
  /** The version this library writes. */
  public static final int VERSION = 1;
  /** The versions this library reads. */
  public static final List<Integer> SUPPORTED_VERSIONS = List.of(1);

  /** Requires both. */
  public SavedAttributionModel {
    requireNonNull(model, "model");
    requireNonNull(parameters, "parameters");
  }

  /** The configuration of {@code model}: its name and resolved parameters (every default written out). */
  public static SavedAttributionModel of(AttributionModel model) {
    requireNonNull(model, "model");
    return new SavedAttributionModel(model.name(), model.parameters());
  }

  /**
   * The model this configuration names, made by {@code registry}.
   *
   * @throws java.util.NoSuchElementException if the registry has no such model (the message lists those it has)
   * @throws IllegalArgumentException if a parameter is not the model's, is missing or breaks its rule
   */
  public AttributionModel create(AttributionModels registry) {
    return requireNonNull(registry, "registry").create(model, parameters);
  }
}
