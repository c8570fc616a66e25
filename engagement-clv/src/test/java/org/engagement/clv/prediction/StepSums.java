package org.engagement.clv.prediction;

import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.PeriodUnit;

/**
 * The discounted purchases of {@link CustomerLifetimeValue} computed as its class comment defines them, one
 * conditional expectation per step: {@code sum_i [E(t_i) - E(t_{i-1})] (1 + d)^-i}. The reference the valuation's
 * shortcuts (the alive factor computed per {@code (x, T)}, the interpolated steps) are checked against.
 */
final class StepSums {
  private StepSums() {}

  static double discountedPurchases(RepeatBuyingModel model, Horizon horizon, DiscountRate rate, PeriodUnit step,
      int frequency, double recency, double age) {
    PeriodUnit unit = model.unit();
    double h = horizon.in(unit);
    double length = step.convert(1, unit);
    int n = (int) Math.ceil(h / length * (1 - 1e-12));
    double total = 0;
    double previous = 0;
    for (int i = 1; i <= n; i++) {
      double cumulative = model.conditionalExpectedPurchases(frequency, recency, age, Math.min(i * length, h));
      total += (cumulative - previous) * rate.factor(i * length, unit);
      previous = cumulative;
    }
    return total;
  }
}
