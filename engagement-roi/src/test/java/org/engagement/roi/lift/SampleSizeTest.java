package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class SampleSizeTest {

  /**
   * A 10 % baseline conversion rate, a lift to 12 %, alpha 0.05 two-sided, power 0.8, by the reference's
   * formula (clv-segmentation.md, section 6):
   *
   * <pre>
   * pbar = 0.11; z(0.975) sqrt(2 * 0.11 * 0.89) = 1.959964 * 0.442493 = 0.867270
   * z(0.8) sqrt(0.10 * 0.90 + 0.12 * 0.88) = 0.841621 * 0.442267 = 0.372222
   * n = (0.867270 + 0.372222)^2 / 0.02^2 = 1.536340 / 0.0004 = 3840.85 -> 3841 per arm
   * </pre>
   *
   * R {@code power.prop.test(p1 = 0.10, p2 = 0.12, power = 0.8)} solves the same equation (its default
   * {@code strict = FALSE} ignores the far rejection region): n = 3840.85.
   */
  @Test
  void twoProportionsTenToTwelvePercent() {
    assertThat(SampleSize.twoProportions(0.10, 0.12, 0.05, 0.80)).isEqualTo(3841);
    assertThat(SampleSize.twoProportions(0.12, 0.10, 0.05, 0.80)).isEqualTo(3841);
  }

  /**
   * The example of R's {@code ?power.prop.test}: {@code power.prop.test(p1 = 0.50, p2 = 0.75, power =
   * 0.90)} gives n = 76.7 per group.
   *
   * <pre>
   * pbar = 0.625; 1.959964 * sqrt(2 * 0.625 * 0.375) = 1.341895
   * 1.281552 * sqrt(0.25 + 0.1875) = 0.847667
   * n = 2.189562^2 / 0.25^2 = 76.707 -> 77
   * </pre>
   */
  @Test
  void twoProportionsRPowerPropTestExample() {
    assertThat(SampleSize.twoProportions(0.50, 0.75, 0.05, 0.90)).isEqualTo(77);
  }

  /**
   * A difference of half a standard deviation, alpha 0.05, power 0.8: the textbook normal-approximation
   * answer 2 (1.959964 + 0.841621)^2 / 0.5^2 = 2 * 7.848879 / 0.25 = 62.79 -> 63 per arm.
   */
  @Test
  void twoMeansHalfAStandardDeviation() {
    assertThat(SampleSize.twoMeans(0.5, 1, 1, 0.05, 0.80)).isEqualTo(63);
    assertThat(SampleSize.twoMeans(-5, 10, 10, 0.05, 0.80)).isEqualTo(63);
  }

  @Test
  void rejectsNoLiftAndOutOfRangeArguments() {
    assertThatThrownBy(() -> SampleSize.twoProportions(0.1, 0.1, 0.05, 0.8))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("p2"));
    assertThatThrownBy(() -> SampleSize.twoProportions(0, 0.1, 0.05, 0.8))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("p1"));
    assertThatThrownBy(() -> SampleSize.twoProportions(0.1, 0.2, 1, 0.8))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("alpha"));
    assertThatThrownBy(() -> SampleSize.twoMeans(1, 1, 1, 0.05, 1))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("power"));
    assertThatThrownBy(() -> SampleSize.twoMeans(0, 1, 1, 0.05, 0.8))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("difference"));
    assertThatThrownBy(() -> SampleSize.twoMeans(1, 0, 1, 0.05, 0.8))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("sdTreatment"));
  }
}
