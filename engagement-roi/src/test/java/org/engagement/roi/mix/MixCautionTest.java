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

  /**
   * The same series with a sponsorship that does return 0.5 per unit spent, which the fit cannot tell from the
   * trend and estimates at 0. The bootstrap refits start from the estimate and stay in its basin, so they agree
   * on 0 (their percentile interval was [0, 0.108]); the profile interval, the channel's own carry-over and
   * saturation searched afresh at each ROI held, finds the other fits, and the reported interval (their union,
   * [0, 0.603]) holds the true 0.5. Search's percentile interval ([1.730, 1.918]) left out its own estimate
   * (1.719); the union holds it.
   */
  @Test
  void anIntervalIsWideWhereTheDataCannotTellAndHoldsItsEstimate() {
    MixData.Builder builder = MixData.builder();
    for (int t = 0; t < WEEKS; t++) {
      double search = 100 + 60 * ((t / 4) % 3);
      double sponsorship = 100 + 2 * t;
      builder.spend(START.plusWeeks(t), "search", search).spend(START.plusWeeks(t), "sponsorship", sponsorship)
          .outcome(START.plusWeeks(t), 1_000 + 5 * t + 3 * search + 0.5 * sponsorship + 20 * Math.sin(t));
    }
    MixModel paying = MarketingMix.fit(builder.build(), MixSettings.weekly().withResamples(8));

    ChannelEffect sponsorship = paying.effect("sponsorship");
    assertThat(sponsorship.roiInterval().contains(0.5)).as(sponsorship.toString()).isTrue();
    for (ChannelEffect effect : paying.effects()) {
      assertThat(effect.roiInterval().contains(effect.roi())).as(effect.toString()).isTrue();
    }
  }

  @Test
  void withoutResamplesTheIntervalIsTheEstimate() {
    MixModel point = MarketingMix.fit(data, MixSettings.weekly().withResamples(0));

    ChannelEffect sponsorship = point.effect("sponsorship");
    assertThat(sponsorship.roiInterval().lower()).isEqualTo(sponsorship.roi());
    assertThat(sponsorship.roiInterval().upper()).isEqualTo(sponsorship.roi());
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

  /** Sponsorship's ROI is estimated at 0: no level to carry to its marginal return, so releasing keeps it held. */
  @Test
  void releasingHeldChannelsKeepsOneWithoutALevelAndTheRequestKeepsTheChoice() {
    double total = perPeriod("search") + perPeriod("sponsorship");
    BudgetRequest releasing = BudgetRequest.of(total).releasingHeld();

    ChannelAllocation held = model.recommend(releasing).allocation("sponsorship");
    assertThat(held.recommended()).isCloseTo(held.current(), within(1e-9));
    assertThat(BudgetRequest.of(total).releasingHeld()).isNotEqualTo(BudgetRequest.of(total));
    assertThat(releasing.withBounds("search", 0, total).withMinimumRoi(1).releaseHeld()).isTrue();
    assertThat(releasing.withoutCaution().cautious()).isFalse();
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
