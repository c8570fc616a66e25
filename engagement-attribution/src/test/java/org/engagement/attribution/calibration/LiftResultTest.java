package org.engagement.attribution.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class LiftResultTest {
  /** z(0.975) and z(0.95), the standard normal quantiles of a two-sided 95 % and 90 % interval. */
  private static final double Z95 = 1.959963984540054;
  private static final double Z90 = 1.6448536269514722;

  @Test
  void anIntervalWithoutALevelIsReadAsNinetyFivePercent() {
    assertThat(new LiftResult("search", 10, 6, 16).level()).isEqualTo(0.95);
  }

  /**
   * The draw is a split normal through the interval: the standard normal quantile of the level lands on the
   * interval's end on its side, each side with its own spread, and the interval moves with the estimate.
   */
  @Test
  void aDrawAtTheLevelsQuantileLandsOnTheIntervalsEnd() {
    LiftResult lift = new LiftResult("search", 10, 6, 16);
    assertThat(lift.drawn(Z95).incrementalConversions()).isCloseTo(16, within(1e-9));
    assertThat(lift.drawn(-Z95).incrementalConversions()).isCloseTo(6, within(1e-9));
    assertThat(lift.drawn(0)).isEqualTo(lift);
    LiftResult up = lift.drawn(Z95 / 2);
    assertThat(up.incrementalConversions()).isCloseTo(13, within(1e-9));
    assertThat(up.low()).isCloseTo(9, within(1e-9));
    assertThat(up.high()).isCloseTo(19, within(1e-9));
    assertThat(up.level()).isEqualTo(0.95);
    LiftResult ninety = new LiftResult("search", 10, 6, 16, 0.9);
    assertThat(ninety.drawn(Z90).incrementalConversions()).isCloseTo(16, within(1e-9));
    assertThat(ninety.drawn(-Z90).incrementalConversions()).isCloseTo(6, within(1e-9));
  }

  /** Over many standard normal draws the drawn estimates fall inside the interval as often as its level says. */
  @Test
  void drawsFallInsideTheIntervalAsOftenAsItsLevelSays() {
    LiftResult lift = new LiftResult("search", 40, 10, 55, 0.8);
    SplittableRandom random = new SplittableRandom(3);
    int inside = 0;
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      if (lift.contains(lift.drawn(random.nextGaussian()).incrementalConversions())) {
        inside++;
      }
    }
    // Binomial sd at 0.8 over 200,000 draws is 0.0009; 0.005 is more than five of them.
    assertThat(inside / (double) draws).isCloseTo(0.8, within(0.005));
  }

  /** Each side's distance from the estimate scales with the quantile: at 90 % a 95 % interval shrinks by 0.8392. */
  @Test
  void anIntervalAtAnotherLevelKeepsTheEstimateAndEachSidesShape() {
    LiftResult lift = new LiftResult("search", 10, 6, 16);
    LiftResult ninety = lift.atLevel(0.9);
    assertThat(ninety.incrementalConversions()).isEqualTo(10);
    assertThat(ninety.low()).isCloseTo(10 - 4 * Z90 / Z95, within(1e-9));
    assertThat(ninety.high()).isCloseTo(10 + 6 * Z90 / Z95, within(1e-9));
    assertThat(ninety.level()).isEqualTo(0.9);
    LiftResult back = ninety.atLevel(0.95);
    assertThat(back.low()).isCloseTo(6, within(1e-9));
    assertThat(back.high()).isCloseTo(16, within(1e-9));
    assertThatThrownBy(() -> lift.atLevel(1)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("level");
  }

  @Test
  void anIntervalOfNoWidthDrawsItself() {
    LiftResult exact = new LiftResult("search", 7, 7, 7);
    assertThat(exact.drawn(2.5)).isEqualTo(exact);
  }

  @Test
  void refusesALevelOutsideTheOpenUnitIntervalAndANonFiniteDraw() {
    for (double level : new double[] {0, 1, -0.5, 95, Double.NaN}) {
      assertThatThrownBy(() -> new LiftResult("search", 10, 6, 16, level)).isInstanceOf(InvalidFieldException.class)
          .hasMessageContaining("level").hasMessageContaining("must be greater than 0 and less than 1");
    }
    assertThatThrownBy(() -> new LiftResult("search", 10, 6, 16, 1e-320)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("rounds to none");
    assertThat(new LiftResult("search", 10, 6, 16, 1e-15).drawn(1).incrementalConversions()).isFinite();
    assertThatThrownBy(() -> new LiftResult("search", 10, 6, 16).drawn(Double.NaN))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must be a finite number");
  }
}
