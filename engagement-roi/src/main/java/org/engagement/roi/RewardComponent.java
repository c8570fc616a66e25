package org.engagement.roi;

/**
 * The parts a relationship's reward is made of, each reported on its own so that nobody has to trust a
 * single opaque number.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum RewardComponent {
  /** Conversion value the measured attribution model credits to the channel, times (1 − survey weight). */
  ATTRIBUTED_REVENUE,
  /** Conversion value credited to the channel because customers named it when asked how they found us. */
  SELF_REPORTED_INFLUENCE,
  /** Value of the customers the channel's engagement kept: churn reduction times customer value. */
  RETAINED_VALUE,
  /** Value of the extra interactions the channel caused, from a lift analysis. */
  ENGAGEMENT_LIFT
}
