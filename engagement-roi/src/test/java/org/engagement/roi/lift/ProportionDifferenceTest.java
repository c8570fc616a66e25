package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class ProportionDifferenceTest {

  /**
   * The Physicians' Health Study (aspirin and myocardial infarction) as worked in Agresti, <i>Categorical
   * Data Analysis</i> (2nd ed., 2002), section 2.2: placebo 189 heart attacks in 11,034 physicians,
   * aspirin 104 in 11,037. Agresti reports the difference 0.0077 with 95 % interval (0.005, 0.011), and
   * Pearson's X^2 = 25.01 for the table.
   *
   * <pre>
   * p1 = 189 / 11034 = 0.0171289, p2 = 104 / 11037 = 0.0094229, p1 - p2 = 0.0077060
   * unpooled se = sqrt(p1 q1 / 11034 + p2 q2 / 11037) = sqrt(1.52577e-6 + 8.4572e-7) = 0.00153996
   * 95 % CI = 0.0077060 -+ 1.959964 * 0.00153996 = (0.0046878, 0.0107243)
   * pooled p = 293 / 22071 = 0.0132753
   * pooled se = sqrt(0.0132753 * 0.9867247 * (1/11034 + 1/11037)) = 0.00154079
   * z = 0.0077060 / 0.00154079 = 5.00139; z^2 = 25.0139; p = 2 (1 - Phi(5.00139)) = 5.6919e-7
   * </pre>
   *
   * R {@code prop.test(c(189, 104), c(11034, 11037), correct = FALSE)} gives the same X-squared, p-value
   * and interval (checked with SciPy {@code chi2_contingency(correction=False)}: 25.013884, 5.691897e-7).
   */
  @Test
  void matchesAgrestiAspirinExample() {
    LiftEstimate test = ProportionDifference.test(Proportion.of(189, 11034), Proportion.of(104, 11037));

    assertThat(test.method()).isEqualTo(ProportionDifference.METHOD);
    assertThat(test.scale()).isEqualTo(LiftEstimate.Scale.DIFFERENCE);
    assertThat(test.treatment()).isCloseTo(0.017128874388, within(1e-11));
    assertThat(test.control()).isCloseTo(0.009422850412, within(1e-11));
    assertThat(test.absoluteLift()).isCloseTo(0.007706023976, within(1e-11));
    assertThat(test.relativeLift()).isCloseTo(0.007706023976 / 0.009422850412, within(1e-9));
    assertThat(test.standardError()).isCloseTo(0.0015399636548, within(1e-12));
    assertThat(test.interval().lower()).isCloseTo(0.0046877507, within(1e-9));
    assertThat(test.interval().upper()).isCloseTo(0.0107242973, within(1e-9));
    assertThat(test.interval().level()).isEqualTo(0.95);
    assertThat(test.statistic()).isCloseTo(5.001388204, within(1e-8));
    assertThat(test.statistic() * test.statistic()).isCloseTo(25.013883967, within(1e-7));
    assertThat(test.pValue()).isCloseTo(5.691896974e-7, within(1e-15));
    assertThat(test.degreesOfFreedom()).isInfinite();
    assertThat(test.estimate()).isEqualTo(test.absoluteLift());
  }

  /**
   * Holdout scaling on the aspirin data, aspirin as the treatment: at the placebo rate its 11,037
   * physicians would have had 11037 * 189 / 11034 = 189.0514 heart attacks; they had 104, so -85.0514.
   */
  @Test
  void incrementalSuccessesScaleTheControlRateToTheTreatedGroup() {
    assertThat(ProportionDifference.incrementalSuccesses(Proportion.of(104, 11037), Proportion.of(189, 11034)))
        .isCloseTo(104 - 11037 * 189.0 / 11034, within(1e-9))
        .isCloseTo(-85.0514, within(1e-4));
  }

  /** The z statistic squared is the uncorrected Pearson chi-square of the 2x2 table (Hipparchus). */
  @Test
  void zSquaredIsPearsonChiSquare() {
    LiftEstimate test = ProportionDifference.test(Proportion.of(45, 300), Proportion.of(30, 310));
    long[][] table = {{45, 255}, {30, 280}};
    ChiSquareTest chiSquare = new ChiSquareTest();
    assertThat(test.statistic() * test.statistic()).isCloseTo(chiSquare.chiSquare(table), within(1e-9));
    assertThat(test.pValue()).isCloseTo(chiSquare.chiSquareTest(table), within(1e-12));
  }

  /** A 90 % interval is narrower: 1.644854 instead of 1.959964 standard errors each side. */
  @Test
  void honoursTheConfidenceLevel() {
    LiftEstimate test = ProportionDifference.test(Proportion.of(189, 11034), Proportion.of(104, 11037), 0.90);
    assertThat(test.interval().level()).isEqualTo(0.90);
    assertThat(test.interval().upper() - test.absoluteLift())
        .isCloseTo(1.6448536270 * 0.0015399636548, within(1e-12));
  }

  @Test
  void identicalAllZeroGroupsShowNoEvidenceAndNoRelativeLift() {
    LiftEstimate test = ProportionDifference.test(Proportion.of(0, 50), Proportion.of(0, 80));
    assertThat(test.statistic()).isZero();
    assertThat(test.pValue()).isEqualTo(1.0);
    assertThat(test.relativeLift()).isNaN();
    assertThat(test.interval().lower()).isZero();
    assertThat(test.interval().upper()).isZero();
  }

  /** Control 0 of 100, treatment 5 of 100: lift 0.05, relative lift undefined (NaN), not infinite. */
  @Test
  void relativeLiftIsNaNWhenTheControlIsZero() {
    LiftEstimate test = ProportionDifference.test(Proportion.of(5, 100), Proportion.of(0, 100));
    assertThat(test.absoluteLift()).isCloseTo(0.05, within(1e-15));
    assertThat(test.relativeLift()).isNaN();
    assertThat(test.pValue()).isBetween(0.0, 0.05);
  }

  @Test
  void rejectsImpossibleCountsAndLevels() {
    assertThatThrownBy(() -> Proportion.of(11, 10))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("successes");
          assertThat(e.value()).isEqualTo("11");
          assertThat(e.rule()).contains("trials = 10");
        });
    assertThatThrownBy(() -> Proportion.of(-1, 10))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("successes"));
    assertThatThrownBy(() -> Proportion.of(0, 0))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("trials"));
    for (double level : new double[] {0, 1, -0.5, 95, Double.NaN}) {
      assertThatThrownBy(() -> ProportionDifference.test(Proportion.of(1, 10), Proportion.of(2, 10), level))
          .isInstanceOfSatisfying(InvalidFieldException.class,
              e -> assertThat(e.field()).isEqualTo("confidenceLevel"));
    }
  }
}
