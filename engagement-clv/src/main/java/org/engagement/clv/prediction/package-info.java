/**
 * Predictions from fitted repeat-buying models, per customer and in bulk, with time made explicit:
 * expected purchases, conditional expected purchases and probability alive ({@link
 * org.engagement.clv.prediction.Predictions}), expected spend ({@link
 * org.engagement.clv.prediction.SpendForecast}), and discounted customer lifetime value ({@link
 * org.engagement.clv.prediction.CustomerLifetimeValue}).
 *
 * <p>Every length of time is a typed value: a {@link org.engagement.clv.prediction.Horizon} is an
 * amount with its {@link org.engagement.clv.summary.PeriodUnit}, and a {@link
 * org.engagement.clv.prediction.DiscountRate} is a rate with the period it applies to (a year by
 * default). Both are converted explicitly to the unit the model was fitted in, so a 12-month horizon on a
 * model fitted in weeks means 52.18 weeks, never 12 weeks: the confusion users of other CLV libraries
 * report (lifetimes issues 27, 137, 215; PyMC-Marketing PR 2748).
 *
 * <p>Bulk predictions work on primitive columns ({@link
 * org.engagement.clv.prediction.CustomerColumns}) and write into {@code double[]}, so a million
 * customers cost no per-customer objects. The package also adapts the models to the value
 * tiers' {@link org.engagement.core.value.tier.ValuePredictor} ({@link
 * org.engagement.clv.prediction.LifetimeValuePredictor}); the ROI module's model-based lift adapts them to
 * its activity baseline.
 */
@NullMarked
package org.engagement.clv.prediction;

import org.jspecify.annotations.NullMarked;
