package org.engagement.clv.prediction;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The rate at which future money is discounted, with the period the rate is quoted for.
 *
 * <p>Rates are quoted per year ({@link #annual(double)}: 15 % a year is {@code annual(0.15)}) or per
 * period of a {@link PeriodUnit} ({@link #per(double, PeriodUnit)}: lifetimes' default "0.01 a month" is
 * {@code per(0.01, MONTH)}), and converted to the model's unit by compounding, never by reusing the number:
 * {@code annual(0.15)} is {@code 1.15^(7 / 365.25) - 1 = 0.268 %} a week. A year is 365.25 days, the
 * convention of {@link PeriodUnit#MONTH}; Fader, Hardie and Lee (2005, the iso-value paper) divide by 52
 * weeks instead ({@code delta = ln(1.15) / 52 = 0.002688} a week against 0.002678 here, 0.35 % apart).
 *
 * <p>Internally the rate is a continuous force of interest {@code delta = ln(1 + rate)} per period, so the
 * discount factor of an amount received after {@code t} units is {@code exp(-delta t)} for any real
 * {@code t}, and {@code (1 + rate)^-n} for whole periods.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class DiscountRate {
  /** The days in a year: 365.25, as in {@link PeriodUnit#MONTH}. */
  public static final double DAYS_PER_YEAR = 365.25;

  private static final DiscountRate NONE = new DiscountRate(0, DAYS_PER_YEAR, "year");

  private final double rate;
  private final double periodDays;
  private final String period;

  private DiscountRate(double rate, double periodDays, String period) {
    this.rate = rate;
    this.periodDays = periodDays;
    this.period = period;
  }

  /**
   * An effective annual rate: money a year away is worth {@code 1 / (1 + rate)} of money now.
   *
   * @throws InvalidFieldException if {@code rate} is negative or not finite
   */
  public static DiscountRate annual(double rate) {
    return new DiscountRate(check("rate", rate), DAYS_PER_YEAR, "year");
  }

  /**
   * An effective rate per period of {@code unit}.
   *
   * @throws InvalidFieldException if {@code rate} is negative or not finite
   */
  public static DiscountRate per(double rate, PeriodUnit unit) {
    requireNonNull(unit, "unit");
    return new DiscountRate(check("rate", rate), unit.days(), unit.name().toLowerCase(Locale.ROOT));
  }

  /**
   * A continuous rate (force of interest) {@code delta} per period of {@code unit}, as the DERT formulas and
   * CLVTools' {@code continuous.discount.factor} take it: FHL's 15 % a year is {@code continuous(ln(1.15) /
   * 52, WEEK)} in their convention.
   *
   * @throws InvalidFieldException if {@code delta} is negative or not finite
   */
  public static DiscountRate continuous(double delta, PeriodUnit unit) {
    requireNonNull(unit, "unit");
    return new DiscountRate(Math.expm1(check("delta", delta)), unit.days(), unit.name().toLowerCase(Locale.ROOT));
  }

  /** No discounting: money later is worth as much as money now. */
  public static DiscountRate none() {
    return NONE;
  }

  private static double check(String field, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException(field, value, "must be finite and not negative");
    }
    return value;
  }

  /** The equivalent effective annual rate, {@code (1 + rate)^(365.25 / period days) - 1}. */
  public double annualRate() {
    return effectiveRate(DAYS_PER_YEAR);
  }

  /** The equivalent effective rate per period of {@code unit}: 15 % a year is 0.268 % a week. */
  public double effectiveRate(PeriodUnit unit) {
    requireNonNull(unit, "unit");
    return effectiveRate(unit.days());
  }

  /** The force of interest per period of {@code unit}: {@code ln(1 + rate) * unit days / period days}. */
  public double continuousRate(PeriodUnit unit) {
    requireNonNull(unit, "unit");
    return Math.log1p(rate) * unit.days() / periodDays;
  }

  /** The present value of 1 received after {@code t} periods of {@code unit}: {@code exp(-delta t)}. */
  public double factor(double t, PeriodUnit unit) {
    return Math.exp(-continuousRate(unit) * t);
  }

  private double effectiveRate(double days) {
    return Math.expm1(Math.log1p(rate) * days / periodDays);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DiscountRate other && continuousPerDay() == other.continuousPerDay();
  }

  @Override
  public int hashCode() {
    return Double.hashCode(continuousPerDay());
  }

  private double continuousPerDay() {
    return Math.log1p(rate) / periodDays;
  }

  /** For example {@code DiscountRate[0.15 per year]}. */
  @Override
  public String toString() {
    return "DiscountRate[" + rate + " per " + period + "]";
  }
}
