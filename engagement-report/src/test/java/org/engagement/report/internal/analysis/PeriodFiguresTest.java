package org.engagement.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Where the summary's two halves meet (issue 15: cut at an instant in the middle of a day, both halves showed
 * 2025-01-01): always at the start of a day, at a month's first day when one is near the middle.
 */
class PeriodFiguresTest {
  /** The bundled world's 729 days from 2024-01-03: the middle day 2025-01-02 moves one day, to the year's start. */
  @Test
  void aTwoYearWindowIsCutAtTheYear() {
    assertThat(PeriodFigures.split(LocalDate.of(2024, 1, 3), 729)).isEqualTo(LocalDate.of(2025, 1, 1));
  }

  /** 61 days from 2024-01-05: the middle day 2024-02-05 is 4 days from 2024-02-01, more than 5% of 61. */
  @Test
  void aMonthsFirstDayFarFromTheMiddleIsNotUsed() {
    assertThat(PeriodFigures.split(LocalDate.of(2024, 1, 5), 61)).isEqualTo(LocalDate.of(2024, 2, 5));
  }

  /** 80 days from 2024-01-20: the middle day 2024-02-29 moves forward one day, to 2024-03-01. */
  @Test
  void theCutMovesForwardToTheNearestFirstDay() {
    assertThat(PeriodFigures.split(LocalDate.of(2024, 1, 20), 80)).isEqualTo(LocalDate.of(2024, 3, 1));
  }

  /** Two days: one each; the first day of a month that is the window's first day is no cut. */
  @Test
  void theShortestWindowHasADayInEachHalf() {
    assertThat(PeriodFigures.split(LocalDate.of(2024, 3, 31), 2)).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(PeriodFigures.split(LocalDate.of(2024, 3, 1), 2)).isEqualTo(LocalDate.of(2024, 3, 2));
  }
}
