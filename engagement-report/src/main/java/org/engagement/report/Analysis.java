package org.engagement.report;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.Journeys;
import org.engagement.clv.RepeatBuyingMetrics;
import org.engagement.clv.prediction.LifetimeValuePredictor;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.profile.Buyer;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.profile.Purchases;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.value.tier.ValuePredictor;

/**
 * The input of a report with the figures several sections share, each computed once on first use:
 * the as-of instant, the buyers' purchase totals, a profile per customer and the journeys. A section
 * builder added later (relationship ROI, for one, which needs the journeys) reads the same figures.
 *
 * <p>Conventions, stated once for every section: conversions are purchases
 * ({@link ConversionRule#purchases()}); the as-of instant is the latest interaction; dates are UTC;
 * purchase values are in the currency most purchases carry, and purchases in another currency are left
 * out of the value figures and counted in {@link #otherCurrencyPurchases()}.
 *
 * <p>Thread-safe: the shared figures are memoized behind synchronized suppliers.
 *
 * @since 0.1.0
 */
public final class Analysis {
  private final AnalysisInput input;
  private final Progress progress;
  private final Instant asOf;
  private final Supplier<Purchases> purchases;
  private final Supplier<List<CustomerProfile>> profiles;
  private final Supplier<Journeys> journeys;
  private final Supplier<LifetimeValueFit.Outcome> lifetimeValue;

  private Analysis(AnalysisInput input, Progress progress) {
    this.input = input;
    this.progress = progress;
    this.asOf = input.interactions().stream().map(Interaction::timestamp).max(Instant::compareTo).orElse(Instant.EPOCH);
    this.purchases = Suppliers.memoize(() -> Purchases.of(input.interactions(), ConversionRule.purchases()));
    this.profiles = Suppliers.memoize(this::computeProfiles);
    this.journeys = Suppliers.memoize(this::computeJourneys);
    this.lifetimeValue = Suppliers.memoize(() -> LifetimeValueFit.fit(this));
  }

  /** An analysis of {@code input} that reports its long steps to {@code progress}. */
  public static Analysis of(AnalysisInput input, Progress progress) {
    return new Analysis(requireNonNull(input, "input"), requireNonNull(progress, "progress"));
  }

  /** The input. */
  public AnalysisInput input() {
    return input;
  }

  /** Where long steps report. */
  public Progress progress() {
    return progress;
  }

  /** The instant the figures describe: the latest interaction ({@link Instant#EPOCH} without any). */
  public Instant asOf() {
    return asOf;
  }

  /** The UTC date of {@link #asOf()}. */
  public LocalDate asOfDate() {
    return asOf.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** The currency of the value figures; empty when no purchase carries a value. */
  public Optional<Currency> currency() {
    return purchases.get().currency();
  }

  /** Purchases whose value is in another currency than {@link #currency()}, left out of value figures. */
  public long otherCurrencyPurchases() {
    return purchases.get().otherCurrency();
  }

  /** The purchases in the value currency: the buyers, and from them value concentration and RFM. */
  public Purchases purchases() {
    return purchases.get();
  }

  /** Every customer with at least one purchase, ordered by id. */
  public List<Buyer> buyers() {
    return purchases.get().buyers();
  }

  /**
   * A profile per customer seen, ordered by id ({@link CustomerProfiles#defaults()} at the as-of instant),
   * with the metrics {@value MetricNames#VALUE} (purchase value to date), {@value MetricNames#ENGAGEMENT}
   * (the default engagement score at the as-of instant) and {@value MetricNames#RECENCY_DAYS} (whole days
   * from the last interaction to the as-of date); buyers also have the repeat-buying metrics of {@link
   * LifetimeValuePredictor} (in days, {@link RepeatBuyingMetrics}), so the fitted lifetime value can predict
   * from the profile.
   */
  public List<CustomerProfile> profiles() {
    return profiles.get();
  }

  /** The lifetime-value model fitted on the purchases, if the fit converged ({@link LifetimeValueFit}). */
  public Optional<LifetimeValueFit> lifetimeValue() {
    return lifetimeValue.get().fit();
  }

  /** Why there is no {@link #lifetimeValue()}; empty when there is one. */
  public String lifetimeValueUnavailable() {
    return lifetimeValue.get().reason();
  }

  /**
   * The predictor of the value tiers' "grow" rule: the fitted lifetime value when there is one, otherwise
   * none (only engagement makes a customer "grow").
   */
  public ValuePredictor valuePredictor() {
    return lifetimeValue().<ValuePredictor>map(fit -> fit.fitted().predictor()).orElse(ValuePredictor.none());
  }

  /**
   * The journeys of {@link JourneyRules#defaults()} over the interactions, as of {@link #asOf()}.
   *
   * @throws IllegalArgumentException if the journeys cannot be built (conversion values in several
   *     currencies)
   */
  public Journeys journeys() {
    return journeys.get();
  }

  private List<CustomerProfile> computeProfiles() {
    progress.step("scoring engagement of every customer");
    return CustomerProfiles.defaults().withMetrics(RepeatBuyingMetrics.inDays()).profiles(input.interactions(), asOf);
  }

  private Journeys computeJourneys() {
    progress.step("building journeys");
    return JourneyRules.defaults().withAsOf(asOf).journeys(input.interactions());
  }
}
