package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.WeightedSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MBG/NBD (Batislam et al. 2007) on CDNOW against the BTYDplus estimates asserted in lifetimes @ 4f2833f4
 * ({@code test_params_out_is_close_to_BTYDplus}: r 0.525, alpha 6.183, a 0.891, b 1.614, 3 dp) and the
 * SciPy refit in the shared CDNOW README (LL -9582.133).
 */
class MbgNbdModelTest {
  private static List<WeightedSummary> compressed = List.of();
  private static ModelFit<MbgNbdModel> fit;

  @BeforeAll
  static void fitCdnow() {
    compressed = WeightedSummary.compress(CdnowFixtures.summary());
    fit = MbgNbdModel.fit(compressed, PeriodUnit.WEEK, FitOptions.defaults());
  }

  @Test
  void reproducesThePublishedFit() {
    MbgNbdModel model = fit.model();
    assertThat(model.r()).isCloseTo(0.525, within(1e-3));
    assertThat(model.alpha()).isCloseTo(6.183, within(1e-3));
    assertThat(model.a()).isCloseTo(0.891, within(1e-3));
    assertThat(model.b()).isCloseTo(1.614, within(1e-3));
    assertThat(fit.result().logLikelihood()).isCloseTo(-9582.133, within(1e-2));
    assertThat(model.logLikelihood(compressed)).isCloseTo(fit.result().logLikelihood(), within(1e-9));
  }

  @Test
  void standardErrorsAreFiniteAndPositive() {
    FitResult result = fit.result();
    for (String name : result.parameterNames()) {
      assertThat(result.standardError(name)).as(name).isPositive().isFinite();
    }
  }

  /**
   * Unlike BG/NBD, a customer with no repeat purchase may be dead: {@code P(alive | 0, 0, T) = 1 / (1 + a / b
   * ((alpha + T) / alpha)^r)}, below 1, and the pmf puts the immediate drop-outs a / (a + b) at 0.
   */
  @Test
  void zeroRepeatCustomersMayBeDead() {
    MbgNbdModel model = new MbgNbdModel(0.525, 6.183, 0.891, 1.614, PeriodUnit.WEEK);
    double expected = 1 / (1 + 0.891 / 1.614 * Math.pow((6.183 + 38.86) / 6.183, 0.525));
    assertThat(model.probabilityAlive(0, 0, 38.86)).isCloseTo(expected, within(1e-12)).isLessThan(1);
    assertThat(model.probabilityOfPurchases(0, 1e-9)).isCloseTo(1.0, within(1e-6));
    assertThat(model.probabilityOfPurchases(0, 39)).isGreaterThan(0.891 / (0.891 + 1.614));
  }

  /**
   * Cross-check of E[X(t)] against the pmf: sum of n P(X(t) = n) over n up to 400 must equal the
   * closed form with 2F1, for both models.
   */
  @Test
  void expectationAgreesWithThePmf() {
    MbgNbdModel mbg = fit.model();
    BgNbdModel bg = new BgNbdModel(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEK);
    for (double t : new double[] {1, 39, 78}) {
      double mbgSum = 0;
      double bgSum = 0;
      for (int n = 1; n <= 400; n++) {
        mbgSum += n * mbg.probabilityOfPurchases(n, t);
        bgSum += n * bg.probabilityOfPurchases(n, t);
      }
      assertThat(mbg.expectedPurchases(t)).as("MBG t=%s", t).isCloseTo(mbgSum, within(1e-7));
      assertThat(bg.expectedPurchases(t)).as("BG t=%s", t).isCloseTo(bgSum, within(1e-7));
    }
  }

  /** The conditional expectation of a customer observed for T = 0 is E[X(t)] (nothing learnt yet). */
  @Test
  void conditionalAtAgeZeroIsTheUnconditionalExpectation() {
    MbgNbdModel model = fit.model();
    assertThat(model.conditionalExpectedPurchases(0, 0, 0, 39))
        .isCloseTo(model.expectedPurchases(39), within(1e-12));
    BgNbdModel bg = new BgNbdModel(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEK);
    assertThat(bg.conditionalExpectedPurchases(0, 0, 0, 39)).isCloseTo(bg.expectedPurchases(39), within(1e-12));
  }
}
