package org.engagement.attribution.shapley;

/**
 * What {@link ShapleyModel} does with channels whose Shapley value is negative, chosen with the parameter
 * {@code negative} ({@link ShapleyModel#NEGATIVE}): {@code clamp} (the default) or {@code keep}, the constant's
 * name in lower case.
 *
 * <p>A Shapley value of the conversion-rate game is negative when, on balance over the coalitions, the
 * channel's presence goes with a lower conversion rate of the journeys counted for the coalition. In the
 * {@linkplain CoalitionWorth#EXACT exact-set} game that happens to channels with a real positive effect as
 * well: most coalitions a channel joins are unseen (worth 0), and a channel seen mostly alongside others has
 * many marginal contributions that run from a seen set to an unseen one. So a negative value is not
 * evidence that a channel hurts; it is often an artefact of the worth definition.
 *
 * <p>Immutable and thread-safe, being an enum.
 *
 * @since 0.1.0
 */
public enum NegativeValues {
  /**
   * Negative values count as zero; the positive ones are scaled to the totals:
   * {@code credit_c = max(φ_c, 0) / Σ_d max(φ_d, 0) × total}. Credits are never negative, so they can be shown
   * as money ({@link org.engagement.attribution.AttributionResult#valueAsMoney}) and as shares of conversions
   * that happened; the price is that a channel with a real effect can get nothing.
   */
  CLAMP,
  /**
   * Values are kept with their sign and scaled to the totals: {@code credit_c = φ_c / Σ_d φ_d × total}, when
   * {@code Σ_d φ_d = v(N)} is positive. Credits still add up to the totals but some may be negative (a channel
   * the game says lowers the rate) and others then exceed what they would get clamped. For diagnosis and for
   * hosts that handle signed credits; negative value credits cannot be split as money.
   */
  KEEP
}
