package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

  /**
   * Student's sleep data read as the same ten patients under both drugs: R {@code
   * t.test(sleep$extra[1:10], sleep$extra[11:20], paired = TRUE)} gives t = -4.0621, df = 9, p-value =
   * 0.002833, 95 percent CI -2.4598858 -0.7001142, mean difference -1.58 (SciPy {@code ttest_rel}: t =
   * -4.062127683, p = 0.002832890).
   *
   * <pre>
   * d = group1 - group2 = -1.2 -2.4 -1.3 -1.3 0 -1 -1.8 -0.8 -4.6 -1.4; mean -1.58
   * sd(d) = 1.229995, se = 1.229995 / sqrt(10) = 0.388959, t = -1.58 / 0.388959 = -4.062128
   * </pre>
   *
   * Here "pre" is group 2 and "post" group 1, so that post - pre is R's x - y.
   */
  @Test
  void matchesRsPairedTestOnTheSleepData() {
    LiftEstimate test = PairedDifference.test(MeanDifferenceTest.SLEEP_GROUP_2, MeanDifferenceTest.SLEEP_GROUP_1);

    assertThat(test.method()).isEqualTo(PairedDifference.METHOD);
    assertThat(test.treatment()).isCloseTo(0.75, within(1e-12));
    assertThat(test.control()).isCloseTo(2.33, within(1e-12));
    assertThat(test.absoluteLift()).isCloseTo(-1.58, within(1e-12));
    assertThat(test.standardError()).isCloseTo(0.388958725, within(1e-8));
    assertThat(test.statistic()).isCloseTo(-4.062127683, within(1e-8));
    assertThat(test.degreesOfFreedom()).isEqualTo(9.0);
    assertThat(test.pValue()).isCloseTo(0.002832890, within(1e-8));
    assertThat(test.interval().lower()).isCloseTo(-2.4598858, within(1e-7));
    assertThat(test.interval().upper()).isCloseTo(-0.7001142, within(1e-7));
  }

  @Test
  void rejectsUnpairedArrays() {
    assertThatThrownBy(() -> PairedDifference.test(new double[] {1, 2, 3}, new double[] {1, 2}))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("post.length");
          assertThat(e.rule()).contains("pre.length (3)");
        });
  }
}
