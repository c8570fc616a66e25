package org.engagement.clv.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * The holdout check on CDNOW (39 weeks of calibration, 39 of holdout) with BG/NBD fitted on the calibration
 * summaries, against Fader, Hardie and Lee (2005), "Counting your customers the easy way", Sec. 7: the zero
 * class (1,411 customers) made 334 holdout purchases (0.237 each) and BG/NBD expects 0.23 each; and against
 * the recomputation in the shared CDNOW README: 1,653.4 predicted against 1,882 actual in total.
 */
class HoldoutCheckTest {
  private static final List<RepeatBuyingSummary> CUSTOMERS = Cdnow.withHoldout();

  @Test
  void cdnowTotalsAndZeroClassMatchThePaper() {
    HoldoutCheck check = HoldoutCheck.of(Cdnow.bgNbd(), CUSTOMERS, Horizon.weeks(39), 7);
    assertThat(check.actual()).isEqualTo(1882);
    assertThat(check.predicted()).isCloseTo(1653.4, within(1.0));
    assertThat(check.totalError()).isCloseTo((1653.4 - 1882) / 1882, within(1e-3));
    HoldoutCheck.Bucket zero = check.buckets().get(0);
    assertThat(zero.label()).isEqualTo("0");
    assertThat(zero.customers()).isEqualTo(1411);
    assertThat(zero.actualMean()).isCloseTo(334.0 / 1411, within(1e-12));
    assertThat(zero.predictedMean()).isCloseTo(0.23, within(0.006));
    assertThat(check.buckets()).hasSize(8);
    assertThat(check.buckets().get(7).label()).isEqualTo("7+");
    assertThat(check.buckets().stream().mapToLong(HoldoutCheck.Bucket::customers).sum()).isEqualTo(2357);
    assertThat(check.customers()).isEqualTo(2357);
    // Figure 4's curves rise together with x; the model tracks each bucket to within a few tenths.
    for (int i = 1; i < check.buckets().size(); i++) {
      assertThat(check.buckets().get(i).predictedMean()).isGreaterThan(check.buckets().get(i - 1).predictedMean());
    }
    assertThat(check.bucketError()).isBetween(0.0, 0.3);
  }

  @Test
  void aWrongModelShowsInTheError() {
    BgNbdModel tooBusy = new BgNbdModel(0.243 * 3, 4.414, 0.793, 2.426, PeriodUnit.WEEK);
    HoldoutCheck good = HoldoutCheck.of(Cdnow.bgNbd(), CUSTOMERS, Horizon.weeks(39), 7);
    HoldoutCheck bad = HoldoutCheck.of(tooBusy, CUSTOMERS, Horizon.weeks(39), 7);
    // Three times the prior purchase rate: the fitted model is 12 % short, this one 23 % over.
    assertThat(good.totalError()).isBetween(-0.13, -0.11);
    assertThat(bad.totalError()).isGreaterThan(0.2);
    assertThat(bad.bucketError()).isGreaterThan(good.bucketError());
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> HoldoutCheck.of(Cdnow.bgNbd(), List.of(), Horizon.weeks(39), 7))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("customers");
    assertThatThrownBy(() -> HoldoutCheck.of(Cdnow.bgNbd(), CUSTOMERS, Horizon.weeks(39), -1))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("openBucket");
  }
}
