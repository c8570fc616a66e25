package org.engagement.attribution;

import org.engagement.attribution.journey.JourneySet;

/**
 * The SPI of attribution models: credit per channel for the conversions and the value of a journey set.
 *
 * <p>For every additive model ({@link AttributionResult#additive()}) the conversion credits add up to
 * {@link JourneySet#totalConversions()} and the value credits to {@link JourneySet#totalValue()}, up to
 * floating-point rounding. Models are configured on construction (directly through their factories, or
 * by name with {@link ModelParameters} through {@link AttributionModels}, whose
 * {@link AttributionModelProvider}s make them) and hold no state between calls.
 *
 * <p>Implementations must be immutable and thread-safe: one instance may attribute several sets at once.
 *
 * @since 0.1.0
 */
public interface AttributionModel {

  /** The model's registry name, for example {@code first-touch}. */
  String name();

  /**
   * The parameters the model was configured with, typed, so that a result can say how it was computed
   * ({@link ModelParameters#asText()} shows them as text). Given back to the registry under the model's
   * name, they make a model configured the same way. Empty if the model has none.
   */
  ModelParameters parameters();

  /**
   * Credits the conversions and value of {@code journeys} to channels.
   *
   * @throws IllegalArgumentException if the journeys lack data the model needs (for example touch times)
   */
  AttributionResult attribute(JourneySet journeys);
}
