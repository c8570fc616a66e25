package org.engagement.clv.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.junit.jupiter.api.Test;

class PredictionsTest {
  /** FHL 2005's BG/NBD parameters for CDNOW, in weeks. */
  private static final BgNbdModel PUBLISHED = new BgNbdModel(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEK);

  /**
   * lifetimes tests / the shared CDNOW README: with the fitted parameters (to 3 decimals) E[X(t)] for t = 1, 3, 32, 78 weeks
   * is 0.0532, 0.1506, 1.0437, 1.8576; with the published ones customer 1 (x = 2, t_x = 30.43, T = 38.86) has E[Y(39)] = 1.226 and P(alive) = 0.727.
   * The same 39 weeks given as 273 days give the same numbers: the horizon carries its unit.
   */
  @Test
  void typedHorizonsGiveThePublishedForecasts() {
    Predictions fitted = Predictions.of(Cdnow.bgNbd());
    assertThat(fitted.expectedPurchases(Horizon.weeks(1))).isCloseTo(0.0532, within(5e-4));
    assertThat(fitted.expectedPurchases(Horizon.weeks(3))).isCloseTo(0.1506, within(5e-4));
    assertThat(fitted.expectedPurchases(Horizon.days(32 * 7))).isCloseTo(1.0437, within(5e-4));
    assertThat(fitted.expectedPurchases(Horizon.weeks(78))).isCloseTo(1.8576, within(5e-4));
    Predictions predictions = Predictions.of(PUBLISHED);
    assertThat(predictions.unit()).isEqualTo(PeriodUnit.WEEK);
    assertThat(predictions.conditionalExpectedPurchases(2, 30.43, 38.86, Horizon.weeks(39)))
        .isCloseTo(1.226, within(1e-3));
    assertThat(predictions.conditionalExpectedPurchases(2, 30.43, 38.86, Horizon.days(273)))
        .isCloseTo(1.226, within(1e-3));
    assertThat(predictions.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.727, within(1e-3));
  }

  /** Twelve months are 52.18 weeks, not 12: more purchases than in 52 weeks, fewer than in 53. */
  @Test
  void monthsAreNeverReadAsWeeks() {
    Predictions predictions = Predictions.of(PUBLISHED);
    double year = predictions.expectedPurchases(Horizon.months(12));
    assertThat(year).isGreaterThan(PUBLISHED.expectedPurchases(52)).isLessThan(PUBLISHED.expectedPurchases(53));
    assertThat(year).isCloseTo(PUBLISHED.expectedPurchases(365.25 / 7), within(1e-12));
  }

  @Test
  void bulkPredictionsEqualPerCustomerOnesAndConvertUnits() {
    List<RepeatBuyingSummary> customers = Cdnow.summaries().subList(0, 100);
    Predictions predictions = Predictions.of(PUBLISHED);
    CustomerColumns weeks = CustomerColumns.from(customers, PeriodUnit.WEEK);
    double[] expected = predictions.conditionalExpectedPurchases(weeks, Horizon.weeks(39));
    double[] alive = predictions.probabilityAlive(weeks);
    double[] aliveFromDays = predictions.probabilityAlive(weeks.in(PeriodUnit.DAY));
    for (int i = 0; i < customers.size(); i++) {
      RepeatBuyingSummary c = customers.get(i);
      assertThat(expected[i]).isEqualTo(PUBLISHED.conditionalExpectedPurchases(c, 39));
      assertThat(alive[i]).isEqualTo(PUBLISHED.probabilityAlive(c));
      assertThat(aliveFromDays[i]).isCloseTo(alive[i], within(1e-12));
    }
    assertThat(weeks.in(PeriodUnit.DAY).age(0)).isCloseTo(38.86 * 7, within(1e-9));
    assertThat(weeks.in(PeriodUnit.WEEK)).isSameAs(weeks);
    double[] part = new double[customers.size()];
    predictions.conditionalExpectedPurchases(weeks, Horizon.weeks(39), 5, 7, part);
    assertThat(part[4]).isZero();
    assertThat(part[5]).isEqualTo(expected[5]);
    assertThat(part[6]).isEqualTo(expected[6]);
    assertThat(part[7]).isZero();
  }
}
