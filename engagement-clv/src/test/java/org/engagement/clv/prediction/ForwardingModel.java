package org.engagement.clv.prediction;

import java.util.Map;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.PeriodUnit;

/**
 * A repeat-buying model that answers with another's figures: the tests wrap a model to count one of its paths or
 * to hide its alive factoring, and forward everything else through this.
 */
interface ForwardingModel extends RepeatBuyingModel {

  /** The model answered with. */
  RepeatBuyingModel model();

  @Override
  default PeriodUnit unit() {
    return model().unit();
  }

  @Override
  default Map<String, Double> parameters() {
    return model().parameters();
  }

  @Override
  default double expectedPurchases(double t) {
    return model().expectedPurchases(t);
  }

  @Override
  default double probabilityOfPurchases(int n, double t) {
    return model().probabilityOfPurchases(n, t);
  }

  @Override
  default double conditionalExpectedPurchases(int frequency, double recency, double age, double t) {
    return model().conditionalExpectedPurchases(frequency, recency, age, t);
  }

  @Override
  default double probabilityAlive(int frequency, double recency, double age) {
    return model().probabilityAlive(frequency, recency, age);
  }
}
