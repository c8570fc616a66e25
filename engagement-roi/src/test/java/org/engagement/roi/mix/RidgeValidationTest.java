package org.engagement.roi.mix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MarketingMix#validatedRidge}: a penalty of its grid for a series long enough for its two folds, the
 * settings' own for a shorter one, the same for the same data.
 */
class RidgeValidationTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);

  private static MixData weeks(int count) {
    MixData.Builder builder = MixData.builder();
    for (int t = 0; t < count; t++) {
      double search = 100 + 60 * ((t / 4) % 3);
      double display = 80 + 50 * ((t / 5) % 2);
      builder.spend(START.plusWeeks(t), "search", search).spend(START.plusWeeks(t), "display", display)
          .outcome(START.plusWeeks(t), 1_000 + 3 * search + 0.5 * display + 20 * Math.sin(t));
    }
    return builder.build();
  }

  @Test
  void aLongEnoughSeriesGetsAPenaltyOfTheGridDeterministically() {
    MixSettings settings = MixSettings.weekly().withResamples(0).withRidge(0.5);
    MixData data = weeks(60);
    double chosen = MarketingMix.validatedRidge(data, settings, List.of(), MixPriors.defaults());
    assertThat(Arrays.stream(RidgeValidation.GRID).boxed().toList()).contains(chosen);
    assertThat(MarketingMix.validatedRidge(data, settings, List.of(), MixPriors.defaults())).isEqualTo(chosen);
  }

  @Test
  void aSeriesTooShortForTwoFoldsKeepsTheSettingsPenalty() {
    MixSettings settings = MixSettings.weekly().withResamples(0).withRidge(0.5);
    assertThat(MarketingMix.validatedRidge(weeks(51), settings, List.of(), MixPriors.defaults())).isEqualTo(0.5);
  }
}
