package org.engagement.clv.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class HorizonAndDiscountRateTest {

  /** 12 months = 12 * 30.4375 = 365.25 days = 52.178571 weeks; one year is the same. */
  @Test
  void horizonsConvertByTheFixedUnitLengths() {
    assertThat(Horizon.months(12).in(PeriodUnit.WEEK)).isCloseTo(52.178571428, within(1e-9));
    assertThat(Horizon.years(1).in(PeriodUnit.DAY)).isCloseTo(365.25, within(1e-9));
    assertThat(Horizon.weeks(39).in(PeriodUnit.DAY)).isEqualTo(273.0);
    assertThat(Horizon.days(14).in(PeriodUnit.WEEK)).isEqualTo(2.0);
    assertThat(Horizon.weeks(3).in(PeriodUnit.WEEK)).isEqualTo(3.0);
    assertThat(Horizon.months(2).days()).isEqualTo(60.875);
  }

  @Test
  void aHorizonMustBeFiniteAndNotNegative() {
    assertThatThrownBy(() -> Horizon.weeks(-1)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("amount");
    assertThatThrownBy(() -> Horizon.weeks(Double.NaN)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> Horizon.weeks(Double.POSITIVE_INFINITY)).isInstanceOf(InvalidFieldException.class);
    assertThat(Horizon.weeks(0).in(PeriodUnit.DAY)).isZero();
  }

  /**
   * 15 % a year (the iso-value paper's rate) per week: force of interest ln(1.15) * 7 / 365.25 = 0.00267853,
   * effective 1.15^(7/365.25) - 1 = 0.00268212. FHL divide by 52 instead: ln(1.15) / 52 = 0.00268773.
   */
  @Test
  void anAnnualRateIsCompoundedToTheModelsUnitNotReused() {
    DiscountRate rate = DiscountRate.annual(0.15);
    assertThat(rate.continuousRate(PeriodUnit.WEEK)).isCloseTo(0.002678531408, within(1e-12));
    assertThat(rate.effectiveRate(PeriodUnit.WEEK)).isCloseTo(0.002682121878, within(1e-12));
    assertThat(rate.annualRate()).isCloseTo(0.15, within(1e-15));
    assertThat(rate.factor(365.25 / 7, PeriodUnit.WEEK)).isCloseTo(1 / 1.15, within(1e-15));
    assertThat(rate.factor(1, PeriodUnit.DAY)).isCloseTo(Math.pow(1.15, -1 / 365.25), within(1e-15));
  }

  /** lifetimes' default, 1 % a month: 1.01^12 - 1 = 12.6825 % a year. */
  @Test
  void aRatePerPeriodConvertsToTheYearAndBack() {
    DiscountRate monthly = DiscountRate.per(0.01, PeriodUnit.MONTH);
    assertThat(monthly.annualRate()).isCloseTo(0.12682503013, within(1e-11));
    assertThat(monthly.effectiveRate(PeriodUnit.MONTH)).isCloseTo(0.01, within(1e-15));
    assertThat(monthly.continuousRate(PeriodUnit.WEEK))
        .isCloseTo(DiscountRate.annual(Math.pow(1.01, 12) - 1).continuousRate(PeriodUnit.WEEK), within(1e-15));
    assertThat(monthly).isEqualTo(DiscountRate.per(0.01, PeriodUnit.MONTH)).isNotEqualTo(DiscountRate.annual(0.01));
    assertThat(monthly.toString()).isEqualTo("DiscountRate[0.01 per month]");
  }

  @Test
  void aContinuousRateIsTheForceOfInterest() {
    DiscountRate fhl = DiscountRate.continuous(Math.log(1.15) / 52, PeriodUnit.WEEK);
    assertThat(fhl.continuousRate(PeriodUnit.WEEK)).isCloseTo(0.002687729661, within(1e-12));
    assertThat(fhl.factor(52, PeriodUnit.WEEK)).isCloseTo(1 / 1.15, within(1e-14));
    assertThat(DiscountRate.none().factor(1000, PeriodUnit.DAY)).isEqualTo(1.0);
  }

  @Test
  void aRateMustBeFiniteAndNotNegative() {
    assertThatThrownBy(() -> DiscountRate.annual(-0.1)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("rate '-0.1' is invalid");
    assertThatThrownBy(() -> DiscountRate.per(Double.NaN, PeriodUnit.WEEK)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> DiscountRate.continuous(Double.POSITIVE_INFINITY, PeriodUnit.WEEK))
        .isInstanceOf(InvalidFieldException.class);
  }
}
