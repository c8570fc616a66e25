/**
 * Data preparation for customer-lifetime-value ("buy 'til you die") models: from transactions to the
 * per-customer repeat-buying summary {@code (x, t_x, T)} with mean repeat spend, a calibration / holdout
 * split, and compression of identical summaries into weighted rows for the likelihoods.
 *
 * <p>Definitions follow the CDNOW summary files of Fader and Hardie (see {@link
 * org.engagement.clv.summary.RepeatBuyingSummaries}): purchases are counted by distinct calendar day,
 * time is measured in an explicit {@link org.engagement.clv.summary.PeriodUnit}, and the observation
 * end is always given by the caller.
 *
 * <p>The models live in subpackages: {@code clv.model} (BG/NBD, MBG/NBD, Gamma-Gamma and the shared
 * {@code RepeatBuyingModel} interface), {@code clv.fit} (maximum-likelihood fitting with convergence
 * status and standard errors) and {@code clv.special} (the Gauss hypergeometric function).
 */
@NullMarked
package org.engagement.clv.summary;

import org.jspecify.annotations.NullMarked;
