package org.engagement.clv.prediction;

import static java.util.Objects.requireNonNull;

import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.InvalidFieldException;

/**
 * A length of time into the future with its unit: how far ahead a prediction looks.
 *
 * <p>A horizon is never a bare number, because a bare number is read in the model's unit and "12" meant
 * as months but read as weeks is the most common CLV mistake (lifetimes issues 137 and 215, PyMC-Marketing
 * PR 2748). {@link #in(PeriodUnit)} converts it with the fixed lengths of {@link PeriodUnit} (a month is
 * 30.4375 days), so {@code Horizon.months(12).in(WEEK)} is 52.18 weeks.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param amount how many units, finite and not negative
 * @param unit the unit of {@code amount}
 * @since 0.1.0
 */
public record Horizon(double amount, PeriodUnit unit) {

  /** Validates the fields. */
  public Horizon {
    if (!(amount >= 0 && amount < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("amount", amount, "must be finite and not negative");
    }
    requireNonNull(unit, "unit");
  }

  /** A horizon of {@code days} days. */
  public static Horizon days(double days) {
    return new Horizon(days, PeriodUnit.DAY);
  }

  /** A horizon of {@code weeks} weeks. */
  public static Horizon weeks(double weeks) {
    return new Horizon(weeks, PeriodUnit.WEEK);
  }

  /** A horizon of {@code months} mean Gregorian months (30.4375 days each). */
  public static Horizon months(double months) {
    return new Horizon(months, PeriodUnit.MONTH);
  }

  /** A horizon of {@code years} years of 365.25 days, expressed as {@code 12 * years} months. */
  public static Horizon years(double years) {
    return new Horizon(12 * years, PeriodUnit.MONTH);
  }

  /** The horizon's length in {@code target}, e.g. {@code months(12).in(WEEK) = 52.178...}. */
  public double in(PeriodUnit target) {
    requireNonNull(target, "target");
    return unit == target ? amount : unit.convert(amount, target);
  }

  /** The horizon's length in days. */
  public double days() {
    return amount * unit.days();
  }
}
