package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.engagement.clv.fit.FitNotConvergedException;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD on CDNOW against Fader, Hardie and Lee (2005), Marketing Science 24(2) (parameters, LL and the
 * Sec. 7 holdout checks), and against the prediction values asserted in lifetimes @ 4f2833f4 {@code
 * tests/} (which name R BTYD and Hardie's spreadsheet as their source); see the shared CDNOW README.
 */
class BgNbdModelTest {
  /** The parameters as published (FHL 2005, rounded to 3 decimals). */
  private static final BgNbdModel PUBLISHED = new BgNbdModel(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEK);

  private static List<WeightedSummary> compressed = List.of();
  private static ModelFit<BgNbdModel> fit;

  @BeforeAll
  static void fitCdnow() {
    compressed = WeightedSummary.compress(CdnowFixtures.summary());
    fit = BgNbdModel.fit(compressed, PeriodUnit.WEEK, FitOptions.defaults());
  }

  /** FHL 2005: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4; SciPy/R refits: LL -9582.4256. */
  @Test
  void reproducesThePublishedFit() {
    FitResult result = fit.result();
    assertThat(result.status()).isEqualTo(FitStatus.CONVERGED);
    BgNbdModel model = fit.model();
    assertThat(model.r()).isCloseTo(0.242593, within(2e-5));
    assertThat(model.alpha()).isCloseTo(4.413531, within(5e-4));
    assertThat(model.a()).isCloseTo(0.792886, within(1e-4));
    assertThat(model.b()).isCloseTo(2.425754, within(5e-4));
    assertThat(result.logLikelihood()).isCloseTo(-9582.4256, within(1e-3));
    assertThat(model.unit()).isEqualTo(PeriodUnit.WEEK);
    assertThat(model.parameters()).containsOnlyKeys("r", "alpha", "a", "b");
  }

  /** The published parameters are within rounding of the maximum: LL(published) is -9582.4 too. */
  @Test
  void publishedParametersGiveThePublishedLikelihood() {
    assertThat(PUBLISHED.logLikelihood(compressed)).isCloseTo(-9582.4, within(0.05));
  }

  @Test
  void standardErrorsAreFiniteAndPositive() {
    FitResult result = fit.result();
    assertThat(result.hasStandardErrors()).isTrue();
    for (String name : result.parameterNames()) {
      assertThat(result.standardError(name)).as(name).isPositive().isFinite()
          .isLessThan(result.estimate(name));
    }
  }

  @Test
  void aCappedFitSaysItDidNotConverge() {
    ModelFit<BgNbdModel> capped =
        BgNbdModel.fit(compressed, PeriodUnit.WEEK, FitOptions.defaults().withMaxIterations(3));
    assertThat(capped.converged()).isFalse();
    assertThat(capped.result().status()).isEqualTo(FitStatus.ITERATION_LIMIT);
    assertThatThrownBy(capped::model).isInstanceOf(FitNotConvergedException.class)
        .hasMessageContaining("did not converge");
  }

  /** lifetimes tests ("same as R BTYD"): P(X(39)=0) = 0.5737864, P(X(2)=10) = 1.07869e-07. */
  @Test
  void probabilityOfPurchases() {
    assertThat(PUBLISHED.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-7));
    assertThat(PUBLISHED.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, withinPercentage(0.01));
    double[] expected = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
        0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
    for (int n = 11; n <= 20; n++) {
      assertThat(PUBLISHED.probabilityOfPurchases(n, 30)).as("n=%d", n)
          .isCloseTo(expected[n - 11], withinPercentage(1e-4));
    }
  }

  /**
   * lifetimes tests (3 dp, with the fitted parameters; the README lists them with the published ones,
   * which give 0.05327 at t = 1): E[X(t)] at t = 1/7, 1, 3, 31.8571, 32, 78 weeks.
   */
  @Test
  void expectedPurchases() {
    BgNbdModel model = fit.model();
    double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
    double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
    for (int i = 0; i < t.length; i++) {
      assertThat(model.expectedPurchases(t[i])).as("t=%s", t[i]).isCloseTo(expected[i], within(5e-4));
    }
    assertThat(model.expectedPurchases(0)).isZero();
  }

  /** Customer 1 (x=2, t_x=30.43, T=38.86), fitted parameters: E[Y(39)] = 1.226 (Hardie), P(alive) = 0.7266. */
  @Test
  void conditionalPredictionsForCustomerOne() {
    BgNbdModel model = fit.model();
    assertThat(model.conditionalExpectedPurchases(2, 30.43, 38.86, 39)).isCloseTo(1.226, within(1e-3));
    assertThat(model.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.7266, within(1e-4));
    assertThat(model.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
    RepeatBuyingSummary one = new RepeatBuyingSummary("1", 2, 30.43, 38.86, 0, 0);
    assertThat(model.conditionalExpectedPurchases(one, 39))
        .isEqualTo(model.conditionalExpectedPurchases(2, 30.43, 38.86, 39));
  }

  /**
   * FHL 2005 Sec. 7, recomputed in the shared README with the fitted parameters: sum of E[Y(39)] =
   * 1653.4 against 1,882 actual holdout purchases; zero class (1,411 customers, 334 actual) expects
   * 0.2251 each (paper: 0.23); correlation with the actual holdout counts 0.626.
   */
  @Test
  void holdoutChecks() {
    BgNbdModel model = fit.model();
    List<RepeatBuyingSummary> customers = CdnowFixtures.fromTransactions();
    int n = customers.size();
    double[] predicted = new double[n];
    double[] actual = new double[n];
    double zeroClassSum = 0;
    int zeroClass = 0;
    for (int i = 0; i < n; i++) {
      RepeatBuyingSummary c = customers.get(i);
      predicted[i] = model.conditionalExpectedPurchases(c, 39);
      actual[i] = c.holdoutFrequency();
      if (c.frequency() == 0) {
        zeroClassSum += predicted[i];
        zeroClass++;
      }
    }
    assertThat(java.util.Arrays.stream(actual).sum()).isEqualTo(1882);
    assertThat(java.util.Arrays.stream(predicted).sum()).isCloseTo(1653.4, within(0.5));
    assertThat(zeroClass).isEqualTo(1411);
    assertThat(zeroClassSum / zeroClass).isCloseTo(0.2251, within(2e-4));
    assertThat(new org.hipparchus.stat.correlation.PearsonsCorrelation().correlation(predicted, actual))
        .isCloseTo(0.626, within(5e-4));
  }

  /**
   * At {@code a + b = 1} the hypergeometric series of E[X(t)] has a pole ({@code c = a + b - 1 = 0})
   * that the factor {@code c} cancels; the value there must continue its neighbours.
   */
  @Test
  void expectationIsContinuousWhereTheSeriesHasAPole() {
    BgNbdModel atPole = new BgNbdModel(1.39, 10.55, 0.62, 0.38, PeriodUnit.WEEK);
    BgNbdModel near = new BgNbdModel(1.39, 10.55, 0.62, 0.38 + 1e-9, PeriodUnit.WEEK);
    assertThat(atPole.expectedPurchases(3.32)).isPositive()
        .isCloseTo(near.expectedPurchases(3.32), withinPercentage(1e-4));
    assertThat(atPole.conditionalExpectedPurchases(0, 0, 20, 10))
        .isCloseTo(near.conditionalExpectedPurchases(0, 0, 20, 10), withinPercentage(1e-4));
  }

  /**
   * Time is in the model's unit: the same customers measured in days have {@code alpha} seven times the
   * weekly one and the same predictions at seven times the horizon; the fitted LL differs only by the
   * Jacobian {@code sum(x) ln 7} of the purchase-time densities (2,457 repeat purchases).
   */
  @Test
  void timeIsInTheModelsUnit() {
    BgNbdModel weeks = fit.model();
    BgNbdModel days = new BgNbdModel(weeks.r(), 7 * weeks.alpha(), weeks.a(), weeks.b(), PeriodUnit.DAY);
    assertThat(days.expectedPurchases(7 * 39)).isCloseTo(weeks.expectedPurchases(39), within(1e-12));
    assertThat(days.conditionalExpectedPurchases(2, 7 * 30.43, 7 * 38.86, 7 * 39))
        .isCloseTo(weeks.conditionalExpectedPurchases(2, 30.43, 38.86, 39), within(1e-12));
    List<WeightedSummary> inDays = compressed.stream()
        .map(w -> new WeightedSummary(w.frequency(), 7 * w.recency(), 7 * w.age(), w.weight())).toList();
    ModelFit<BgNbdModel> dayFit = BgNbdModel.fit(inDays, PeriodUnit.DAY, FitOptions.defaults());
    assertThat(dayFit.model().alpha()).isCloseTo(7 * weeks.alpha(), withinPercentage(0.05));
    assertThat(dayFit.result().logLikelihood())
        .isCloseTo(fit.result().logLikelihood() - 2457 * Math.log(7), within(1e-3));
  }

  @Test
  void rejectsImpossibleArguments() {
    assertThatThrownBy(() -> PUBLISHED.probabilityAlive(1, 5, 4)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("recency");
    assertThatThrownBy(() -> PUBLISHED.expectedPurchases(-1)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> PUBLISHED.probabilityOfPurchases(-1, 1)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new BgNbdModel(0, 1, 1, 1, PeriodUnit.WEEK))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("r");
  }
}
