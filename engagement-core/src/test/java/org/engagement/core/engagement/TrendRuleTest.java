package org.engagement.core.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class TrendRuleTest {
  private static final TrendRule DEFAULTS = TrendRule.defaults();

  @Test
  void defaultsAreThreePeriodsAndTenPercent() {
    assertThat(DEFAULTS).isEqualTo(new TrendRule(3, 0.1));
  }

  @Test
  void tooShortOrAllZeroIsStable() {
    assertThat(DEFAULTS.classify(series())).isEqualTo(Trend.STABLE);
    assertThat(DEFAULTS.classify(series(5))).isEqualTo(Trend.STABLE);
    assertThat(DEFAULTS.classify(series(0, 0))).isEqualTo(Trend.STABLE);
  }

  @Test
  void comparesTheLastPeriodWithTheMeanOfThePreviousOnes() {
    // mean of 8, 10, 12 = 10; rising above 11, falling below 9
    assertThat(DEFAULTS.classify(series(8, 10, 12, 11.5))).isEqualTo(Trend.RISING);
    assertThat(DEFAULTS.classify(series(8, 10, 12, 10.9))).isEqualTo(Trend.STABLE);
    assertThat(DEFAULTS.classify(series(8, 10, 12, 9.1))).isEqualTo(Trend.STABLE);
    assertThat(DEFAULTS.classify(series(8, 10, 12, 8.9))).isEqualTo(Trend.FALLING);
    // from nothing to something is rising
    assertThat(DEFAULTS.classify(series(0, 0, 0.001))).isEqualTo(Trend.RISING);
    // with two periods the mean is the one before: 4 against 5
    assertThat(DEFAULTS.classify(series(5, 4))).isEqualTo(Trend.FALLING);
  }

  @Test
  void lookbackLimitsThePeriodsAveraged() {
    // lookback 3: mean of 1, 1, 1 = 1, so 1 is stable; lookback 4: mean of 100, 1, 1, 1 = 25.75, so falling
    assertThat(new TrendRule(3, 0.1).classify(series(100, 1, 1, 1, 1))).isEqualTo(Trend.STABLE);
    assertThat(new TrendRule(4, 0.1).classify(series(100, 1, 1, 1, 1))).isEqualTo(Trend.FALLING);
    assertThat(series(100, 1, 1, 1, 1).trend(new TrendRule(4, 0.1))).isEqualTo(Trend.FALLING);
  }

  @Test
  void zeroThresholdCallsAnyChange() {
    TrendRule strict = new TrendRule(1, 0);

    assertThat(strict.classify(series(2, 2))).isEqualTo(Trend.STABLE);
    assertThat(strict.classify(series(2, 2.0001))).isEqualTo(Trend.RISING);
    assertThat(strict.classify(series(2, 1.9999))).isEqualTo(Trend.FALLING);
  }

  @Test
  void badRulesNameFieldValueAndRule() {
    assertThatThrownBy(() -> new TrendRule(0, 0.1))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("lookback '0' is invalid: must be between 1 and 1000");
    assertThatThrownBy(() -> new TrendRule(3, 1))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("threshold '1.0' is invalid: must be a finite number at least 0 and below 1");
    assertThatThrownBy(() -> new TrendRule(3, Double.NaN)).hasMessageStartingWith("threshold 'NaN' is invalid");
    assertThatThrownBy(() -> new TrendRule(3, -0.1)).hasMessageStartingWith("threshold '-0.1' is invalid");
  }

  @Test
  void pointsRefuseNegativeScores() {
    assertThatThrownBy(() -> new EngagementPoint(LocalDate.parse("2024-01-01"), Instant.EPOCH, -1))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("score '-1.0' is invalid: must be a finite number not below 0");
  }

  private static EngagementSeries series(double... scores) {
    List<EngagementPoint> points = new ArrayList<>();
    LocalDate day = LocalDate.parse("2024-01-01");
    for (double score : scores) {
      points.add(new EngagementPoint(day, Instant.EPOCH, score));
      day = day.plusDays(1);
    }
    return new EngagementSeries(Granularity.DAY, points);
  }
}
