package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class RateRatioTest {
  /** Lung cancer in Fredericia: 11 cases in 800 person-years (thousands). */
  private static final Rate FREDERICIA = Rate.of(11, 800);

  /** The other Danish cities: 6 + 8 + 7 = 21 cases in 1083 + 1050 + 878 = 3011 person-years. */
  private static final Rate OTHER_CITIES = Rate.of(21, 3011);

  /**
   * The example of R's {@code ?poisson.test} (Andersen 1974, Danish lung cancer rates): {@code
   * poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878))} gives rate ratio 1.971488, p-value =
   * 0.07967, 95 percent CI 0.8584264 4.2772659 (SciPy {@code binomtest(11, 32, 800/3811)}: p = 0.0796686,
   * exact interval mapped to the ratio 0.858426403, 4.277265944).
   *
   * <pre>
   * rates 11 / 800 = 0.01375 and 21 / 3011 = 0.00697443; ratio = 1.971488
   * given n = 32 events, x1 ~ Binomial(32, 800 / 3811 = 0.209919): expected count1 = 6.7174
   * p = sum of P(k) over k with P(k) &lt;= P(11)
   * ratio bounds = pi / (1 - pi) * 3011 / 800 for the Clopper-Pearson bounds pi of 11 / 32
   * </pre>
   */
  @Test
  void exactTestMatchesRsPoissonTestExample() {
    LiftEstimate test = RateRatio.exact(FREDERICIA, OTHER_CITIES);

    assertThat(test.method()).isEqualTo(RateRatio.EXACT_METHOD);
    assertThat(test.scale()).isEqualTo(LiftEstimate.Scale.RATIO);
    assertThat(test.treatment()).isEqualTo(0.01375);
    assertThat(test.control()).isCloseTo(21.0 / 3011, within(1e-15));
    assertThat(test.estimate()).isCloseTo(1.971488095, within(1e-9));
    assertThat(test.relativeLift()).isCloseTo(0.971488095, within(1e-9));
    assertThat(test.absoluteLift()).isCloseTo(0.01375 - 21.0 / 3011, within(1e-15));
    assertThat(test.pValue()).isCloseTo(0.0796686330, within(1e-9));
    assertThat(test.interval().lower()).isCloseTo(0.858426403, within(1e-8));
    assertThat(test.interval().upper()).isCloseTo(4.277265944, within(1e-8));
    assertThat(test.statistic()).isEqualTo(11.0);
    assertThat(test.standardError()).isNaN();
    assertThat(test.degreesOfFreedom()).isNaN();
  }

  /**
   * The Wald interval on the same data, worked by hand.
   *
   * <pre>
   * log ratio = ln 1.971488 = 0.6787886; se = sqrt(1/11 + 1/21) = sqrt(0.1385281) = 0.3721937
   * z = 0.6787886 / 0.3721937 = 1.823751; p = 2 (1 - Phi(1.823751)) = 0.0681897
   * CI = exp(0.6787886 -+ 1.959964 * 0.3721937) = (0.950566, 4.088895)
   * </pre>
   */
  @Test
  void waldTestOnTheLogRatio() {
    LiftEstimate test = RateRatio.wald(FREDERICIA, OTHER_CITIES);

    assertThat(test.method()).isEqualTo(RateRatio.WALD_METHOD);
    assertThat(test.standardError()).isCloseTo(0.3721936842, within(1e-9));
    assertThat(test.statistic()).isCloseTo(1.823751087, within(1e-8));
    assertThat(test.pValue()).isCloseTo(0.0681897117, within(1e-9));
    assertThat(test.interval().lower()).isCloseTo(0.950566097, within(1e-8));
    assertThat(test.interval().upper()).isCloseTo(4.088895367, within(1e-8));
    assertThat(test.degreesOfFreedom()).isInfinite();
  }

  /**
   * Equal exposures and counts 10 against 0: given 10 events, each is treated with probability 1/2, so
   * p = 2 * 0.5^10 = 0.001953125 exactly, and the ratio is unbounded above.
   */
  @Test
  void exactTestHandlesAZeroControlCount() {
    LiftEstimate test = RateRatio.exact(Rate.of(10, 5), Rate.of(0, 5));
    assertThat(test.pValue()).isCloseTo(0.001953125, within(1e-15));
    assertThat(test.interval().upper()).isInfinite();
    assertThat(test.interval().lower()).isGreaterThan(1);
    assertThat(test.relativeLift()).isNaN();
    assertThat(test.estimate()).isInfinite();
  }

  @Test
  void noEventsAtAllSayNothing() {
    LiftEstimate test = RateRatio.exact(Rate.of(0, 5), Rate.of(0, 7));
    assertThat(test.pValue()).isEqualTo(1.0);
    assertThat(test.interval().lower()).isZero();
    assertThat(test.interval().upper()).isInfinite();
  }

  /** Equal rates observed exactly (5 in 10 against 10 in 20): x1 equals its null mean, p = 1. */
  @Test
  void equalObservedRatesGivePOne() {
    LiftEstimate test = RateRatio.exact(Rate.of(5, 10), Rate.of(10, 20));
    assertThat(test.pValue()).isEqualTo(1.0);
    assertThat(test.estimate()).isEqualTo(1.0);
  }

  @Test
  void rejectsBadRatesAndZeroCountsForWald() {
    assertThatThrownBy(() -> Rate.of(-1, 3))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("count"));
    assertThatThrownBy(() -> Rate.of(1, 0))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("exposure"));
    assertThatThrownBy(() -> Rate.of(1, Double.POSITIVE_INFINITY))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("exposure"));
    assertThatThrownBy(() -> RateRatio.wald(Rate.of(3, 1), Rate.of(0, 1)))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("control.count");
          assertThat(e.rule()).contains("exact");
        });
  }
}
