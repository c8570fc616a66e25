/**
 * Customer lifetime value, from purchases to a value per customer: the entry point of the CLV module.
 *
 * <p>{@link org.engagement.clv.LifetimeValueAnalysis} runs the whole pipeline with the choices of a
 * {@link org.engagement.clv.LifetimeValueSettings} value: purchases (transactions, or interactions with a
 * conversion rule and a currency) become repeat-buying summaries ({@code clv.summary}); BG/NBD and
 * Gamma-Gamma are fitted on them ({@code clv.model}); and a {@link
 * org.engagement.clv.FittedLifetimeValue} gives each customer's probability of being alive, expected
 * purchases, expected spend and discounted lifetime value ({@code clv.prediction}). A fit that does not
 * converge gives a {@link org.engagement.clv.LifetimeValueOutcome} with the reason, never numbers from an
 * unconverged search. {@link org.engagement.clv.RepeatBuyingMetrics} adds the repeat-buying metrics to
 * core's customer profiles, so the fitted value can predict from a profile.
 *
 * @since 0.1.0
 */
@NullMarked
package org.engagement.clv;

import org.jspecify.annotations.NullMarked;
