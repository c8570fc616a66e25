package org.engagement.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.engagement.clv.fit.FitStatus;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on customers without heterogeneity (one purchase rate, one drop-out probability, as in the
 * bundled world): BG/NBD settles at the boundary; the outcome still has a value, and says the fit is
 * degenerate and why, so a page can show it beside the numbers.
 */
class LifetimeValueDegeneracyTest {

  @Test
  void aDegenerateFitStillValuesAndSaysSo() {
    LifetimeValueOutcome outcome = LifetimeValueAnalysis.of(LifetimeValueSettings.defaults().withUnit(PeriodUnit.WEEK))
        .fitSummaries(homogeneous(3000, 7));
    assertThat(outcome.fitted()).isPresent();
    assertThat(outcome.purchaseSearch().orElseThrow().status()).isEqualTo(FitStatus.DEGENERATE);
    assertThat(outcome.degeneracies()).anySatisfy(d -> assertThat(d).startsWith("BG/NBD fit is degenerate: ")
        .contains("no heterogeneity"));
  }

  @Test
  void aHealthyFitHasNoDegeneracies() {
    LifetimeValueOutcome outcome = LifetimeValueAnalysis.of(LifetimeValueSettings.defaults().withUnit(PeriodUnit.WEEK))
        .fitSummaries(org.engagement.clv.prediction.Cdnow.summaries());
    assertThat(outcome.fitted()).isPresent();
    assertThat(outcome.degeneracies()).isEmpty();
  }

  /** Customers buying at 0.5 a week, dropping out with probability 0.063 after each purchase, spending 20-40. */
  private static List<RepeatBuyingSummary> homogeneous(int customers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<RepeatBuyingSummary> out = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      double age = 52 * (0.5 + 0.5 * random.nextDouble());
      double now = 0;
      double last = 0;
      int x = 0;
      while (true) {
        now += -Math.log(1 - random.nextDouble()) / 0.5;
        if (now > age) {
          break;
        }
        x++;
        last = now;
        if (random.nextDouble() < 0.063) {
          break;
        }
      }
      out.add(new RepeatBuyingSummary("c" + i, x, last, age, x == 0 ? 0 : 20 + 20 * random.nextDouble(), 0));
    }
    return out;
  }
}
