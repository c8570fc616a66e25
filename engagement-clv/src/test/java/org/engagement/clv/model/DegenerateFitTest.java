package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.engagement.clv.fit.FitNotConvergedException;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.WeightedSummary;
import org.junit.jupiter.api.Test;

/**
 * A fit that runs to the boundary of the parameter space is {@link FitStatus#DEGENERATE}, says why, and
 * offers no standard errors. The data: 3,000 customers who all buy at the same rate (0.5 a week) and all
 * drop out after a purchase with the same probability (0.063), observed for 52 weeks, which is the bundled
 * world's situation (no heterogeneity): BG/NBD's purchase-rate shape {@code r} runs towards infinity.
 */
class DegenerateFitTest {

  @Test
  void homogeneousCustomersMakeBgNbdDegenerate() {
    ModelFit<BgNbdModel> fit = BgNbdModel.fit(homogeneous(3000, 0.5, 0.063, 52, 7), PeriodUnit.WEEK,
        FitOptions.defaults());
    FitResult result = fit.result();
    assertThat(result.status()).isEqualTo(FitStatus.DEGENERATE);
    assertThat(fit.converged()).isFalse();
    assertThat(fit.degenerate()).isTrue();
    assertThat(result.hasStandardErrors()).isFalse();
    assertThatThrownBy(() -> result.standardError("a")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("degenerate");
    assertThat(result.degeneracy()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("the purchase rate is pinned at r/alpha = 0.5").contains("no heterogeneity across customers"));
    assertThatThrownBy(result::requireConverged).isInstanceOf(FitNotConvergedException.class)
        .hasMessageContaining("DEGENERATE");
    BgNbdModel model = fit.model();
    assertThat(model.a() / (model.a() + model.b())).isCloseTo(0.063, within(0.01));
    assertThat(model.conditionalExpectedPurchases(3, 40, 52, 156)).isFinite().isPositive();
  }

  @Test
  void cdnowFitIsNotDegenerate() {
    ModelFit<BgNbdModel> fit = BgNbdModel.fit(WeightedSummary.compress(CdnowFixtures.summary()), PeriodUnit.WEEK,
        FitOptions.defaults());
    assertThat(fit.result().status()).isEqualTo(FitStatus.CONVERGED);
    assertThat(fit.result().degeneracy()).isEmpty();
    assertThat(fit.result().hasStandardErrors()).isTrue();
  }

  @Test
  void onlyAConvergedResultCanBeMarkedDegenerate() {
    FitResult capped = FitResult.of(List.of("x"), new double[] {1}, -1, FitStatus.ITERATION_LIMIT, 1, 1, null);
    assertThatThrownBy(() -> capped.degenerate("x ran off")).isInstanceOf(IllegalStateException.class);
    FitResult converged = FitResult.of(List.of("x"), new double[] {1}, -1, FitStatus.CONVERGED, 1, 1,
        new double[][] {{1}});
    FitResult degenerate = converged.degenerate("x ran off");
    assertThat(degenerate.usable()).isTrue();
    assertThat(degenerate.hasStandardErrors()).isFalse();
    assertThat(degenerate.degeneracy()).contains("x ran off");
    assertThat(capped.usable()).isFalse();
  }

  /** Simulated BG/NBD customers with one purchase rate and one drop-out probability, joined at random times. */
  private static List<WeightedSummary> homogeneous(int customers, double rate, double dropOut, double weeks,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<WeightedSummary> out = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      double age = weeks * (0.5 + 0.5 * random.nextDouble());
      double now = 0;
      double last = 0;
      int x = 0;
      while (true) {
        now += -Math.log(1 - random.nextDouble()) / rate;
        if (now > age) {
          break;
        }
        x++;
        last = now;
        if (random.nextDouble() < dropOut) {
          break;
        }
      }
      out.add(new WeightedSummary(x, last, age, 1));
    }
    return out;
  }
}
