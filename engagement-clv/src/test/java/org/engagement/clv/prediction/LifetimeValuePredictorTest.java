package org.engagement.clv.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.value.tier.ValueTier;
import org.engagement.core.value.tier.ValueTiers;
import org.junit.jupiter.api.Test;

class LifetimeValuePredictorTest {
  /** FHL 2005's CDNOW parameters: BG/NBD in weeks and Gamma-Gamma (p 6.25, q 3.74, gamma 15.44). */
  private static final CustomerLifetimeValue ONE_YEAR = CustomerLifetimeValue.of(
      new BgNbdModel(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEK),
      SpendForecast.gammaGamma(new GammaGammaModel(6.25, 3.74, 15.44)), Horizon.years(1), DiscountRate.annual(0.15));
  private static final LifetimeValuePredictor PREDICTOR = LifetimeValuePredictor.of(ONE_YEAR);

  private static CustomerProfile profile(String id, double value, Double x, Double spanDays, Double ageDays,
      Double meanSpend) {
    Map<String, Double> metrics = new HashMap<>();
    metrics.put(MetricNames.VALUE, value);
    put(metrics, LifetimeValuePredictor.REPEAT_PURCHASES, x);
    put(metrics, LifetimeValuePredictor.PURCHASE_SPAN_DAYS, spanDays);
    put(metrics, LifetimeValuePredictor.CUSTOMER_AGE_DAYS, ageDays);
    put(metrics, LifetimeValuePredictor.MEAN_REPEAT_SPEND, meanSpend);
    return new CustomerProfile(Customer.of(id, Instant.parse("2024-01-01T00:00:00Z")), metrics);
  }

  private static void put(Map<String, Double> metrics, String name, Double value) {
    if (value != null) {
      metrics.put(name, value);
    }
  }

  /**
   * Five customers; with the default rules the value cut-off is the top ceil(0.2 * 5) = 1 value, 200.
   * One-year lifetime values (15 % a year, 53 weekly steps), recomputed with SciPy's {@code hyp2f1} from
   * the same formulas: "new" (5 repeat purchases in its 9 weeks) 226.66, "faded" (5 repeat purchases in its
   * first 3 weeks, silent for 36; P(alive) = 0.0007) 0.09, "one-off" 10.54. So "new", with only 150 to date,
   * is predicted to reach the retain tier: "grow".
   */
  @Test
  void aHighPotentialCustomerLandsInGrow() {
    List<CustomerProfile> customers = List.of(
        profile("top", 200, 10.0, 250.0, 270.0, 50.0),
        profile("new", 150, 5.0, 60.0, 63.0, 24.0),
        profile("faded", 150, 5.0, 20.0, 270.0, 26.0),
        profile("one-off", 40, null, null, 200.0, null),
        profile("prospect", 0, null, null, null, null));
    assertThat(PREDICTOR.predict(customers.get(1))).isCloseTo(226.659, within(0.01));
    assertThat(PREDICTOR.predict(customers.get(2))).isCloseTo(0.0884, within(1e-3));
    assertThat(PREDICTOR.predict(customers.get(3))).isCloseTo(10.544, within(0.01));
    assertThat(PREDICTOR.predict(customers.get(4))).isZero();

    ValueTiers tiers = ValueTiers.of(PREDICTOR, customers);
    assertThat(tiers.valueCutoff()).isEqualTo(200);
    assertThat(tiers.assign(customers)).isEqualTo(Map.of("top", ValueTier.RETAIN, "new", ValueTier.GROW,
        "faded", ValueTier.MAINTAIN, "one-off", ValueTier.MAINTAIN, "prospect", ValueTier.MAINTAIN));
  }

  @Test
  void daysAreConvertedToTheModelsUnit() {
    CustomerProfile customer = profile("c", 0, 2.0, 30.43 * 7, 38.86 * 7, 22.35);
    assertThat(PREDICTOR.predict(customer)).isCloseTo(ONE_YEAR.value(2, 30.43, 38.86, 22.35), within(1e-9));
  }

  @Test
  void impossibleMetricsAreRefusedNamingTheCustomer() {
    assertThatThrownBy(() -> PREDICTOR.predict(profile("a", 0, 2.5, 10.0, 20.0, 5.0)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("metric repeat_purchases of customer a").hasMessageContaining("whole number");
    assertThatThrownBy(() -> PREDICTOR.predict(profile("b", 0, 2.0, null, 20.0, 5.0)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("purchase_span_days");
    assertThatThrownBy(() -> PREDICTOR.predict(profile("c", 0, 2.0, 30.0, 20.0, 5.0)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must not exceed customer_age_days");
    assertThatThrownBy(() -> PREDICTOR.predict(profile("d", 0, 1.0, 3.0, 20.0, -5.0)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("mean_repeat_spend");
  }
}
