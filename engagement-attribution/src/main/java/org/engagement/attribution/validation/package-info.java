/**
 * Validation without truth: out-of-sample checks of the conversion probabilities that attribution models
 * imply ({@link org.engagement.attribution.validation.CrossValidation}), Markov order selection, and the rule
 * that picks the recommended model ({@link org.engagement.attribution.validation.RecommendedModel}).
 *
 * <p>Every number here is <em>predictive</em>: how well a model's view of the journeys predicts whether
 * held-out customers convert. None is <em>causal</em>: a model can predict conversion well because it
 * learned which channels people who were going to buy anyway touch (retargeting, navigational search), which
 * is exactly what makes its credits wrong. Only experiments ({@link org.engagement.attribution.calibration})
 * or a known truth measure cause.
 */
@NullMarked
package org.engagement.attribution.validation;

import org.jspecify.annotations.NullMarked;
