package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link Caution} on hand-made curves (no carry-over; Hill curves of shape 1 with half-saturation 1 at a mean
 * spend of 100), so every value can be worked out by hand.
 */
class CautionTest {
  private static ChannelCurve curve(double maxEffect) {
    return new ChannelCurve(0, 0, 0, 1, 1, 100, maxEffect);
  }

  @Test
  void atTheCurrentSpendAResponseIsTheMeanAndAwayFromItTheSpreadOfTheChangeCosts() {
    List<List<ChannelCurve>> draws = List.of(List.of(curve(100)), List.of(curve(200)), List.of(curve(300)));
    DoubleUnaryOperator response = Caution.responses(draws, new double[] {100})[0];

    // at 100 each curve gives half its maximum: 50, 100, 150
    assertThat(response.applyAsDouble(100)).isCloseTo(100, within(1e-9));
    // at 300 each gives three quarters: 75, 150, 225; the changes 25, 50, 75 have sd 25
    assertThat(response.applyAsDouble(300)).isCloseTo(150 - 1.2815515655446004 * 25, within(1e-9));
  }

  @Test
  void aPlanTheDrawsDisagreeOnIsScaledBackToTheCurrentSplit() {
    double[] current = {100, 100};
    double[] moved = {50, 150};
    List<ChannelCurve> estimate = List.of(curve(100), curve(200));
    // in half of the draws the first channel is the stronger one: the move loses there
    List<List<ChannelCurve>> split = List.of(List.of(curve(100), curve(200)), List.of(curve(300), curve(100)));

    assertThat(Caution.scaledBack(estimate, split, current, moved, 0.9)).containsExactly(current);
  }

  @Test
  void aPlanEveryDrawAgreesOnIsKept() {
    double[] current = {100, 100};
    double[] moved = {50, 150};
    List<ChannelCurve> estimate = List.of(curve(100), curve(200));
    List<List<ChannelCurve>> agree = List.of(List.of(curve(100), curve(200)), List.of(curve(90), curve(250)));

    assertThat(Caution.scaledBack(estimate, agree, current, moved, 0.9)).containsExactly(moved);
  }
}
