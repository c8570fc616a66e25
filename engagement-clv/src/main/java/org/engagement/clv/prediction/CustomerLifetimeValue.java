package org.engagement.clv.prediction;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.DoubleSupplier;
import org.engagement.clv.model.AliveFactoredModel;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Customer lifetime value over an explicit horizon at an explicit discount rate: the present value of a
 * customer's expected future spend, from any {@link RepeatBuyingModel} and a {@link SpendForecast}.
 *
 * <p><b>Formula</b> (discrete, as lifetimes and PyMC-Marketing compute it). The horizon {@code H} is
 * converted to the model's unit and cut into steps of length {@code s} (one model unit unless {@link
 * #withStep(PeriodUnit)} says otherwise); step {@code i = 1..n}, {@code n = ceil(H / s)}, covers {@code
 * (t_{i-1}, t_i]} with {@code t_i = min(i s, H)}. Then
 *
 * <pre>
 *   DET(x, t_x, T) = sum_{i=1..n} [E[Y(t_i) | x, t_x, T] - E[Y(t_{i-1}) | x, t_x, T]] * exp(-delta i s)
 *   CLV            = spend(x, zbar) * DET(x, t_x, T)
 * </pre>
 *
 * where {@code E[Y(t) | ...]} is the model's conditional expectation of purchases in {@code (T, T + t]},
 * {@code delta} the {@link DiscountRate#continuousRate force of interest} per model unit, so {@code
 * exp(-delta i s) = (1 + d)^-i} with {@code d} the effective rate per step, and {@code spend} the expected
 * amount per purchase. Purchases of a step are discounted as if made at the step's end, a little
 * conservatively; the last, partial step (when {@code H} is not a whole number of steps) is discounted at
 * its full end {@code n s}, which keeps the value non-decreasing in the horizon. Spend is independent of
 * the purchase process (the Gamma-Gamma assumption), hence the product.
 *
 * <p><b>Relation to DERT.</b> The continuous "discounted expected residual transactions" of Fader, Hardie
 * and Lee (2005, JMR) and of BTYD / CLVTools is {@code DERT = integral_0^infinity exp(-delta t) dE[Y(t)]}.
 * {@code DET} above is a right-endpoint Riemann-Stieltjes sum of the same integral cut at {@code H}: it
 * tends to DERT from below as {@code s -> 0} and {@code H -> infinity}; with weekly steps and 15 % a year
 * the step costs under 0.3 % (one week's discount), and a horizon of a few decades stands for infinity.
 *
 * <p><b>Cost.</b> One conditional expectation per step per distinct history, so a weekly model over a
 * year is 53 evaluations; the bulk methods compute each distinct {@code (x, t_x, T)} once (summaries made
 * from calendar days repeat a lot). For an {@link AliveFactoredModel} (BG/NBD, MBG/NBD, Pareto/NBD), whose
 * conditional expectation is {@code P(alive | x, t_x, T)} times an alive factor of {@code (x, T)} alone, {@code DET
 * = P(alive) * sum_i [E_alive(t_i) - E_alive(t_{i-1})] exp(-delta i s)}: the steps are evaluated once per distinct
 * {@code (x, T)} (a tenth of the distinct histories of a large simulated world) and {@code P(alive)} per
 * customer. Over more than 17 steps the alive factor's step sum is not computed step by step but from the factor at
 * 16 Chebyshev points in {@code ln(1 + t / sigma)} (32 or 64 where needed), checked to stay within about {@code
 * 1e-12} of the sum of every step, which it falls back to otherwise: three years in weekly steps cost 16
 * evaluations per {@code (x, T)} instead of 157. The figures equal the step sum of the conditional expectations
 * to within {@code 1e-9} (tested; measured under {@code 1e-11}): see {@code InterpolatedSteps}. Choose a coarser
 * step (months) for very large populations or long horizons; the conditional expectation also gets dearer as the
 * horizon grows, since its series needs about {@code 40 / (1 - z)} terms for {@code z = t / (alpha + T + t)}. At
 * most {@value #MAX_STEPS} steps.
 *
 * <p>A valuation asked about the same customers many times (a report's sections each value the buyers) can
 * {@linkplain #remembering() remember} each history's {@code DET}: the first computation of a history is kept and
 * returned to every later request, so each history costs its {@code n} evaluations once.
 *
 * <p>Immutable and thread-safe if the spend forecast is (the built-in ones are); a remembering valuation's memory
 * only ever holds figures it would compute again bit for bit.
 *
 * @since 0.1.0
 */
public final class CustomerLifetimeValue {
  /** The most steps a horizon may be cut into. */
  public static final int MAX_STEPS = 100_000;

  private final RepeatBuyingModel model;
  private final SpendForecast spend;
  private final Horizon horizon;
  private final DiscountRate rate;
  private final PeriodUnit step;
  private final double[] knots;
  private final double[] factors;
  private final @Nullable ConcurrentMap<History, Double> remembered;
  private final @Nullable InterpolatedSteps interpolated;

  private CustomerLifetimeValue(RepeatBuyingModel model, SpendForecast spend, Horizon horizon, DiscountRate rate,
      PeriodUnit step, boolean remembering) {
    this.remembered = remembering ? new ConcurrentHashMap<>() : null;
    this.model = model;
    this.spend = spend;
    this.horizon = horizon;
    this.rate = rate;
    this.step = step;
    PeriodUnit unit = model.unit();
    double h = horizon.in(unit);
    double length = step.convert(1, unit);
    double steps = Math.ceil(h / length * (1 - 1e-12));
    if (steps > MAX_STEPS) {
      throw new InvalidFieldException("horizon", horizon,
          "must be at most " + MAX_STEPS + " steps of one " + step + "; choose a longer step");
    }
    int n = (int) steps;
    knots = new double[n + 1];
    factors = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      knots[i] = Math.min(i * length, h);
      factors[i] = rate.factor(i * length, unit);
    }
    interpolated = InterpolatedSteps.orNull(knots, factors);
  }

  /**
   * The value of purchases predicted by {@code model}, each worth {@code spend}, over {@code horizon},
   * discounted at {@code rate}, in steps of one model unit.
   *
   * @throws InvalidFieldException if the horizon is more than {@value #MAX_STEPS} model units
   */
  public static CustomerLifetimeValue of(RepeatBuyingModel model, SpendForecast spend, Horizon horizon,
      DiscountRate rate) {
    requireNonNull(model, "model");
    return new CustomerLifetimeValue(model, requireNonNull(spend, "spend"), requireNonNull(horizon, "horizon"),
        requireNonNull(rate, "rate"), model.unit(), false);
  }

  /**
   * The same value computed in steps of one {@code unit} (the lifetimes loop uses months): fewer model
   * evaluations for a long horizon, at the cost of discounting each step's purchases at its end.
   *
   * @throws InvalidFieldException if the horizon is more than {@value #MAX_STEPS} steps
   */
  public CustomerLifetimeValue withStep(PeriodUnit unit) {
    return new CustomerLifetimeValue(model, spend, horizon, rate, requireNonNull(unit, "unit"), remembered != null);
  }

  /**
   * The same valuation, remembering the {@linkplain #discountedPurchases(int, double, double) discounted
   * purchases} of every distinct history {@code (x, t_x, T)} it computes (histories equal as by {@link
   * Double#compare}), so that asking again for a history, whoever asks, costs a look-up: the figures are bit for
   * bit those of this valuation. For a population valued several times, as a report's sections value the same
   * buyers; the memory grows with the distinct histories asked about (about a hundred bytes each) and lives as
   * long as the valuation.
   */
  public CustomerLifetimeValue remembering() {
    return new CustomerLifetimeValue(model, spend, horizon, rate, step, true);
  }

  /** Whether this valuation {@linkplain #remembering() remembers} the histories it computes. */
  public boolean remembers() {
    return remembered != null;
  }

  /** The transaction model. */
  public RepeatBuyingModel model() {
    return model;
  }

  /** The spend forecast. */
  public SpendForecast spend() {
    return spend;
  }

  /** The horizon. */
  public Horizon horizon() {
    return horizon;
  }

  /** The discount rate. */
  public DiscountRate rate() {
    return rate;
  }

  /** The step length. */
  public PeriodUnit step() {
    return step;
  }

  /** The number of steps the horizon is cut into: model evaluations per customer. */
  public int steps() {
    return knots.length - 1;
  }

  /**
   * {@code DET}: the discounted expected number of purchases within the horizon of a customer with this
   * history (times in the model's unit); lifetime value per unit of spend.
   */
  public double discountedPurchases(int frequency, double recency, double age) {
    if (model instanceof AliveFactoredModel) {
      return model.probabilityAlive(frequency, recency, age) * discountedPurchasesIfAlive(frequency, age);
    }
    return remembered(frequency, recency, age, () -> computeDiscountedPurchases(frequency, recency, age));
  }

  /**
   * What {@code compute} gives for the key {@code (frequency, recency, age)}: remembered if this valuation
   * remembers, computed each time if not.
   */
  private double remembered(int frequency, double recency, double age, DoubleSupplier compute) {
    if (remembered == null) {
      return compute.getAsDouble();
    }
    History history = new History(frequency, recency, age);
    Double known = remembered.get(history);
    if (known != null) {
      return known;
    }
    double computed = compute.getAsDouble();
    Double first = remembered.putIfAbsent(history, computed);
    return first == null ? computed : first;
  }

  private double computeDiscountedPurchases(int frequency, double recency, double age) {
    double[] cumulative = new double[knots.length];
    model.conditionalExpectedPurchases(frequency, recency, age, knots, cumulative);
    return discountedSum(cumulative);
  }

  /** The discounted purchases of a customer known to be alive at {@code age}: the factor of every recency. */
  private double aliveDiscountedPurchases(AliveFactoredModel factored, int frequency, double age) {
    if (interpolated != null) {
      double sum = interpolated.sum(factored.horizonScale(frequency, age),
          t -> factored.expectedPurchasesIfAlive(frequency, age, t));
      if (!Double.isNaN(sum)) {
        return sum;
      }
    }
    double[] cumulative = new double[knots.length];
    for (int i = 1; i < knots.length; i++) {
      cumulative[i] = factored.expectedPurchasesIfAlive(frequency, age, knots[i]);
    }
    return discountedSum(cumulative);
  }

  /** {@code sum_i (cumulative[i] - cumulative[i - 1]) * factors[i]}, {@code cumulative[0]} taken as 0. */
  private double discountedSum(double[] cumulative) {
    double total = 0;
    double previous = 0;
    for (int i = 1; i < knots.length; i++) {
      total += (cumulative[i] - previous) * factors[i];
      previous = cumulative[i];
    }
    return total;
  }

  /**
   * The lifetime value of a customer with this history (times in the model's unit) and mean repeat spend
   * {@code meanSpend}: {@code spend(x, zbar) * DET}.
   *
   * @throws InvalidFieldException if the history is impossible or the spend forecast returns a negative or
   *     non-finite amount
   */
  public double value(int frequency, double recency, double age, double meanSpend) {
    return checkedSpend(frequency, meanSpend) * discountedPurchases(frequency, recency, age);
  }

  /** {@link #value(int, double, double, double)} of a summary whose times are in the model's unit. */
  public double value(RepeatBuyingSummary summary) {
    requireNonNull(summary, "summary");
    return value(summary.frequency(), summary.recency(), summary.age(), summary.meanSpend());
  }

  /** The lifetime value of every customer, in order. */
  public double[] values(CustomerColumns customers) {
    double[] out = new double[requireNonNull(customers, "customers").size()];
    values(customers, 0, out.length, out);
    return out;
  }

  /**
   * Writes the lifetime value of customers {@code from} (inclusive) to {@code to} (exclusive) into {@code
   * out[from..to)}. Customers with the same {@code (x, t_x, T)} share one {@code DET} computation. Columns
   * in another unit are converted first (a copy): pass them in the model's unit to avoid it when splitting a
   * population into many ranges.
   *
   * @throws InvalidFieldException if the range is not within the customers or {@code out}, or the spend
   *     forecast returns a negative or non-finite amount
   */
  public void values(CustomerColumns customers, int from, int to, double[] out) {
    requireNonNull(customers, "customers");
    requireNonNull(out, "out");
    Predictions.checkRange(from, to, customers.size(), out.length);
    CustomerColumns c = customers.in(model.unit());
    distinctDiscountedPurchases(c, from, to, out);
    for (int i = from; i < to; i++) {
      out[i] = checkedSpend(c.frequency(i), c.meanSpend(i)) * out[i];
    }
  }

  /** {@link #discountedPurchases} of every customer, in order; customers with the same history share it. */
  public double[] discountedPurchases(CustomerColumns customers) {
    CustomerColumns c = requireNonNull(customers, "customers").in(model.unit());
    double[] out = new double[c.size()];
    distinctDiscountedPurchases(c, 0, out.length, out);
    return out;
  }

  /**
   * Writes DET of customers {@code from..to} into {@code out}, computing it once per distinct history, or, for an
   * {@link AliveFactoredModel}, the alive factor once per distinct {@code (x, T)} and {@code P(alive)} per customer.
   */
  private void distinctDiscountedPurchases(CustomerColumns c, int from, int to, double[] out) {
    boolean factored = model instanceof AliveFactoredModel;
    DistinctHistories distinct = c.distinct(from, to, !factored);
    double[] det = new double[distinct.size()];
    for (int g = 0; g < det.length; g++) {
      int k = distinct.customerOf(g);
      det[g] = factored ? discountedPurchasesIfAlive(c.frequency(k), c.age(k))
          : discountedPurchases(c.frequency(k), c.recency(k), c.age(k));
    }
    for (int i = from; i < to; i++) {
      double shared = det[distinct.groupOf(i)];
      out[i] = factored ? model.probabilityAlive(c.frequency(i), c.recency(i), c.age(i)) * shared : shared;
    }
  }

  /** The alive factor of {@link #discountedPurchases} for an {@link AliveFactoredModel}, remembered if asked. */
  private double discountedPurchasesIfAlive(int frequency, double age) {
    AliveFactoredModel factored = (AliveFactoredModel) model;
    return remembered(frequency, 0, age, () -> aliveDiscountedPurchases(factored, frequency, age));
  }

  private double checkedSpend(int frequency, double meanSpend) {
    double amount = spend.perPurchase(frequency, meanSpend);
    if (!(amount >= 0 && amount < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("spend", amount,
          "must be finite and not negative (forecast for x = " + frequency + ", zbar = " + meanSpend + ")");
    }
    return amount;
  }

  /** A history, the key of the remembered figures ({@code recency} 0 for an alive factor). */
  private record History(int frequency, double recency, double age) {}

  @Override
  public String toString() {
    return "CustomerLifetimeValue[horizon=" + horizon + ", rate=" + rate + ", step=" + step + ", steps="
        + steps() + ", model=" + model.getClass().getSimpleName() + model.parameters() + "]";
  }
}
