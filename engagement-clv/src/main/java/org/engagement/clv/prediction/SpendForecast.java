package org.engagement.clv.prediction;

import static java.util.Objects.requireNonNull;

import org.engagement.clv.model.GammaGammaModel;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The expected amount of each future purchase of a customer, from their repeat purchases {@code x} and
 * the mean amount {@code zbar} of those: the monetary half of customer lifetime value.
 *
 * <p>The usual choice is the Gamma-Gamma model ({@link #gammaGamma}), which shrinks a customer's observed
 * mean towards the population mean the fewer purchases it rests on; {@link #observedMean()} and {@link
 * #constant(double)} are the naive alternatives, and a host may supply its own (a margin model, a
 * per-segment average). Spend is assumed independent of the purchase process, as in Gamma-Gamma, so
 * lifetime value is spend per purchase times discounted purchases.
 *
 * <p>Implementations must return a finite, non-negative amount and should be thread-safe and free of side
 * effects; the ones here are.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SpendForecast {

  /**
   * The expected amount per future purchase of a customer with {@code frequency} repeat purchases of
   * mean amount {@code meanSpend}.
   */
  double perPurchase(int frequency, double meanSpend);

  /**
   * Gamma-Gamma's {@code E(Z | x, zbar)} ({@link GammaGammaModel#conditionalExpectedSpend}); the
   * population mean for a customer without repeat purchases.
   */
  static SpendForecast gammaGamma(GammaGammaModel model) {
    requireNonNull(model, "model");
    return model::conditionalExpectedSpend;
  }

  /** The customer's own mean repeat spend {@code zbar}, so 0 for a customer without repeat purchases. */
  static SpendForecast observedMean() {
    return (frequency, meanSpend) -> meanSpend;
  }

  /**
   * The same {@code amount} for everyone (a known average order value or margin per order).
   *
   * @throws InvalidFieldException if {@code amount} is negative or not finite
   */
  static SpendForecast constant(double amount) {
    if (!(amount >= 0 && amount < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("amount", amount, "must be finite and not negative");
    }
    return (frequency, meanSpend) -> amount;
  }

  /**
   * This forecast times {@code factor}: a gross margin of 30 % turns revenue per purchase into profit per
   * purchase with {@code scaled(0.3)}.
   *
   * @throws InvalidFieldException if {@code factor} is negative or not finite
   */
  default SpendForecast scaled(double factor) {
    if (!(factor >= 0 && factor < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("factor", factor, "must be finite and not negative");
    }
    return (frequency, meanSpend) -> factor * perPurchase(frequency, meanSpend);
  }

  /** The forecast for every customer of {@code customers}, in order. */
  default double[] perPurchase(CustomerColumns customers) {
    requireNonNull(customers, "customers");
    double[] out = new double[customers.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = perPurchase(customers.frequency(i), customers.meanSpend(i));
    }
    return out;
  }
}
