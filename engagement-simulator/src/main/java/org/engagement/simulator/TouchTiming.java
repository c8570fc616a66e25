package org.engagement.simulator;

/**
 * When in a customer's life a channel reaches them, which decides where its touches fall in journeys.
 *
 * <p>The distinction matters to attribution: an {@link #EARLY} channel (a trade show, press coverage, a
 * friend's recommendation) can cause a purchase months later yet is rarely the last touch before it, while a
 * {@link #STEADY} channel touches all the way to the purchase and collects last touches whether it helps or not.
 * Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum TouchTiming {
  /**
   * Touches fall in the first {@value #EARLY_DAYS} days after the customer's arrival: one touch, plus a
   * Poisson number with mean twice the channel's monthly touch rate, at uniform times in that span.
   */
  EARLY,
  /**
   * Touches form a Poisson process at the channel's monthly rate from the customer's arrival to the end of
   * the world (or the customer's churn).
   */
  STEADY,
  /**
   * Touches fall from {@value #EARLY_DAYS} to {@value #LATE_DAYS} days after the customer's arrival: one touch,
   * plus a Poisson number with mean twice the channel's monthly touch rate, at uniform times in that span. A
   * channel that closes (a sales call, a demo, an offer to people already considering): after the early
   * channels, near the purchases it causes, so it collects last touches because it works.
   */
  LATE;

  /** The span, in days after arrival, in which an {@link #EARLY} channel touches. */
  public static final int EARLY_DAYS = 60;
  /** The end, in days after arrival, of the span in which a {@link #LATE} channel touches. */
  public static final int LATE_DAYS = 150;
}
