/**
 * Marketing mix modelling: what each channel's spend returned, what one more unit would return, how long a
 * channel keeps paying, and where next period's money should go.
 *
 * <p>Attribution splits the conversions that happened among the touches a journey shows; it cannot see
 * channels without trackable touches (press, events, offline), cannot say what more spend would return and
 * cannot tell a relationship that pays over months from a campaign. A mix model regresses an outcome series
 * (weekly or monthly revenue or conversions) on spend per channel, as Google's Meridian and LightweightMMM,
 * Meta's Robyn and PyMC-Marketing do, in process and on the JVM.
 *
 * <h2>The model</h2>
 * {@code y_t = intercept + trend · t + Σ_k (a_k sin + b_k cos)(2πkt / P) + Σ_j γ_j control_j,t
 *   + Σ_c β_c · hill(adstock_c,t / m_c; K_c, S_c) + ε_t}, with
 * <ul>
 *   <li>carry-over (adstock, Jin et al. 2017, "Bayesian methods for media mix modeling with carryover and
 *       shape effects", Google): geometric {@code a_t = λ a_(t-1) + (1 - λ) x_t} over the whole series, or
 *       delayed with weights {@code α^((l - θ)^2)} over {@link org.engagement.roi.mix.MixSettings#maxLag()}
 *       lags (104 weeks by default); both normalised, so a constant spend carries over to itself;
 *   <li>Hill saturation {@code z^S / (z^S + K^S)} of the carried-over spend relative to the channel's mean
 *       spend {@code m_c}; {@code β_c} is the outcome per period at full saturation, never negative;
 *   <li>spend before the first period taken as zero, effects additive, no interaction between channels, and
 *       the carry-over of spend near the end falling partly after the data (not counted in contributions).
 * </ul>
 *
 * <h2>Fitting</h2>
 * On the normalised scale (outcome over its mean, spend over each channel's mean), the linear coefficients
 * are solved exactly for each value of the non-linear ones (half-life, {@code K}, {@code S}) by bounded
 * least squares, and the non-linear ones are searched with Hipparchus's BOBYQA in a bounded box from several
 * seeded starts. Priors keep the model identifiable ({@link org.engagement.roi.mix.MixPriors}): weakly
 * informative priors on {@code ln K} (sd 0.5 around the mean spend) and {@code S} (sd 0.4 around 1, a concave
 * curve, as Meridian fixes its slope and Jin et al. prefer), a log-normal prior on each channel's half-life
 * (by default median two periods, log-sd 1.2; an analyst's own per channel, as Robyn's per-channel ranges and
 * Meridian's priors carry it), and a Gaussian prior on each
 * channel's ROI (by default the mean and sd of Meridian's {@code LogNormal(0.2, 0.9)}, for revenue in the
 * spend's currency; for another outcome {@link org.engagement.roi.mix.MixPriors#kpi()}), beside the settings'
 * ridge on the media effects. The fit runs twice: a first fit without ROI priors gives the noise level, at
 * which the ROI priors and lift tests then enter as pseudo-observations (so a channel the data cannot see is
 * drawn towards a typical ROI, not only towards zero as the ridge draws it). Intervals come from a seeded
 * moving-block residual bootstrap, each resample refitted from the estimate; a ROI interval is the union of
 * the bootstrap's percentile interval and the channel's profile interval (the ROIs whose profile, the
 * channel's own carry-over and saturation searched afresh without their priors, rises by less than the
 * small-sample threshold of a likelihood interval with an estimated noise level, 1.82 for 38 parameters on 156
 * weeks),
 * since refits from the estimate stay in its basin and miss the other fits of a channel the data cannot see.
 * Lift tests ({@link org.engagement.roi.mix.LiftTest}) enter as Robyn
 * and Meridian use them: the channel's modelled contribution over the test's periods is held inside the
 * test's interval and drawn to its value with the test's standard error.
 *
 * <h2>What the data can and cannot tell</h2>
 * Measured on simulated worlds with known curves (8 channels, 156 weeks, one channel with a 17-week
 * half-life; see the README): the fast channels' contributions are recovered within about 0.02 of their
 * share, but a slow channel's carried-over spend is 60 % explained by intercept, trend and season, so without
 * a lift test its share is under-estimated; the ROI intervals cover the truth 81-89 % of the time, not
 * 90 % (the bootstrap's alone about 56 %: refitted from the estimate, they share its bias); and the fitted
 * curves are not accurate enough at the
 * margin for a budget recommendation to reach the gain of the true optimum: without a lift test it moves
 * money out of the slow channel the series cannot see and loses outcome on most seeds; with a lift test on
 * that channel it gains about a third of what the true optimum gains. The shortfall is the data's, not the
 * search's: more starts and a global search find no better optimum, which already fits the series better
 * than the true parameters do. {@link
 * org.engagement.roi.mix.MixModel#warnings()} names the channels whose figures should not be acted on, and
 * {@link org.engagement.roi.mix.MixModel#identification()} says for each channel whether the fit itself can
 * pin its ROI down (a profile of the objective at half and twice the ROI, and collinearity with the model's
 * other columns). A cautious {@link org.engagement.roi.mix.BudgetRequest} (the default) does not move money
 * out of or into a channel that is neither pinned down nor lift-tested, and keeps a plan only if it gains in
 * 90 % of the bootstrap's draws: on the simulated worlds this turns an average loss into a small gain and
 * caps the losses; it does not correct a channel that is confidently biased. A channel neither pinned down nor
 * lift-tested is reported at its profile posterior's mean, not at the fit's mode (which for a channel the series
 * cannot see sits at or near no effect), unless it is collinear with the model's other columns: the contribution
 * shares' mean error falls from 0.040 to 0.034 on the simulated worlds.
 *
 * <h2>Use</h2>
 * {@link org.engagement.roi.mix.MixData} holds the series (from CSV, or from the SDK's costs and purchases by
 * {@link org.engagement.roi.mix.MixData#fromCosts}); {@link org.engagement.roi.mix.MarketingMix#fit} returns
 * a {@link org.engagement.roi.mix.MixModel} with each channel's {@link org.engagement.roi.mix.ChannelEffect}
 * (contribution, share, ROI and marginal ROI with intervals, carry-over half-life), response curves and
 * {@link org.engagement.roi.mix.MixModel#recommend budget recommendations}.
 */
@NullMarked
package org.engagement.roi.mix;

import org.jspecify.annotations.NullMarked;
