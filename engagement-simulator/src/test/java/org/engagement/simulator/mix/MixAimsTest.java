package org.engagement.simulator.mix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.engagement.roi.mix.MixSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's aims measured over seeds 1 to 8 of {@link MixWorldSpec#defaults} with 20 bootstrap resamples:
 * the mean absolute error of the contribution shares (aim 0.03), the share of true ROIs inside their 90 %
 * intervals (aim 0.8), and the true gain of the recommended split over the current one as a fraction of the
 * true optimum's gain within the same bounds, both valued on the true curves (aim 0.95), for the cautious
 * recommendation (the default) and the one without caution. The coverage aim is met (here and on the
 * misallocated world), the share and gain aims are not (see the README for the figures and why); the bounds below are the figures reached with a margin, so that
 * the test catches a change that makes them worse. The figures are measured by {@link MixAims}, which
 * {@link MixAimsReport} prints per seed. What the gain aim asks of this world is measured by {@link
 * MixGainDiagnosis}: the true optimum gains about 1 % of the outcome, and a fit given every channel's true
 * carry-over and saturation, solving only the levels, reaches +0.26 of that gain on seeds 1-8 and +0.74 on 9-16
 * (+0.54 and +0.65 with partnerships held); 95 % needs each level known to about 5 %. Where the prize is large
 * ({@link MixWorldSpec#misallocated}: the same curves, today's budget far from the optimum, which gains 9-13 % of
 * the outcome) the aim is not met either and so has no case here: the cautious plan reaches +0.48 (seeds 1-8) and
 * +0.49 (9-16), losing on no seed, held back by the channels it cannot pin down (the saturated channels that
 * should fund the move among them); without caution +0.88 and +0.82, against +0.90 and +0.96 for the oracle fit.
 * Releasing the held channels in the direction their marginal return's interval supports ({@link
 * org.engagement.roi.mix.BudgetRequest#releasingHeld()}, not the default) lifts the cautious plan there to +0.80
 * and +0.63, losing on no seed, but on this default world to +0.014 on seeds 1-8 (seed 3 at -0.652, against the
 * default's +0.080 and -0.109) and +0.279 on 9-16 (+0.181): {@link #releasingHeldChannelsWhereTheBudgetIsFarOff}.
 * The wider profile interval (h-mix10) does not mend seed 3: events' interval [0.20, 0.72] still misses its true
 * 1.33 (half-life estimated 1.2 weeks against 6), so the release cuts it.
 * Minutes long: tagged heavy ({@code -Precovery}).
 */
@Tag("heavy")
class MixAimsTest {
  private static final int SEEDS = 8;

  @Test
  void sharesIntervalsAndRecommendationsAgainstTheTruth() {
    double shareError = 0;
    int covered = 0;
    int intervals = 0;
    double gainRatio = 0;
    double expectedGainRatio = 0;
    double worst = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      MixAims aims = MixAims.measure(seed, MixSettings.weekly().withResamples(20));
      shareError += aims.shareError() / SEEDS;
      covered += aims.covered();
      intervals += aims.channels();
      gainRatio += aims.gainRatio() / SEEDS;
      expectedGainRatio += aims.expectedGainRatio() / SEEDS;
      worst = Math.min(worst, aims.gainRatio());
    }
    // 0.0338 measured since a channel the fit cannot pin down is reported at its profile posterior's mean
    // (fifteenth session; 0.0337 on seeds 9-16, 0.0310 on 17-24); 0.0396 at the fit's mode, which this bound fails
    assertThat(shareError).as("mean share error").isLessThan(0.036);
    // 0.875 measured (56 of 64; 0.875 on seeds 9-16 too, 0.844 on the selection seeds 17-24) since the profile
    // interval's threshold is the small-sample one (RoiProfile.intervalRise, fifteenth session); bound raised
    // from 0.79 to 0.84 (54 of 64), about the old margin. Before: 0.844 measured (54 of 64) since the profile
    // interval frees the other channels' carry-over where its own search rules a ROI out (issue 14, h-mix10:
    // partnerships on seeds 2 and 3, one more on seed 6; 0.797 on seeds 9-16, unchanged); 0.797 before, with
    // the Hill shape prior centred at 1 (0.781 at 1.5). The ROI interval is the union of the bootstrap's and
    // the profile's (0.563 with the bootstrap's alone, whose refits from the estimate share its bias). Bound
    // raised from 0.74 (set under 0.797) with about the same margin below 0.844.
    assertThat((double) covered / intervals).as("ROI coverage").isGreaterThanOrEqualTo(0.84);
    // the plan without caution (the default before issue 14's caution): -0.506 measured (-0.546 with the shape
    // prior at 1.5), losing outcome on 6 of 8 seeds (the bound was 0 while the harness paired the plan's channels
    // with the wrong true curves, +0.06)
    assertThat(expectedGainRatio).as("true gain over the true optimum's, without caution").isGreaterThan(-0.8);
    // the cautious plan (the default): 0.080 measured, losing on 3 of 8 seeds, the worst -0.109 (0.047 and -0.145
    // with the shape prior at 1.5)
    assertThat(gainRatio).as("true gain over the true optimum's").isGreaterThan(-0.1);
    assertThat(worst).as("the worst seed's true gain over the true optimum's").isGreaterThan(-0.3);
  }

  /**
   * {@link MixWorldSpec#misallocated}, seeds 1 to 8: the cautious plan releasing held channels ({@link
   * org.engagement.roi.mix.BudgetRequest#releasingHeld()}) measured +0.796 of the true optimum's gain, the worst
   * seed +0.624 (seeds 9-16: +0.635, the worst +0.374; +0.792 and +0.632 with the small-sample profile threshold,
   * which widens the intervals the release reads), against the default cautious plan's +0.478 (worst +0.002);
   * +0.799 and +0.634 before the profile interval freed the other channels' carry-over (h-mix10), which moves only
   * the released plans of seeds 1, 3 and 12 by less than 0.006. The bounds keep a margin below the figures.
   */
  @Test
  void releasingHeldChannelsWhereTheBudgetIsFarOff() {
    double released = 0;
    double worst = Double.POSITIVE_INFINITY;
    double cautious = 0;
    int covered = 0;
    int intervals = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      MixAims aims = MixAims.measure(MixWorldSpec.misallocated(seed), MixSettings.weekly().withResamples(20),
          List.of());
      released += aims.releasedGainRatio() / SEEDS;
      worst = Math.min(worst, aims.releasedGainRatio());
      cautious += aims.gainRatio() / SEEDS;
      covered += aims.covered();
      intervals += aims.channels();
    }
    // issue 14's coverage aim on this world too: 0.844 measured (54 of 64; 0.813 on seeds 9-16), 0.766 with the
    // asymptotic profile threshold
    assertThat((double) covered / intervals).as("ROI coverage").isGreaterThanOrEqualTo(0.8);
    assertThat(released).as("true gain over the true optimum's, releasing held channels").isGreaterThan(0.7);
    assertThat(worst).as("the worst seed's, releasing held channels").isGreaterThan(0.4);
    assertThat(cautious).as("true gain over the true optimum's, cautious default").isGreaterThan(0.4);
  }

  /**
   * The channel the series cannot see ({@code partnerships}, 17-week half-life, absorbed by trend and
   * intercept) calibrated by a 26-week lift test with a ±15 % interval: measured share error 0.0255, coverage
   * 0.797 (0.625 with the bootstrap's intervals alone) and gain ratio without caution 0.228 (positive on 7 of 8
   * seeds), against 0.040, 0.797 and -0.506 without the test (with the Hill shape prior at 1.5: 0.0264, 0.750,
   * 0.309).
   */
  @Test
  void aLiftTestOnTheUnseenChannelMeetsTheShareAim() {
    double shareError = 0;
    int covered = 0;
    int intervals = 0;
    double gainRatio = 0;
    double expectedGainRatio = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      MixAims aims = MixAims.measure(seed, MixSettings.weekly().withResamples(20), List.of("partnerships"));
      shareError += aims.shareError() / SEEDS;
      covered += aims.covered();
      intervals += aims.channels();
      gainRatio += aims.gainRatio() / SEEDS;
      expectedGainRatio += aims.expectedGainRatio() / SEEDS;
    }
    assertThat(shareError).as("mean share error").isLessThan(0.03);
    // 0.844 with the small-sample profile threshold (fifteenth session);
    // 0.797 measured with the profile intervals and the shape prior at 1 (0.750 at 1.5, 0.625 before the profile);
    // 0.828 (53 of 64) with the wider profile (h-mix10) and the LM refits (h-mix11), measured by h-mix12
    assertThat((double) covered / intervals).as("ROI coverage").isGreaterThan(0.7);
    // without caution, as before issue 14's caution: 0.228 measured (0.309 with the shape prior at 1.5): the
    // concave prior's price here; the bound is kept, so the margin is thin: 0.223 since the wider profile and the
    // LM refits (h-mix12, MixAimsReport -Dlift=partnerships; a point fit by LM instead of BOBYQA gave 0.220)
    assertThat(expectedGainRatio).as("true gain over the true optimum's, without caution").isGreaterThan(0.2);
    // the cautious plan (the default): 0.063 measured (-0.006 at 1.5; 0.062 by h-mix12), losing on 4 of 8 seeds:
    // it holds channels the fit cannot pin down (display, press) whose moves the lift-calibrated plan got right,
    // and keeps moves on channels that are confidently biased (events on seed 3)
    assertThat(gainRatio).as("true gain over the true optimum's").isGreaterThan(-0.2);
  }
}
