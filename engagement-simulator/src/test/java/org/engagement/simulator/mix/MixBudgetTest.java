package org.engagement.simulator.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.BudgetRequest;
import org.engagement.roi.mix.ChannelAllocation;
import org.engagement.roi.mix.MarketingMix;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixModel;
import org.engagement.roi.mix.MixSettings;
import org.engagement.roi.mix.MixWarning;
import org.junit.jupiter.api.Test;

/**
 * The budget optimiser's target ROI and the fit's warnings ({@link MarketingMix}, in engagement-roi) on a
 * simulated world ({@link MixWorldSpec#defaults}, seed 1).
 */
class MixBudgetTest {
  private static final MixWorld WORLD = MixSimulation.generate(MixWorldSpec.defaults(1));
  private static final MixModel MODEL = MarketingMix.fit(MixWorlds.data(WORLD),
      MixSettings.weekly().withResamples(0));

  @Test
  void aMinimumRoiSpendsLessThanTheCeilingAndReturnsTheTarget() {
    double current = currentPerPeriod();
    BudgetPlan whole = MODEL.recommend(BudgetRequest.of(2 * current));
    double wholeRoi = outcome(whole) / whole.budget();
    double target = wholeRoi * 1.1;

    BudgetPlan capped = MODEL.recommend(BudgetRequest.of(2 * current).withMinimumRoi(target));

    assertThat(capped.budget()).isLessThan(2 * current);
    assertThat(capped.allocations().stream().mapToDouble(ChannelAllocation::recommended).sum())
        .isCloseTo(capped.budget(), org.assertj.core.api.Assertions.within(1e-6 * current));
    assertThat(outcome(capped) / capped.budget()).isGreaterThanOrEqualTo(target - 1e-9);
    assertThatThrownBy(() -> MODEL.recommend(BudgetRequest.of(current).withMinimumRoi(1e6)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("minimumRoi");
  }

  @Test
  void aChannelWhoseSpendNeverVariesIsNamedInTheWarnings() {
    MixData.Builder builder = MixData.builder();
    List<LocalDate> periods = WORLD.periods();
    double[] outcome = WORLD.outcome();
    for (int t = 0; t < periods.size(); t++) {
      builder.outcome(periods.get(t), outcome[t]);
      builder.spend(periods.get(t), "sponsorship", 2_000);
      for (int c = 0; c < WORLD.channels().size(); c++) {
        builder.spend(periods.get(t), WORLD.channels().get(c), WORLD.spend(c)[t]);
      }
    }
    MixModel model = MarketingMix.fit(builder.build(), MixSettings.weekly().withResamples(0));

    assertThat(model.warnings()).filteredOn(w -> w.kind() == MixWarning.Kind.CONSTANT_SPEND)
        .extracting(MixWarning::channel).containsExactly("sponsorship");
    assertThat(model.warnings()).allSatisfy(w -> assertThat(w.message()).contains("'" + w.channel() + "'"));
  }

  private static double currentPerPeriod() {
    double sum = 0;
    for (int c = 0; c < WORLD.channels().size(); c++) {
      sum += WORLD.meanSpend(c);
    }
    return sum;
  }

  private static double outcome(BudgetPlan plan) {
    return plan.allocations().stream().mapToDouble(ChannelAllocation::recommendedOutcome).sum();
  }
}
