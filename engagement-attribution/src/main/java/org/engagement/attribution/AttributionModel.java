package org.engagement.attribution;

import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;

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

  /**
   * Credits {@code journeys} journey by journey, with the per-channel result they belong to
   * ({@link JourneyCredits}), so that a host can tell which customers' journeys earned a channel its credit.
   *
   * <p>The default attributes {@link Journeys#toJourneySet()} and {@linkplain JourneyCredits#spread spreads}
   * each channel's credit over the converting journeys that touched it (the rule is in
   * {@link JourneyCredits}): right for models that credit channels or paths globally, such as Markov and
   * Shapley. Models whose credit of a journey depends on that journey alone override it to give each
   * journey its own credits, which then add up to the per-channel result exactly.
   *
   * @throws IllegalArgumentException if the journeys lack data the model needs, as {@link #attribute}
   */
  default JourneyCredits creditJourneys(Journeys journeys) {
    return JourneyCredits.spread(attribute(journeys.toJourneySet()), journeys);
  }

  /**
   * The model to run on bootstrap resamples of {@code journeys} in place of this one: the same answers to
   * rounding on every set, but free to start from what it learns on {@code journeys} (a fit on a resample
   * warm-started from the fit on the whole set, say), because a bootstrap runs the model hundreds of times on
   * sets close to {@code journeys}. The {@link org.engagement.attribution.interval.BootstrapIntervals bootstrap}
   * asks for it once and runs it on every resample; the point credits still come from {@link #attribute}.
   *
   * <p>The default is this model itself: right for every model without a costly fit to start from. A model that
   * overrides it keeps {@link #name()} and {@link #parameters()}, and states how close "to rounding" is.
   *
   * @throws IllegalArgumentException if the model refuses {@code journeys}, as {@link #attribute} would
   */
  default AttributionModel forResamplesOf(JourneySet journeys) {
    return this;
  }

  /**
   * The model one bootstrap resample runs, for a model whose answer rests on data besides the journeys, data
   * with an uncertainty of its own: a model calibrated with experiments draws each experiment's result from its
   * interval ({@link org.engagement.attribution.calibration.LiftResult#drawn}), so that the intervals carry the
   * experiments' uncertainty as well as the journeys'. The {@linkplain
   * org.engagement.attribution.interval.BootstrapIntervals bootstrap} asks the {@linkplain #forResamplesOf
   * resample form} for it once per resample with a seed of that resample's own, drawn in order from the
   * bootstrap's seed, and runs what it returns on the resample.
   *
   * <p>The default is this model itself: right for every model whose only data are the journeys. A model that
   * overrides it keeps {@link #name()} and {@link #parameters()}, and returns the same model for the same seed.
   *
   * @param seed the resample's seed for the model's own draws
   */
  default AttributionModel forResample(long seed) {
    return this;
  }
}
