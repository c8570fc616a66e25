package org.engagement.spark.clv;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Currency;
import org.engagement.clv.LifetimeValueSettings;
import org.engagement.clv.prediction.DiscountRate;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.SummaryOptions;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.InvalidFieldException;

/**
 * What the executors need to summarise and value customers, in a form Spark can ship: the unit, the
 * horizon, the discount rate (as its effective annual rate), the conversion rule, the currency and the
 * as-of instant. Immutable and thread-safe.
 */
final class ClvForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PeriodUnit unit;
  private final double horizon;
  private final PeriodUnit horizonUnit;
  private final double annualDiscount;
  private final ConversionRule rule;
  private final Currency currency;
  private final java.time.Instant asOf;

  ClvForm(LifetimeValueSettings settings, ConversionRule rule, Currency currency, java.time.Instant asOf) {
    if (!(rule instanceof Serializable)) {
      throw new InvalidFieldException("conversionRule", rule, "must be Serializable to be shipped to Spark's"
          + " executors (ConversionRule.purchases(), ofTypes(...) and named(...) are)");
    }
    this.unit = settings.unit();
    this.horizon = settings.horizon().amount();
    this.horizonUnit = settings.horizon().unit();
    this.annualDiscount = settings.discountRate().annualRate();
    this.rule = rule;
    this.currency = currency;
    this.asOf = asOf;
  }

  PeriodUnit unit() {
    return unit;
  }

  Horizon horizon() {
    return new Horizon(horizon, horizonUnit);
  }

  DiscountRate discountRate() {
    return DiscountRate.annual(annualDiscount);
  }

  ConversionRule rule() {
    return rule;
  }

  Currency currency() {
    return currency;
  }

  java.time.Instant asOf() {
    return asOf;
  }

  SummaryOptions summaryOptions() {
    return SummaryOptions.of(unit, LocalDate.ofInstant(asOf, java.time.ZoneOffset.UTC));
  }
}
