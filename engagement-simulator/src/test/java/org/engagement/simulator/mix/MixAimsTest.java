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
 * true optimum's gain within the same bounds, both valued on the true curves (aim 0.95). The aims are not met
 * (see the README for the figures and why); the bounds below are the figures reached with a margin, so that
 * the test catches a change that makes them worse. The figures are measured by {@link MixAims}, which
 * {@link MixAimsReport} prints per seed. Minutes long: tagged heavy ({@code -Precovery}).
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
    for (long seed = 1; seed <= SEEDS; seed++) {
      MixAims aims = MixAims.measure(seed, MixSettings.weekly().withResamples(20));
      shareError += aims.shareError() / SEEDS;
      covered += aims.covered();
      intervals += aims.channels();
      gainRatio += aims.gainRatio() / SEEDS;
    }
    assertThat(shareError).as("mean share error").isLessThan(0.045);
    assertThat((double) covered / intervals).as("ROI coverage").isGreaterThan(0.5);
    // -0.547 measured: the recommendation loses outcome on 6 of 8 seeds (the bound was 0 while the harness paired
    // the plan's channels with the wrong true curves, which gave +0.06)
    assertThat(gainRatio).as("true gain over the true optimum's").isGreaterThan(-0.8);
  }

  /**
   * The channel the series cannot see ({@code partnerships}, 17-week half-life, absorbed by trend and
   * intercept) calibrated by a 26-week lift test with a ±15 % interval: measured share error 0.0264, coverage
   * 0.625 and gain ratio 0.307 (positive on 7 of 8 seeds), against 0.040, 0.563 and -0.547 without it.
   */
  @Test
  void aLiftTestOnTheUnseenChannelMeetsTheShareAim() {
    double shareError = 0;
    int covered = 0;
    int intervals = 0;
    double gainRatio = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      MixAims aims = MixAims.measure(seed, MixSettings.weekly().withResamples(20), List.of("partnerships"));
      shareError += aims.shareError() / SEEDS;
      covered += aims.covered();
      intervals += aims.channels();
      gainRatio += aims.gainRatio() / SEEDS;
    }
    assertThat(shareError).as("mean share error").isLessThan(0.03);
    assertThat((double) covered / intervals).as("ROI coverage").isGreaterThan(0.55);
    assertThat(gainRatio).as("true gain over the true optimum's").isGreaterThan(0.2);
  }
}
