package org.engagement.roi.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cautious recommendation on a made-up series (60 weeks) with a channel the data can see ("search": spend in
 * steps, a strong immediate effect) and one it cannot ("sponsorship": spend that rises steadily with the
 * trend, so its effect cannot be told from the trend's): the fit finds the second not pinned down, and only a
 * lift test or explicit bounds let a recommendation move its money.
 */
class MixCautionTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final int WEEKS = 60;
  private static MixData data;
  private static MixModel model;

  @BeforeAll
  static void fit() {
    MixData.Builder builder = MixData.builder();
    for (int t = 0; t < WEEKS; t++) {
      double search = 100 + 60 * ((t / 4) % 3);
      double sponsorship = 100 + 2 * t;
      builder.spend(START.plusWeeks(t), "search", search).spend(START.plusWeeks(t), "sponsorship", sponsorship)
          .outcome(START.plusWeeks(t), 1_000 + 5 * t + 3 * search + 20 * Math.sin(t));
    }
    data = builder.build();
    model = MarketingMix.fit(data, MixSettings.weekly().withResamples(8));
  }

  @Test
  void theChannelSeenIsPinnedDownAndTheOneRisingWithTheTrendIsNot() {
    ChannelIdentification search = model.identification().get(data.channels().indexOf("search"));
    ChannelIdentification sponsorship = model.identification().get(data.channels().indexOf("sponsorship"));

    assertThat(search.pinnedDown()).as(search.toString()).isTrue();
    assertThat(sponsorship.pinnedDown()).as(sponsorship.toString()).isFalse();
    assertThat(model.warnings()).filteredOn(w -> w.kind() == MixWarning.Kind.NOT_IDENTIFIED)
        .extracting(MixWarning::channel).containsExactly("sponsorship");
  }

  @Test
  void aCautiousPlanKeepsTheUnidentifiedChannelsSpendUnlessItIsBounded() {
    double total = perPeriod("search") + perPeriod("sponsorship");

    BudgetPlan cautious = model.recommend(BudgetRequest.of(total));
    BudgetPlan bounded = model.recommend(BudgetRequest.of(total).withBounds("sponsorship", 0, 0.5 * total));

    ChannelAllocation held = cautious.allocation("sponsorship");
    assertThat(held.recommended()).isCloseTo(held.current(), within(1e-9));
    assertThat(cautious.allocations().stream().mapToDouble(ChannelAllocation::recommended).sum())
        .isCloseTo(total, within(1e-6 * total));
    assertThat(bounded.allocation("sponsorship").recommended()).isLessThanOrEqualTo(0.5 * total + 1e-9);
    assertThat(model.recommend(BudgetRequest.of(total).withoutCaution()).budget()).isEqualTo(total);
  }

  @Test
  void aLiftTestBacksTheChannel() {
    MixModel tested = MarketingMix.fit(data, MixSettings.weekly().withResamples(0),
        java.util.List.of(new LiftTest("sponsorship", START.plusWeeks(20), START.plusWeeks(29), 10, 0, 20)));

    ChannelIdentification sponsorship = tested.identification().get(data.channels().indexOf("sponsorship"));
    assertThat(sponsorship.liftTested()).isTrue();
    assertThat(sponsorship.movable()).isTrue();
    assertThat(tested.warnings()).noneMatch(w -> w.kind() == MixWarning.Kind.NOT_IDENTIFIED);
  }

  private static double perPeriod(String channel) {
    return data.totalSpend(channel) / data.periods().size();
  }
}
