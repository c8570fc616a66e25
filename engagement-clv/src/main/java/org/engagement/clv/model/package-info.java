/**
 * Probabilistic customer-base models fitted by maximum likelihood on the CDNOW-style repeat-buying
 * summaries: the transaction models BG/NBD ({@link org.engagement.clv.model.BgNbdModel},
 * Fader, Hardie and Lee 2005) and MBG/NBD ({@link org.engagement.clv.model.MbgNbdModel},
 * Batislam, Denizel and Filiztekin 2007) and Pareto/NBD ({@link
 * org.engagement.clv.model.ParetoNbdModel}, Schmittlein, Morrison and Colombo 1987), which
 * share {@link org.engagement.clv.model.RepeatBuyingModel}; the discrete-time BG/BB model
 * ({@link org.engagement.clv.model.BgBbModel}, Fader, Hardie and Shang 2010), which works on
 * {@link org.engagement.clv.model.DiscreteSummary} histories in whole opportunities; and the
 * Gamma-Gamma spend model ({@link org.engagement.clv.model.GammaGammaModel}, Fader and Hardie
 * 2013, note 025).
 *
 * <p>Time in every method (recency, age, horizons) is in the {@link
 * org.engagement.clv.summary.PeriodUnit} of the summaries the model was fitted on, which the model
 * carries ({@link org.engagement.clv.model.RepeatBuyingModel#unit()}): a model fitted on
 * weeks predicts purchases in {@code t} weeks. Fits return a {@link
 * org.engagement.clv.model.ModelFit}, which refuses to hand out a model whose search did not
 * converge.
 */
@NullMarked
package org.engagement.clv.model;

import org.jspecify.annotations.NullMarked;
