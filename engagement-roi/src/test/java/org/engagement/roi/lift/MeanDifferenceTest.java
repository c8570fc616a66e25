package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class MeanDifferenceTest {
  /**
   * Student's (1908) sleep data, R's {@code sleep} data set: extra hours of sleep under two drugs, ten
   * patients each (Cushny and Peebles).
   */
  static final double[] SLEEP_GROUP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};

  static final double[] SLEEP_GROUP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  /**
   * R {@code t.test(extra ~ group, data = sleep)} (Welch): t = -1.8608, df = 17.776, p-value = 0.07939,
   * 95 percent CI -3.3654832 0.2054832, means 0.75 and 2.33 (SciPy {@code ttest_ind(equal_var=False)}
   * agrees: t = -1.860813467, df = 17.776473516, p = 0.079394140).
   *
   * <pre>
   * m1 = 7.5 / 10 = 0.75, v1 = 3.200556; m2 = 23.3 / 10 = 2.33, v2 = 4.009000
   * se = sqrt(3.200556 / 10 + 4.009 / 10) = sqrt(0.7209556) = 0.849091
   * t = (0.75 - 2.33) / 0.849091 = -1.860813
   * df = 0.7209556^2 / (0.0320056^2 / 9 + 0.0400900^2 / 9) = 17.7765
   * </pre>
   */
  @Test
  void matchesRsWelchTestOnTheSleepData() {
    LiftEstimate test = MeanDifference.test(SLEEP_GROUP_1, SLEEP_GROUP_2);

    assertThat(test.method()).isEqualTo(MeanDifference.METHOD);
    assertThat(test.treatment()).isCloseTo(0.75, within(1e-12));
    assertThat(test.control()).isCloseTo(2.33, within(1e-12));
    assertThat(test.absoluteLift()).isCloseTo(-1.58, within(1e-12));
    assertThat(test.relativeLift()).isCloseTo(-1.58 / 2.33, within(1e-12));
    assertThat(test.statistic()).isCloseTo(-1.860813467, within(1e-8));
    assertThat(test.degreesOfFreedom()).isCloseTo(17.776473516, within(1e-8));
    assertThat(test.pValue()).isCloseTo(0.079394140, within(1e-8));
    assertThat(test.interval().lower()).isCloseTo(-3.3654832, within(1e-7));
    assertThat(test.interval().upper()).isCloseTo(0.2054832, within(1e-7));
  }

  @Test
  void summariesGiveTheSameResultAsRawValues() {
    LiftEstimate raw = MeanDifference.test(SLEEP_GROUP_1, SLEEP_GROUP_2, 0.99);
    LiftEstimate summarised = MeanDifference.test(SampleSummary.of(SLEEP_GROUP_1), SampleSummary.of(SLEEP_GROUP_2), 0.99);
    assertThat(summarised).isEqualTo(raw);
    assertThat(SampleSummary.of(SLEEP_GROUP_1).variance()).isCloseTo(3.2005556, within(1e-7));
  }

  /**
   * Card and Krueger (1994), "Minimum Wages and Employment", <i>AER</i> 84(4), Table 3, row 3: change in
   * mean full-time-equivalent employment per store, New Jersey (treated, 331 stores) 0.59 (s.e. 0.54),
   * Pennsylvania (control, 79 stores) -2.16 (s.e. 1.25); difference in differences 2.76 (s.e. 1.36).
   *
   * <pre>
   * DiD = 0.59 - (-2.16) = 2.75 (the paper's 2.76 comes from unrounded means)
   * se = sqrt(0.54^2 + 1.25^2) = sqrt(0.2916 + 1.5625) = 1.36165 -> 1.36 as published
   * t = 2.75 / 1.36165 = 2.01960; Welch df = 1.8541^2 / (0.2916^2 / 330 + 1.5625^2 / 78) = 108.93
   * </pre>
   */
  @Test
  void reproducesCardAndKruegersDifferenceInDifferencesStandardError() {
    SampleSummary newJersey = SampleSummary.fromStandardError(331, 0.59, 0.54);
    SampleSummary pennsylvania = SampleSummary.fromStandardError(79, -2.16, 1.25);

    LiftEstimate test = MeanDifference.test(newJersey, pennsylvania);

    assertThat(test.absoluteLift()).isCloseTo(2.75, within(1e-12));
    assertThat(test.standardError()).isCloseTo(1.36, within(0.005));
    assertThat(test.standardError()).isCloseTo(1.361653407, within(1e-9));
    assertThat(test.statistic()).isCloseTo(2.019603510, within(1e-8));
    assertThat(test.degreesOfFreedom()).isCloseTo(108.933208936, within(1e-6));
    assertThat(test.pValue()).isCloseTo(0.0458796, within(1e-6));
  }

  /** No spread at all: equal means give t = 0 and p = 1, different means t = -Infinity and p = 0. */
  @Test
  void constantGroupsGiveADegenerateButDefinedResult() {
    LiftEstimate same = MeanDifference.test(new double[] {2, 2, 2}, new double[] {2, 2});
    assertThat(same.statistic()).isZero();
    assertThat(same.pValue()).isEqualTo(1.0);
    assertThat(same.degreesOfFreedom()).isEqualTo(3.0);

    LiftEstimate apart = MeanDifference.test(new double[] {1, 1, 1}, new double[] {2, 2});
    assertThat(apart.statistic()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(apart.pValue()).isZero();
    assertThat(apart.interval().lower()).isEqualTo(-1.0);
    assertThat(apart.interval().upper()).isEqualTo(-1.0);
  }

  @Test
  void rejectsGroupsTooSmallToEstimateAVariance() {
    assertThatThrownBy(() -> MeanDifference.test(new double[] {1}, new double[] {1, 2}))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("treatment.length");
          assertThat(e.value()).isEqualTo("1");
        });
    assertThatThrownBy(() -> MeanDifference.test(new SampleSummary(5, 1, 1), new SampleSummary(1, 1, 0)))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("control.count"));
    assertThatThrownBy(() -> MeanDifference.test(new double[] {1, Double.NaN}, new double[] {1, 2}))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("treatment[1]"));
    assertThatThrownBy(() -> new SampleSummary(3, 1, -0.1))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("variance"));
  }
}
