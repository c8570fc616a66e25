package org.engagement.roi.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/** Lift tests the model cannot use as they are: none is dropped or bent without a word. */
class MixLiftEdgesTest {
  private static final LocalDate START = SearchAndEmail.START;
  private static final int WEEKS = 60;
  private static final MixSettings SETTINGS = MixSettings.weekly().withResamples(0);

  /** Before, such a test was skipped without a word and the fit ran as if it had not been given. */
  @Test
  void aTestBeforeTheChannelEverSpentIsRefused() {
    LiftTest early = new LiftTest("email", START.plusWeeks(5), START.plusWeeks(10), 500, 400, 600);

    assertThatThrownBy(() -> MarketingMix.fit(series(), SETTINGS, List.of(early)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("to '" + START.plusWeeks(10) + "' is invalid: must come after some spend on email, which spends"
            + " nothing up to then, so the test measured nothing the channel's spend did");
  }

  @Test
  void aTestSayingTheChannelHurtsIsHeldAtZeroAndSaysSo() {
    LiftTest hurts = new LiftTest("search", START.plusWeeks(30), START.plusWeeks(39), -900, -1_200, -600);

    MixModel model = MarketingMix.fit(series(), SETTINGS, List.of(hurts));

    assertThat(model.effect("search").contribution()).isZero();
    assertThat(model.warnings()).filteredOn(w -> w.channel().equals("search"))
        .filteredOn(w -> w.kind() == MixWarning.Kind.NO_EFFECT).singleElement()
        .satisfies(w -> assertThat(w.message()).contains("measured -900.0 [-1200.0, -600.0], below 0")
            .contains("cannot be negative").doesNotContain("a lift test would settle it"));
  }

  /**
   * The same interval at a higher level says the experiment is surer: its standard error (half-width over the
   * normal quantile) is smaller, so the fit's contribution over the test moves nearer the test's estimate. The
   * estimate sits at 0.8 of the uncalibrated fit's contribution, inside an interval wide enough that its bounds
   * never bind; a test without a level is read at 90 %.
   */
  @Test
  void aSurerTestPullsTheFitNearerItsEstimate() {
    LocalDate from = START.plusWeeks(30);
    LocalDate to = START.plusWeeks(39);
    double free = MarketingMix.fit(series(), SETTINGS).contribution("email", 30, 39);
    double estimate = 0.8 * free;
    double[] gap = new double[3];
    double[] levels = {0.5, 0.9, 0.99};
    for (int i = 0; i < levels.length; i++) {
      LiftTest test = new LiftTest("email", from, to, estimate, 0.5 * free, 1.1 * free, levels[i]);
      gap[i] = Math.abs(MarketingMix.fit(series(), SETTINGS, List.of(test)).contribution("email", 30, 39)
          - estimate);
    }
    assertThat(gap[2]).isLessThan(gap[1]);
    assertThat(gap[1]).isLessThan(gap[0]);
    LiftTest unstated = new LiftTest("email", from, to, estimate, 0.5 * free, 1.1 * free);
    assertThat(unstated.level()).isEqualTo(0.9);
    assertThat(Math.abs(MarketingMix.fit(series(), SETTINGS, List.of(unstated)).contribution("email", 30, 39)
        - estimate)).isEqualTo(gap[1]);
    assertThatThrownBy(() -> new LiftTest("email", from, to, 1, 0, 2, 0.4)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("must be at least 0.5 and less than 1");
  }

  /** Search in steps; email from week 20 on, in steps of another length. */
  private static MixData series() {
    return SearchAndEmail.weeks(WEEKS, 20, 1, t -> 0).build();
  }
}
