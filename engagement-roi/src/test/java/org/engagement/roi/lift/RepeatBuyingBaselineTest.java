package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import org.engagement.clv.prediction.Cdnow;

import java.util.List;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.junit.jupiter.api.Test;

class RepeatBuyingBaselineTest {

  /**
   * Fader, Hardie and Lee (2005, Marketing Science, section 7): BG/NBD fitted on CDNOW's 39 calibration
   * weeks expects about 1,653 repeat purchases in the 39 holdout weeks (recomputed 1,653.4 in the shared
   * CDNOW README), against 1,882 made; the zero class (1,411 customers) made 334 against 0.23 each expected.
   * Every expectation is the model's own conditional expectation of that customer.
   */
  @Test
  void cdnowHoldoutAgainstTheBgNbdBaseline() {
    List<RepeatBuyingSummary> customers = Cdnow.withHoldout();
    RepeatBuyingBaseline baseline = new RepeatBuyingBaseline(Cdnow.bgNbd());
    ModelBasedLift lift = ModelBasedLift.compare(customers, baseline, 39);

    assertThat(lift.actualTotal()).isEqualTo(1882);
    assertThat(lift.expectedTotal()).isCloseTo(1653.4, within(1.0));
    for (int i = 0; i < 20; i++) {
      RepeatBuyingSummary c = customers.get(i);
      assertThat(lift.rows().get(i).expected()).isEqualTo(Cdnow.bgNbd().conditionalExpectedPurchases(c, 39));
    }
    List<RepeatBuyingSummary> zeros = customers.stream().filter(c -> c.frequency() == 0).toList();
    ModelBasedLift zeroClass = ModelBasedLift.compare(zeros, baseline, 39);
    assertThat(zeros).hasSize(1411);
    assertThat(zeroClass.actualTotal()).isEqualTo(334);
    assertThat(zeroClass.expectedTotal() / zeros.size()).isCloseTo(0.23, within(0.005));
    LiftEstimate total = lift.totalTest();
    assertThat(total.estimate()).isCloseTo(1882 / 1653.4, within(0.001));
    assertThat(total.pValue()).isLessThan(1e-6);
  }
}
