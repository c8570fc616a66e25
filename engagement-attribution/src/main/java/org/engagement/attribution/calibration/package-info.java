/**
 * Experiment calibration of attribution credits: lift results per channel from randomised holdouts
 * ({@link org.engagement.attribution.calibration.LiftResult}, read from CSV by
 * {@link org.engagement.attribution.calibration.LiftCsvReader}) pull a model's credits to what the experiments
 * measured ({@link org.engagement.attribution.calibration.LiftCalibration}).
 *
 * <p>A model's credits are a split of the conversions that happened, computed from observational journeys:
 * they are not causal. A lift result is causal for its channel over its period. Calibration puts the
 * experiments' numbers where they exist and keeps the model only for the channels no experiment tested.
 */
@NullMarked
package org.engagement.attribution.calibration;

import org.jspecify.annotations.NullMarked;
