package org.engagement.clv.prediction;

import java.util.Map;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.PeriodUnit;

/**
 * A hand-checkable model: every customer buys at {@code rate} a week forever (Poisson, never drops out),
 * so {@code E[Y(t)] = rate t} whatever the history.
 */
record PoissonModel(double rate) implements RepeatBuyingModel {

  @Override
  public PeriodUnit unit() {
    return PeriodUnit.WEEK;
  }

  @Override
  public Map<String, Double> parameters() {
    return Map.of("lambda", rate);
  }

  @Override
  public double expectedPurchases(double t) {
    return rate * t;
  }

  @Override
  public double probabilityOfPurchases(int n, double t) {
    double mean = rate * t;
    double log = n * Math.log(mean) - mean;
    for (int k = 2; k <= n; k++) {
      log -= Math.log(k);
    }
    return Math.exp(log);
  }

  @Override
  public double conditionalExpectedPurchases(int frequency, double recency, double age, double t) {
    return rate * t;
  }

  @Override
  public double probabilityAlive(int frequency, double recency, double age) {
    return 1;
  }
}
