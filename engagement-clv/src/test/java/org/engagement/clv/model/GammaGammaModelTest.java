package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gamma-Gamma on the 946 CDNOW customers with x > 0 against Fader, Hardie and Lee (2005, JMR) and Fader
 * and Hardie (2013, note 025): p 6.25, q 3.74, gamma 15.44; LL -4055.92 (SciPy refit -4055.9232,
 * p 6.2488, q 3.7446, gamma 15.4477); expected spends of the first 10 customers from Hardie's note-025
 * spreadsheet as asserted in lifetimes @ 4f2833f4 (atol 0.1).
 */
class GammaGammaModelTest {
  private static List<RepeatBuyingSummary> customers = List.of();
  private static List<SpendSummary> compressed = List.of();
  private static ModelFit<GammaGammaModel> fit;

  @BeforeAll
  static void fitCdnow() {
    customers = CdnowFixtures.summaryWithSpend();
    compressed = SpendSummary.compress(customers);
    fit = GammaGammaModel.fit(compressed, FitOptions.defaults());
  }

  @Test
  void reproducesThePublishedFit() {
    assertThat(compressed.stream().mapToLong(SpendSummary::weight).sum()).isEqualTo(946);
    GammaGammaModel model = fit.model();
    assertThat(model.p()).isCloseTo(6.2488, within(2e-3));
    assertThat(model.q()).isCloseTo(3.7446, within(1e-3));
    assertThat(model.gamma()).isCloseTo(15.4477, within(5e-3));
    assertThat(fit.result().logLikelihood()).isCloseTo(-4055.9232, within(1e-3));
    // p gamma / (q - 1) = 6.2488 * 15.4477 / 2.7446 = 35.17; observed mean zbar 35.08
    assertThat(model.populationMeanSpend()).isCloseTo(35.17, within(0.01));
  }

  @Test
  void standardErrorsAreFiniteAndPositive() {
    FitResult result = fit.result();
    for (String name : List.of("p", "q", "gamma")) {
      assertThat(result.standardError(name)).as(name).isPositive().isFinite();
    }
  }

  @Test
  void conditionalExpectedSpendOfTheFirstTenCustomers() {
    GammaGammaModel model = fit.model();
    double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
    for (int i = 0; i < expected.length; i++) {
      RepeatBuyingSummary c = customers.get(i);
      assertThat(model.conditionalExpectedSpend(c.frequency(), c.meanSpend()))
          .as("customer %s", c.customerId()).isCloseTo(expected[i], within(0.1));
    }
  }

  /** Hand-worked: p = 2, q = 3, gamma = 10, x = 4, zbar = 20: 2 (10 + 80) / (8 + 2) = 18; mean 2*10/2 = 10. */
  @Test
  void conditionalSpendIsAWeightedMean() {
    GammaGammaModel model = new GammaGammaModel(2, 3, 10);
    assertThat(model.conditionalExpectedSpend(4, 20)).isCloseTo(18.0, within(1e-12));
    // weight on zbar = p x / (p x + q - 1) = 0.8: 0.8 * 20 + 0.2 * 10 = 18
    assertThat(model.conditionalExpectedSpend(0, 0)).isCloseTo(model.populationMeanSpend(), within(1e-12));
    assertThatThrownBy(() -> new GammaGammaModel(2, 0.5, 10).populationMeanSpend())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void spendCompressionRejectsZeroSpendRepeaters() {
    assertThatThrownBy(() -> SpendSummary.compress(List.of(new RepeatBuyingSummary("7", 2, 3, 5, 0, 0))))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("customer 7")
        .hasMessageContaining("SpendSummaries.leavingOutZeroSpend");
  }

  @Test
  void zeroSpendRepeatersCanBeLeftOutAndCounted() {
    // Issue 12: one repeat buyer with a mean spend of 0 stopped the spend fit of everyone else.
    RepeatBuyingSummary zero = new RepeatBuyingSummary("7", 2, 3, 5, 0, 0);
    RepeatBuyingSummary paying = new RepeatBuyingSummary("8", 1, 3, 5, 12.5, 0);
    RepeatBuyingSummary once = new RepeatBuyingSummary("9", 0, 0, 5, 0, 0);
    SpendSummaries left = SpendSummaries.leavingOutZeroSpend(List.of(zero, paying, once));
    assertThat(left.rows()).containsExactly(new SpendSummary(1, 12.5, 1));
    assertThat(left.zeroSpendCustomers()).isEqualTo(1);
    assertThat(left.customers()).isEqualTo(1);
    assertThat(left).isNotEqualTo(SpendSummaries.of(List.of(paying)));
    SpendSummaries merged = left.merge(SpendSummaries.leavingOutZeroSpend(List.of(zero)));
    assertThat(merged.zeroSpendCustomers()).isEqualTo(2);
    assertThat(merged.merge(SpendSummaries.empty())).isEqualTo(merged);
    assertThat(org.engagement.core.aggregate.MergeableLaws.roundTrip(merged)).isEqualTo(merged);
  }
}
