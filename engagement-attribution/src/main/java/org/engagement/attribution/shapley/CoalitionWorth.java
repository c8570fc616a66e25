package org.engagement.attribution.shapley;

/**
 * How {@link ShapleyModel} values a coalition {@code S} of channels: the worth function {@code v} of its
 * conversion-rate game, chosen with the parameter {@code worth} ({@link ShapleyModel#WORTH}): {@code exact}
 * or {@code subsets}, the constant's name in lower case.
 *
 * <p>Both are conversion rates {@code C / (C + N)} of some journeys (conversions {@code C}, non-conversions
 * {@code N}), {@code 0} when there are no such journeys; they differ in which journeys count for {@code S}.
 * {@link #EXACT} reads only the journeys exposed to exactly {@code S}, which leaves most coalitions unseen
 * (worth 0) once there are more than a handful of channels; {@link #SUBSETS} asks what the conversion rate
 * would be if only the channels of {@code S} existed, so every coalition containing an observed channel set
 * has a worth.
 *
 * <p>Immutable and thread-safe, being an enum.
 *
 * @since 0.1.0
 */
public enum CoalitionWorth {
  /**
   * {@code v(S) = C(S) / (C(S) + N(S))} over the journeys whose set of distinct channels is exactly
   * {@code S} (Dalessandro et al. 2012; DP6 {@code attribution_shapley}). Not monotone and not cumulative.
   */
  EXACT,
  /**
   * {@code v(S) = Σ_{T⊆S} C(T) / Σ_{T⊆S} (C(T) + N(T))} over the journeys whose set of distinct channels is
   * a subset of {@code S}: the conversion rate of the world in which only the channels of {@code S} exist and
   * the journeys that needed another channel did not happen. It is a weighted mean of exact-set rates, so it
   * never exceeds the largest of them.
   */
  SUBSETS
}
