package org.engagement.core.profile;

import static java.util.Objects.requireNonNull;

import java.util.Currency;
import java.util.Optional;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.engagement.EngagementScorer;
import org.jspecify.annotations.Nullable;

/**
 * How {@link CustomerProfiles} computes the built-in metrics: which interactions are purchases (the value
 * to date), how engagement is scored, and in which currency value is counted.
 *
 * <p>Immutable and thread-safe if the conversion rule is (the built-in rules are). Two settings are
 * equal when their parts are; a host's own conversion rule is equal only to itself.
 *
 * @param conversionRule which interactions are purchases
 * @param scorer the engagement scorer of the {@value org.engagement.core.value.tier.MetricNames#ENGAGEMENT}
 *     metric
 * @param currency the value currency, or {@code null} for the currency most purchase values carry (see
 *     {@link Purchases})
 * @since 0.1.0
 */
public record ProfileSettings(ConversionRule conversionRule, EngagementScorer scorer, @Nullable Currency currency) {
  private static final ProfileSettings DEFAULTS =
      new ProfileSettings(ConversionRule.purchases(), EngagementScorer.defaults(), null);

  /** Requires the rule and the scorer. */
  public ProfileSettings {
    requireNonNull(conversionRule, "conversionRule");
    requireNonNull(scorer, "scorer");
  }

  /**
   * The defaults: purchases are conversions ({@link ConversionRule#purchases()}), the default engagement
   * scorer ({@link EngagementScorer#defaults()}), value in the currency most purchases carry.
   */
  public static ProfileSettings defaults() {
    return DEFAULTS;
  }

  /** These settings with another conversion rule. */
  public ProfileSettings withConversionRule(ConversionRule rule) {
    return new ProfileSettings(rule, scorer, currency);
  }

  /** These settings with another engagement scorer. */
  public ProfileSettings withScorer(EngagementScorer scorer) {
    return new ProfileSettings(conversionRule, scorer, currency);
  }

  /** These settings counting value in {@code currency} only. */
  public ProfileSettings withCurrency(Currency currency) {
    return new ProfileSettings(conversionRule, scorer, requireNonNull(currency, "currency"));
  }

  /** The value currency, if one is fixed. */
  public Optional<Currency> fixedCurrency() {
    return Optional.ofNullable(currency);
  }

  /** The purchases among {@code interactions} under these settings. */
  public Purchases purchases(Iterable<Interaction> interactions) {
    return currency == null ? Purchases.of(interactions, conversionRule)
        : Purchases.of(interactions, conversionRule, currency);
  }
}
