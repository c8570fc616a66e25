package org.engagement.roi.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * The same series in extreme but finite units gives the same answer: the shares equal, the ROIs scaled by the
 * outcome's unit over the spend's, the plan scaled with the spend. Found by hand with {@code engagement mix} on
 * values near 1e293: the cautious plan's spread of the draws squared each change of outcome, which overflowed, and
 * the budget "could not be split within the channels' bounds"; under the KPI priors the prior's sum of squared
 * spends overflowed (1e290) or underflowed (1e-290) before the fit. Where a magnitude cannot be held at all (a
 * total spend beyond the largest double), the series is refused before the fit, naming the channel.
 */
class MixMagnitudesTest {
  private static final int WEEKS = 60;
  private static final int RESAMPLES = 6;

  @Test
  void hugeSpendAndOutcomeUnderTheRevenuePriorGiveTheSameAnswer() {
    assertScales(MixPriors.defaults(), 1e290, 1e290);
  }

  @Test
  void hugeSpendAndOutcomeUnderTheKpiPriorsGiveTheSameAnswer() {
    assertScales(MixPriors.kpi(), 1e290, 1e290);
  }

  @Test
  void aTinySpendWithAnOrdinaryOutcomeGivesTheSameAnswerUnderTheKpiPriors() {
    assertScales(MixPriors.kpi(), 1e-290, 1);
  }

  @Test
  void aHugeSpendWithAnOrdinaryOutcomeGivesTheSameAnswerUnderTheKpiPriors() {
    assertScales(MixPriors.kpi(), 1e290, 1);
  }

  @Test
  void tinySpendAndOutcomeGiveTheSameAnswer() {
    assertScales(MixPriors.kpi(), 1e-290, 1e-290);
  }

  @Test
  void aSpendWhoseTotalIsBeyondTheLargestNumberIsRefusedBeforeTheFit() {
    MixData.Builder builder = SearchAndEmail.weeks(WEEKS, 0, 1, 3e304, t -> 0);

    assertThatThrownBy(builder::build).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("spend").hasMessageContaining("search")
        .hasMessageContaining("must total at most 1.8e308 over the periods and channels");
  }

  @Test
  void anOutcomeWhoseTotalIsBeyondTheLargestNumberIsRefusedBeforeTheFit() {
    MixData.Builder builder = SearchAndEmail.weeks(WEEKS, 0, 2e304, t -> 0);

    assertThatThrownBy(builder::build).isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("outcome '").hasMessageContaining("must total at most 1.8e308 over the periods");
  }

  /**
   * A spend of 1e-300 against an outcome of ordinary size makes every ROI about 1e304, whose intervals and the
   * plan's sums overflowed after the fit ("the budget cannot be split"); an outcome per unit of spend beyond
   * 1e300 is refused before it, naming the channel and both means.
   */
  @Test
  void anOutcomePerUnitOfSpendBeyondWhatAnRoiHoldsIsRefusedBeforeTheFit() {
    assertThatThrownBy(SearchAndEmail.weeks(WEEKS, 0, 1e10, 1e-300, t -> 0)::build)
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("spend '")
        .hasMessageContaining("is channel 'email''s mean per period")
        .hasMessageContaining("must lie between 1e-300 and 1e300");
    assertThatThrownBy(SearchAndEmail.weeks(WEEKS, 0, 1e-300, 1e300, t -> 0)::build)
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must lie between 1e-300 and 1e300");
  }

  /**
   * A control (a price) counted in units of 1e250 or 1e-250: its squares overflowed to infinity or underflowed to
   * 0, and the control dropped out of the fit without a word; it is now the same column in any unit.
   */
  @Test
  void aControlInExtremeUnitsExplainsTheOutcomeAsInOrdinaryOnes() {
    MixSettings settings = MixSettings.weekly().withResamples(0);
    double[] ordinary = withPrice(1, settings).baseline();
    for (double unit : new double[] {1e250, 1e-250}) {
      double[] baseline = withPrice(unit, settings).baseline();
      for (int t = 0; t < WEEKS; t++) {
        assertThat(baseline[t]).as("unit %s, week %d", unit, t).isCloseTo(ordinary[t],
            within(1e-3 * Math.abs(ordinary[t])));
      }
    }
  }

  private static MixModel withPrice(double unit, MixSettings settings) {
    MixData.Builder builder = SearchAndEmail.weeks(WEEKS, 0, 1, t -> -40 * (10 + t % 5));
    for (int t = 0; t < WEEKS; t++) {
      builder.control(SearchAndEmail.START.plusWeeks(t), "price", unit * (10 + t % 5));
    }
    return MarketingMix.fit(builder.build(), settings, List.of(), MixPriors.kpi());
  }

  private static void assertScales(MixPriors priors, double spendUnit, double outcomeUnit) {
    MixSettings settings = MixSettings.weekly().withResamples(RESAMPLES);
    MixData data = SearchAndEmail.weeks(WEEKS, 0, 1, t -> 0).build();
    MixData scaled = SearchAndEmail.weeks(WEEKS, 0, outcomeUnit, spendUnit, t -> 0).build();
    MixModel model = MarketingMix.fit(data, settings, List.of(), priors);
    MixModel other = MarketingMix.fit(scaled, settings, List.of(), priors);
    double budget = data.totalSpend("email") / WEEKS + data.totalSpend("search") / WEEKS;
    BudgetPlan plan = model.recommend(BudgetRequest.of(budget));
    BudgetPlan otherPlan = other.recommend(BudgetRequest.of(budget * spendUnit));

    assertThat(model.effects()).hasSize(2);
    for (int c = 0; c < 2; c++) {
      ChannelEffect a = model.effects().get(c);
      ChannelEffect b = other.effects().get(c);
      assertThat(b.share()).as(a.channel()).isCloseTo(a.share(), within(1e-3));
      assertThat(b.roi() / (outcomeUnit / spendUnit)).as(a.channel()).isCloseTo(a.roi(), within(1e-3 * a.roi()));
      double recommended = plan.allocation(a.channel()).recommended();
      assertThat(otherPlan.allocation(a.channel()).recommended() / spendUnit).as(a.channel())
          .isCloseTo(recommended, within(1e-3 * recommended));
    }
    assertThat(otherPlan.gain() / outcomeUnit).isCloseTo(plan.gain(), within(1e-3 * Math.abs(plan.gain()) + 1e-9));
  }
}
