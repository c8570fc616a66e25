package org.engagement.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.engagement.attribution.calibration.LiftResult;
import org.junit.jupiter.api.Test;

/** When the report calls an experiment too small to calibrate shares, and what holdout it says would do. */
class ExperimentsTest {

  @Test
  void anIntervalWiderThanThreePercentOfTheConversionsIsTooSmallWithThePeopleNeeded() {
    // Google Ads on the confounded world at 5,000 people: [16.8, 104.0] is ±43.6 against 632 conversions, a
    // share error of up to 0.069; (0.069 / 0.03)² = 5.29 times the people: 26,442, shown as 27,000.
    String note = Experiments.tooSmall(new LiftResult("google-ads", 60.4, 16.8, 104.0), 632, 5_000L).orElseThrow();
    assertThat(note).isEqualTo("experiment on google-ads too small to calibrate shares: its interval is ±43.6"
        + " conversions, 6.9% of the journeys' 632, so the channel's calibrated share can be off by up to 0.069"
        + " (the aim of the recovery tests is 0.03); a holdout of about 27,000 people, held out in the same share,"
        + " would bring it to 0.03");
  }

  @Test
  void aNarrowIntervalIsNotTooSmallAndALiftFileRowNamesNoHoldoutSize() {
    assertThat(Experiments.tooSmall(new LiftResult("press", 140, 125, 155), 632, 5_000L)).isEmpty();
    assertThat(Experiments.tooSmall(new LiftResult("press", 140, 80, 200), 632, null)).get().asString()
        .endsWith("(the aim of the recovery tests is 0.03)");
  }
}
