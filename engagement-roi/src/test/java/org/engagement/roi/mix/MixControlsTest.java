package org.engagement.roi.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A control (a price that moves the outcome independently of the spend) enters the fit as a column of the
 * baseline: its effect is found there, and without it the baseline has none.
 */
class MixControlsTest {
  private static final int WEEKS = 104;
  private static final double EFFECT = 300;

  @Test
  void aControlsEffectIsFoundInTheBaseline() {
    double[] price = new double[WEEKS];
    Random random = new Random(7);
    for (int t = 0; t < WEEKS; t++) {
      price[t] = random.nextGaussian();
    }
    MixSettings settings = MixSettings.weekly().withResamples(0);

    MixModel with = MarketingMix.fit(series(price, true), settings);
    MixModel without = MarketingMix.fit(series(price, false), settings);

    assertThat(with.data().controlNames()).containsExactly("price");
    assertThat(slope(with.baseline(), price)).isCloseTo(EFFECT, within(0.15 * EFFECT));
    assertThat(Math.abs(slope(without.baseline(), price))).isLessThan(0.2 * EFFECT);
  }

  /** The least-squares slope of {@code y} on {@code x}, both centred. */
  private static double slope(double[] y, double[] x) {
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < x.length; t++) {
      sxy += (x[t] - mx) * (y[t] - my);
      sxx += (x[t] - mx) * (x[t] - mx);
    }
    return sxy / sxx;
  }

  private static MixData series(double[] price, boolean control) {
    MixData.Builder builder = SearchAndEmail.weeks(WEEKS, 0, 1, t -> EFFECT * price[t]);
    for (int t = 0; control && t < WEEKS; t++) {
      builder.control(SearchAndEmail.START.plusWeeks(t), "price", price[t]);
    }
    return builder.build();
  }
}
