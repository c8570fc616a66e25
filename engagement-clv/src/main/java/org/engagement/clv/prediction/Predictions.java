package org.engagement.clv.prediction;

import static java.util.Objects.requireNonNull;

import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The purchase forecasts of a fitted {@link RepeatBuyingModel} with typed horizons, per customer and in
 * bulk: {@code E[X(t)]} for a new customer, {@code E[Y(t) | x, t_x, T]} for an existing one and {@code
 * P(alive)}.
 *
 * <p>Horizons are {@link Horizon}s converted to the model's unit; bulk histories are {@link
 * CustomerColumns} converted to it too. Only the per-customer methods that take bare {@code recency} and
 * {@code age} read them in {@link #unit()}, as the model does. Bulk methods write one {@code double} per
 * customer and allocate nothing else; they run on the caller's thread, and the range variants let a host
 * split a large population across its own threads.
 *
 * <p>Works for any {@link RepeatBuyingModel} (BG/NBD, MBG/NBD, and Pareto/NBD once it implements the
 * interface). Immutable and thread-safe, as the models are.
 *
 * @since 0.1.0
 */
public final class Predictions {
  private final RepeatBuyingModel model;

  private Predictions(RepeatBuyingModel model) {
    this.model = model;
  }

  /** The forecasts of {@code model}. */
  public static Predictions of(RepeatBuyingModel model) {
    return new Predictions(requireNonNull(model, "model"));
  }

  /** The model. */
  public RepeatBuyingModel model() {
    return model;
  }

  /** The model's time unit, the unit of bare {@code recency} and {@code age} arguments. */
  public PeriodUnit unit() {
    return model.unit();
  }

  /** {@code E[X(t)]}: the purchases a customer who has just made the first one makes within {@code horizon}. */
  public double expectedPurchases(Horizon horizon) {
    return model.expectedPurchases(requireNonNull(horizon, "horizon").in(unit()));
  }

  /**
   * {@code E[Y(t) | x, t_x, T]}: the purchases a customer with this history (times in {@link #unit()})
   * makes within {@code horizon} after {@code age}.
   */
  public double conditionalExpectedPurchases(int frequency, double recency, double age, Horizon horizon) {
    return model.conditionalExpectedPurchases(frequency, recency, age, requireNonNull(horizon, "horizon").in(unit()));
  }

  /** {@code P(alive | x, t_x, T)}, times in {@link #unit()}. */
  public double probabilityAlive(int frequency, double recency, double age) {
    return model.probabilityAlive(frequency, recency, age);
  }

  /** {@link #conditionalExpectedPurchases(int, double, double, Horizon)} of every customer, in order. */
  public double[] conditionalExpectedPurchases(CustomerColumns customers, Horizon horizon) {
    double[] out = new double[requireNonNull(customers, "customers").size()];
    conditionalExpectedPurchases(customers, horizon, 0, out.length, out);
    return out;
  }

  /**
   * Writes the conditional expectation of customers {@code from} (inclusive) to {@code to} (exclusive)
   * into {@code out[from..to)}.
   *
   * @throws InvalidFieldException if the range is not within the customers or {@code out}
   */
  public void conditionalExpectedPurchases(CustomerColumns customers, Horizon horizon, int from, int to,
      double[] out) {
    CustomerColumns c = inModelUnit(customers, from, to, out);
    double t = requireNonNull(horizon, "horizon").in(unit());
    for (int i = from; i < to; i++) {
      out[i] = model.conditionalExpectedPurchases(c.frequency(i), c.recency(i), c.age(i), t);
    }
  }

  /** {@link #probabilityAlive(int, double, double)} of every customer, in order. */
  public double[] probabilityAlive(CustomerColumns customers) {
    double[] out = new double[requireNonNull(customers, "customers").size()];
    probabilityAlive(customers, 0, out.length, out);
    return out;
  }

  /**
   * Writes {@code P(alive)} of customers {@code from} (inclusive) to {@code to} (exclusive) into {@code
   * out[from..to)}.
   *
   * @throws InvalidFieldException if the range is not within the customers or {@code out}
   */
  public void probabilityAlive(CustomerColumns customers, int from, int to, double[] out) {
    CustomerColumns c = inModelUnit(customers, from, to, out);
    for (int i = from; i < to; i++) {
      out[i] = model.probabilityAlive(c.frequency(i), c.recency(i), c.age(i));
    }
  }

  private CustomerColumns inModelUnit(CustomerColumns customers, int from, int to, double[] out) {
    requireNonNull(customers, "customers");
    requireNonNull(out, "out");
    checkRange(from, to, customers.size(), out.length);
    return customers.in(unit());
  }

  static void checkRange(int from, int to, int customers, int out) {
    if (from < 0 || from > to || to > customers) {
      throw new InvalidFieldException("range", "[" + from + ", " + to + ")",
          "must lie within the " + customers + " customers");
    }
    if (to > out) {
      throw new InvalidFieldException("out.length", out, "must be at least " + to);
    }
  }
}
