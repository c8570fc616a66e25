/**
 * Multi-touch attribution: the model SPI and its registry. {@link org.engagement.attribution.AttributionModel}
 * turns a journey set into credit per channel ({@link org.engagement.attribution.AttributionResult}); models
 * are chosen by name with typed parameters ({@link org.engagement.attribution.ModelParameters}, declared as
 * {@link org.engagement.attribution.ModelParameter}s) from {@link org.engagement.attribution.AttributionModels},
 * which finds their {@link org.engagement.attribution.AttributionModelProvider}s through
 * {@link java.util.ServiceLoader}. This package imports none of the models.
 *
 * <p>The rest is split by concept: {@link org.engagement.attribution.journey} makes and holds journeys (from
 * interactions, or from ChannelAttribution path files), {@link org.engagement.attribution.heuristic} holds
 * the rule-based models, {@link org.engagement.attribution.markov} and {@link
 * org.engagement.attribution.shapley} the data-driven ones, {@link org.engagement.attribution.hazard} the
 * additive-hazard fit, and {@link org.engagement.attribution.compare} runs several models side by side.
 * {@link org.engagement.attribution.validation} checks the models' predictions on held-out folds and holds the
 * {@code recommended} model, {@link org.engagement.attribution.calibration} calibrates credits with
 * experiments, and {@link org.engagement.attribution.interval} gives bootstrap intervals.
 */
@NullMarked
package org.engagement.attribution;

import org.jspecify.annotations.NullMarked;
