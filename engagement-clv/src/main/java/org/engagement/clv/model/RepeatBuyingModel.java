package org.engagement.clv.model;

import java.util.Map;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;

/**
 * A fitted "buy 'til you die" transaction model: purchases follow a counting process while the customer
 * is alive, and the customer drops out at an unobserved time. Implementations are the BG/NBD, MBG/NBD
 * and Pareto/NBD models here; the discrete-time BG/BB ({@link BgBbModel}) has its own whole-opportunity
 * API.
 *
 * <p>A customer's history is {@code (frequency, recency, age) = (x, t_x, T)} as defined in {@link
 * RepeatBuyingSummary}: repeat purchases, time of the last repeat purchase and time since the first
 * purchase, all measured from the first purchase. Every time and horizon ({@code t_x}, {@code T}, {@code
 * t}) is in {@link #unit()}, the unit of the summaries the model was fitted on.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public interface RepeatBuyingModel {

  /** The time unit of every time argument: that of the summaries the model was fitted on. */
  PeriodUnit unit();

  /** The parameter values by name, in the order of the paper (e.g. {@code r, alpha, a, b}). */
  Map<String, Double> parameters();

  /**
   * {@code E[X(t)]}: the expected number of repeat purchases a new customer (just made the first
   * purchase) makes in the next {@code t} units. Non-decreasing in {@code t}, 0 at {@code t = 0}.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if {@code t} is negative or not finite
   */
  double expectedPurchases(double t);

  /**
   * {@code P(X(t) = n)}: the probability that a new customer makes exactly {@code n} repeat purchases in
   * the next {@code t} units.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if {@code n} or {@code t} is negative or
   *     {@code t} is not finite
   */
  double probabilityOfPurchases(int n, double t);

  /**
   * {@code E[Y(t) | x, t_x, T]}: the expected number of purchases in {@code (T, T + t]} of a customer
   * with the given history: the model's forecast for an existing customer.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if the history is impossible ({@code x < 0},
   *     {@code t_x} outside {@code [0, T]}) or {@code t} is negative or not finite
   */
  double conditionalExpectedPurchases(int frequency, double recency, double age, double t);

  /**
   * {@code E[Y(t) | x, t_x, T]} at every horizon {@code horizons[i]}, into {@code out[i]}: what a lifetime
   * value needs at each step of its horizon. The default calls {@link #conditionalExpectedPurchases(int,
   * double, double, double)} per horizon; a model may share work across the horizons of one history.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if the history or a horizon is invalid, or
   *     {@code out} is shorter than {@code horizons}
   */
  default void conditionalExpectedPurchases(int frequency, double recency, double age, double[] horizons,
      double[] out) {
    Histories.checkOutput(horizons, out);
    for (int i = 0; i < horizons.length; i++) {
      out[i] = conditionalExpectedPurchases(frequency, recency, age, horizons[i]);
    }
  }

  /**
   * {@code P(alive | x, t_x, T)}: the probability that a customer with this history has not dropped out
   * by {@code T}.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if the history is impossible
   */
  double probabilityAlive(int frequency, double recency, double age);

  /**
   * {@link #conditionalExpectedPurchases(int, double, double, double)} for a summary; the summary must
   * be in {@link #unit()} and use the model convention (first purchase excluded).
   */
  default double conditionalExpectedPurchases(RepeatBuyingSummary summary, double t) {
    return conditionalExpectedPurchases(summary.frequency(), summary.recency(), summary.age(), t);
  }

  /** {@link #probabilityAlive(int, double, double)} for a summary in {@link #unit()}. */
  default double probabilityAlive(RepeatBuyingSummary summary) {
    return probabilityAlive(summary.frequency(), summary.recency(), summary.age());
  }
}
