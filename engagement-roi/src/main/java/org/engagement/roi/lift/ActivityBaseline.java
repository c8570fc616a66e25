package org.engagement.roi.lift;

import org.engagement.clv.summary.RepeatBuyingSummary;

/**
 * What a customer would have done in the post-period had nothing changed: the expected number of
 * purchases (or interactions) in a window of {@code postLength} after the pre-period, given the customer's
 * pre-period summary.
 *
 * <p>The natural implementation is a repeat-buying model (BG/NBD, Pareto/NBD) fitted on the pre-period,
 * whose conditional expectation {@code E[X(t) | x, t_x, T]} is the baseline: a customer who bought often
 * and recently is expected to keep buying, one who went quiet is not. Any function will do, though, which
 * keeps {@link ModelBasedLift} independent of the model classes: a constant rate, a per-segment average,
 * a host's own forecast.
 *
 * <p>Implementations should be free of side effects. {@link ModelBasedLift} calls one on the caller's
 * thread, once per customer, in customer order; an implementation needs to be thread-safe only if the
 * host shares it between threads.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ActivityBaseline {

  /**
   * The expected post-period count for one customer.
   *
   * @param preperiod the customer's pre-period (calibration) summary; its {@code holdoutFrequency}, the
   *     actual post-period count, must not be used
   * @param postLength the length of the post-period, in the summary's time unit, positive
   * @return the expected count, finite and not negative
   */
  double expectedCount(RepeatBuyingSummary preperiod, double postLength);
}
