package org.engagement.roi.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * The priors for an outcome that is not revenue in the spend's currency: a media share prior sets each channel's
 * ROI prior from the data's totals, so a series fitted in other units gives the same answer, which the revenue
 * ROI prior (a fixed return per unit of money) does not.
 */
class MixPriorsTest {
  private static final int WEEKS = 60;

  @Test
  void aMediaSharePriorSetsEveryChannelsRoiPriorFromTheTotals() {
    MixPriors.Roi roi = new MixPriors.MediaShare(0.4, 0.2).roi(100, new double[] {1, 1, 2});

    // the media's share Σ r_c s_c / 100 has mean 0.4 when each r_c has mean 0.4 · 100 / 4, and sd 0.2 when the
    // r_c are independent with sd 0.2 · 100 / √(1 + 1 + 4)
    assertThat(roi.mean()).isCloseTo(10, within(1e-12));
    assertThat(roi.sd()).isCloseTo(20 / Math.sqrt(6), within(1e-12));
  }

  @Test
  void theKpiPriorsAreMeridiansDefaultForAnOutcomeThatIsNotRevenue() {
    MixData data = series(1);
    MixPriors.Roi common = MixPriors.kpi().common(data);
    double spend = data.totalSpend("email") + data.totalSpend("search");
    double squares = Math.pow(data.totalSpend("email"), 2) + Math.pow(data.totalSpend("search"), 2);

    assertThat(common).isNotNull();
    assertThat(common.mean() * spend / data.totalOutcome()).isCloseTo(0.4, within(1e-12));
    assertThat(common.sd() * Math.sqrt(squares) / data.totalOutcome()).isCloseTo(0.2, within(1e-12));
    assertThat(MixPriors.defaults().common(data)).isEqualTo(new MixPriors.Roi(1.83, 2.04));
    assertThat(MixPriors.none().common(data)).isNull();
  }

  @Test
  void underTheKpiPriorsTheAnswerDoesNotDependOnTheOutcomesUnits() {
    MixSettings settings = MixSettings.weekly().withResamples(0);
    MixModel units = MarketingMix.fit(series(1), settings, List.of(), MixPriors.kpi());
    MixModel cents = MarketingMix.fit(series(100), settings, List.of(), MixPriors.kpi());

    for (int c = 0; c < 2; c++) {
      ChannelEffect a = units.effects().get(c);
      ChannelEffect b = cents.effects().get(c);
      assertThat(b.share()).as(a.channel()).isCloseTo(a.share(), within(1e-3));
      assertThat(b.roi() / 100).as(a.channel()).isCloseTo(a.roi(), within(1e-3 * a.roi()));
    }
  }

  /** Why the KPI priors exist: the revenue prior's fixed return per unit of money pulls ROIs in other units. */
  @Test
  void underTheRevenuePriorTheAnswerDependsOnTheUnits() {
    MixSettings settings = MixSettings.weekly().withResamples(0);
    MixModel units = MarketingMix.fit(series(1), settings, List.of(), MixPriors.defaults());
    MixModel cents = MarketingMix.fit(series(100), settings, List.of(), MixPriors.defaults());

    double moved = 0;
    for (int c = 0; c < 2; c++) {
      moved += Math.abs(units.effects().get(c).share() - cents.effects().get(c).share());
    }
    assertThat(moved).isGreaterThan(0.02);
  }

  @Test
  void aCommonRoiPriorAndAMediaSharePriorExcludeEachOther() {
    assertThatThrownBy(() -> new MixPriors(new MixPriors.Roi(1, 1), Map.of(), Map.of(),
        new MixPriors.MediaShare(0.4, 0.2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MixPriors.kpi(1, 0.2)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> MixPriors.kpi(0.4, 0)).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void aChannelsOwnPriorStaysWithTheKpiPriors() {
    MixPriors priors = MixPriors.kpi().withRoi("email", 0.5, 0.1).withHalfLife("search", 3, 2);

    assertThat(priors.mediaShare()).isEqualTo(new MixPriors.MediaShare(0.4, 0.2));
    assertThat(priors.channelRois()).containsEntry("email", new MixPriors.Roi(0.5, 0.1));
    assertThat(priors.halfLives()).containsKey("search");
  }

  /** Two channels whose spend moves in steps of different lengths, an outcome in the given units. */
  private static MixData series(double unit) {
    return SearchAndEmail.weeks(WEEKS, 0, unit, t -> 0).build();
  }
}
