package org.engagement.clv.summary;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The unit in which repeat-buying models measure time (recency, age, horizons and rates).
 *
 * <p>Every length is a fixed number of days, so a duration in this unit is simply the number of calendar
 * days between two {@link LocalDate}s divided by {@link #days()}: no time zone and no daylight-saving
 * transition takes part. {@link #DAY} is 1 day, {@link #WEEK} is 7 days (the CDNOW results use weeks) and
 * {@link #MONTH} is the mean Gregorian month, 365.25 / 12 = 30.4375 days, not a calendar month, so that
 * rates stay proportional across units ({@code 1 MONTH = 30.4375 / 7 WEEK}).
 *
 * <p>Immutable and thread-safe, being an enum.
 *
 * @since 0.1.0
 */
public enum PeriodUnit {
  /** One calendar day. */
  DAY(1.0),
  /** Seven days. */
  WEEK(7.0),
  /** The mean Gregorian month: 365.25 / 12 = 30.4375 days. */
  MONTH(365.25 / 12.0);

  private final double days;

  PeriodUnit(double days) {
    this.days = days;
  }

  /** The length of one unit in days. */
  public double days() {
    return days;
  }

  /**
   * The time from {@code from} to {@code to} in this unit: the number of days between them divided by
   * {@link #days()}; negative when {@code to} is before {@code from}.
   */
  public double between(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) / days;
  }

  /** Converts {@code amount} of this unit to {@code target}, e.g. {@code WEEK.convert(52, DAY) = 364}. */
  public double convert(double amount, PeriodUnit target) {
    return amount * days / target.days;
  }
}
