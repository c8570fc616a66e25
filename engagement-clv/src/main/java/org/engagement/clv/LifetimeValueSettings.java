package org.engagement.clv;

import static java.util.Objects.requireNonNull;

import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.prediction.DiscountRate;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The choices behind a lifetime value: they are modelling decisions, not facts in the data, so a report
 * should state them. Immutable and thread-safe; equal when every choice is.
 *
 * @param unit the time unit of the summaries and of the purchase model (its scale parameter is per unit)
 * @param horizon how far ahead purchases are valued
 * @param discountRate how future purchases are discounted
 * @param minimumRepeatBuyers the fewest customers with a repeat purchase the models are fitted on, at least
 *     1: the spend model learns only from repeat buyers, and a handful of them gives no estimate worth
 *     showing
 * @param fitOptions the limits of the maximum-likelihood searches
 * @since 0.1.0
 */
public record LifetimeValueSettings(PeriodUnit unit, Horizon horizon, DiscountRate discountRate,
    int minimumRepeatBuyers, FitOptions fitOptions) {

  /**
   * Validates.
   *
   * @throws InvalidFieldException if {@code minimumRepeatBuyers} is below 1
   */
  public LifetimeValueSettings {
    requireNonNull(unit, "unit");
    requireNonNull(horizon, "horizon");
    requireNonNull(discountRate, "discountRate");
    requireNonNull(fitOptions, "fitOptions");
    if (minimumRepeatBuyers < 1) {
      throw new InvalidFieldException("minimumRepeatBuyers", minimumRepeatBuyers, "must be at least 1");
    }
  }

  /**
   * The defaults: weeks (as the CDNOW results use), a 3-year horizon, 10 % a year, at least 10 repeat
   * buyers, the default search limits.
   */
  public static LifetimeValueSettings defaults() {
    return new LifetimeValueSettings(PeriodUnit.WEEK, Horizon.years(3), DiscountRate.annual(0.10), 10,
        FitOptions.defaults());
  }

  /** These settings with another time unit. */
  public LifetimeValueSettings withUnit(PeriodUnit unit) {
    return new LifetimeValueSettings(unit, horizon, discountRate, minimumRepeatBuyers, fitOptions);
  }

  /** These settings with another horizon. */
  public LifetimeValueSettings withHorizon(Horizon horizon) {
    return new LifetimeValueSettings(unit, horizon, discountRate, minimumRepeatBuyers, fitOptions);
  }

  /** These settings with another discount rate. */
  public LifetimeValueSettings withDiscountRate(DiscountRate rate) {
    return new LifetimeValueSettings(unit, horizon, rate, minimumRepeatBuyers, fitOptions);
  }

  /**
   * These settings with another minimum of repeat buyers.
   *
   * @throws InvalidFieldException if {@code minimum} is below 1
   */
  public LifetimeValueSettings withMinimumRepeatBuyers(int minimum) {
    return new LifetimeValueSettings(unit, horizon, discountRate, minimum, fitOptions);
  }

  /** These settings with other search limits. */
  public LifetimeValueSettings withFitOptions(FitOptions options) {
    return new LifetimeValueSettings(unit, horizon, discountRate, minimumRepeatBuyers, options);
  }
}
