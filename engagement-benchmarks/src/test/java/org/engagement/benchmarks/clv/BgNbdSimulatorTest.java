package org.engagement.benchmarks.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.prediction.CustomerColumns;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummary;
import org.junit.jupiter.api.Test;

class BgNbdSimulatorTest {

  /**
   * 50,000 customers simulated from FHL's CDNOW parameters (r 0.243, alpha 4.414, a 0.793, b 2.426): the
   * fit recovers them roughly. On CDNOW's 2,357 customers the standard errors are about 5 % (r), 9 %
   * (alpha), 23 % (a) and 29 % (b) of the estimates; with 21 times the customers they shrink by about 4.6.
   */
  @Test
  void theFitRecoversTheSimulatedParameters() {
    List<RepeatBuyingSummary> customers =
        BgNbdSimulator.of(BgNbdFitBenchmark.TRUTH, PeriodUnit.DAY, BgNbdSimulator.DEFAULT_SEED).summaries(50_000);
    BgNbdModel fit = BgNbdModel.fit(WeightedSummary.compress(customers), PeriodUnit.WEEK, FitOptions.defaults())
        .model();
    assertThat(fit.r()).isCloseTo(0.243, withinPercentage(10));
    assertThat(fit.alpha()).isCloseTo(4.414, withinPercentage(15));
    assertThat(fit.a()).isCloseTo(0.793, withinPercentage(25));
    assertThat(fit.b()).isCloseTo(2.426, withinPercentage(30));
  }

  @Test
  void historiesAreCdnowShapedAndDeterministic() {
    BgNbdSimulator weekly = BgNbdSimulator.of(BgNbdFitBenchmark.TRUTH, PeriodUnit.WEEK, 7);
    CustomerColumns columns = weekly.columns(20_000);
    int zeros = 0;
    for (int i = 0; i < columns.size(); i++) {
      assertThat(columns.age(i)).isBetween(28.0, 39.0);
      assertThat(columns.age(i) % 1).isZero();
      assertThat(columns.recency(i) % 1).isZero();
      zeros += columns.frequency(i) == 0 ? 1 : 0;
    }
    // CDNOW has 1,411 of 2,357 (60 %) without a repeat purchase.
    assertThat(zeros / 20_000.0).isBetween(0.5, 0.7);
    CustomerColumns again = BgNbdSimulator.of(BgNbdFitBenchmark.TRUTH, PeriodUnit.WEEK, 7).columns(100);
    for (int i = 0; i < 100; i++) {
      assertThat(again.frequency(i)).isEqualTo(columns.frequency(i));
      assertThat(again.recency(i)).isEqualTo(columns.recency(i));
    }
  }
}
