/**
 * Marketing-mix worlds: weekly (or monthly) spend per channel and an outcome series made from known carry-over
 * and saturation curves, so that a marketing mix model can be judged against the truth.
 *
 * <p>{@link org.engagement.simulator.mix.MixSimulation#generate} makes a
 * {@link org.engagement.simulator.mix.MixWorld} from a {@link org.engagement.simulator.mix.MixWorldSpec}. The
 * outcome of period {@code t} is
 * {@code baseline · (1 + trend · t / T + season_t + demand_t) + Σ_c contribution_c,t + noise_t}, where
 * {@code contribution_c,t = β_c · hill(adstock_c,t / (K_c · m_c), S_c)}: the channel's spend carried over
 * geometrically with its half-life, or delayed to a peak ({@link org.engagement.simulator.mix.MixChannel#withDelay}),
 * and normalised (a constant spend {@code s} carries over to {@code s}),
 * {@code hill(z, S) = z^S / (1 + z^S)}, {@code m_c} the channel's mean spend, {@code K_c} its half-saturation
 * relative to that mean and {@code β_c} chosen so that a constant mean spend returns the channel's stated ROI.
 * Spend before the first period is zero. {@code demand_t} is an unobserved AR(1) demand (coefficient 0.8) that
 * the model cannot see: it makes the residuals autocorrelated, as real ones are, and a channel whose spend
 * follows it ({@link org.engagement.simulator.mix.MixChannel#demandFollowing()}) gets credit it did not earn
 * from any model without a lift test.
 *
 * <p>Spend per period follows the spec's {@link org.engagement.simulator.mix.MixWorldSpec.Plans plans}: the
 * original independent weekly draws around quarterly levels, or campaign plans (flights, pulses, yearly
 * budgets) as media planners lay spend out.
 *
 * <p>The same spec and seed always give the same world.
 */
@NullMarked
package org.engagement.simulator.mix;

import org.jspecify.annotations.NullMarked;
