package org.engagement.clv.model;

/**
 * A repeat-buying model whose forecast for an existing customer is the chance the customer is still alive times
 * the forecast for a customer known to be alive, the second depending on the history only through {@code x} and
 * {@code T}:
 *
 * <pre>
 *   E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) * E[Y(t) | alive at T, x, T]
 * </pre>
 *
 * <p>The recency {@code t_x} only tells whether the customer may have dropped out; given that they are alive at
 * {@code T}, the purchase rate's posterior depends on the {@code x} purchases made in {@code T} (a Poisson
 * likelihood) and the drop-out's on the purchases survived. The BG/NBD, MBG/NBD and Pareto/NBD models are of this
 * kind, and their {@link #conditionalExpectedPurchases(int, double, double, double)} is computed as this product.
 *
 * <p>Why the factoring is visible: a lifetime value needs the forecast at every step of a horizon (156 weekly steps
 * over three years) for every distinct history, and the alive forecast is the expensive factor (a hypergeometric
 * series per step for BG/NBD). A valuation that knows the factoring computes it once per distinct {@code (x, T)}
 * and {@code P(alive)} per history: the buyers of a simulated world of 10 million interactions have 112,490
 * distinct histories but 10,337 distinct {@code (x, T)}.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public interface AliveFactoredModel extends RepeatBuyingModel {

  /**
   * {@code E[Y(t) | alive at T, x, T]}: the expected purchases in {@code (T, T + t]} of a customer who made
   * {@code x} repeat purchases in the {@code T} units since the first and is known to be alive at {@code T}.
   * Non-decreasing in {@code t}, 0 at {@code t = 0}.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if {@code x} is negative, {@code T} negative or not
   *     finite, or {@code t} negative or not finite
   */
  double expectedPurchasesIfAlive(int frequency, double age, double t);

  /**
   * {@link #expectedPurchasesIfAlive} times {@link #probabilityAlive}: the factoring this interface names, so
   * the models state each factor once.
   */
  @Override
  default double conditionalExpectedPurchases(int frequency, double recency, double age, double t) {
    Histories.check(frequency, recency, age);
    double ifAlive = expectedPurchasesIfAlive(frequency, age, t);
    return ifAlive == 0 ? 0 : ifAlive * probabilityAlive(frequency, recency, age);
  }

  /**
   * The scale {@code sigma(x, T) > 0}, in {@link #unit()}, of the alive forecast's dependence on the horizon: the
   * forecast is an analytic function of {@code t} away from {@code (-infinity, -sigma]}, so a smooth function of
   * {@code ln(1 + t / sigma)} (analytic in the strip {@code |Im| < pi}), which is what a valuation may interpolate
   * in. {@code alpha + T} for the BG/NBD models (the hypergeometric argument is {@code t / (sigma + t)}), {@code
   * beta + T} for Pareto/NBD.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if {@code x} is negative or {@code T} negative or not
   *     finite
   */
  double horizonScale(int frequency, double age);
}
