package org.engagement.core.engagement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The length of the periods of an engagement time series: calendar days, ISO weeks (Monday to Sunday)
 * or calendar months, in the time zone of the {@link EngagementTimeline}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum Granularity {
  /** Calendar days. */
  DAY,
  /** ISO weeks, starting on Monday. */
  WEEK,
  /** Calendar months. */
  MONTH;

  /** The first day of the period that holds {@code date}. */
  public LocalDate periodStart(LocalDate date) {
    return switch (this) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  /** The first day of the period after the one that holds {@code date}. */
  public LocalDate nextPeriodStart(LocalDate date) {
    LocalDate start = periodStart(date);
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  /** How many periods run from the one holding {@code from} to the one holding {@code to}, both included. */
  public long periodsBetween(LocalDate from, LocalDate to) {
    LocalDate first = periodStart(from);
    LocalDate last = periodStart(to);
    long steps =
        switch (this) {
          case DAY -> ChronoUnit.DAYS.between(first, last);
          case WEEK -> ChronoUnit.WEEKS.between(first, last);
          case MONTH -> ChronoUnit.MONTHS.between(first, last);
        };
    return steps + 1;
  }
}
