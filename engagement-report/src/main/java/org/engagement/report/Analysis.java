package org.engagement.report;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.Journeys;
import org.engagement.clv.prediction.LifetimeValuePredictor;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.engagement.EngagementScorer;
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
    this.purchases = Suppliers.memoize(() -> Purchases.of(input.interactions()));
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
    return Optional.ofNullable(purchases.get().currency);
  }

  /** Purchases whose value is in another currency than {@link #currency()}, left out of value figures. */
  public long otherCurrencyPurchases() {
    return purchases.get().otherCurrency;
  }

  /** Every customer with at least one purchase, ordered by id. */
  public List<Buyer> buyers() {
    return purchases.get().buyers;
  }

  /**
   * A profile per customer seen, ordered by id, with the metrics {@value MetricNames#VALUE} (purchase
   * value to date), {@value MetricNames#ENGAGEMENT} (the default engagement score at the as-of instant)
   * and {@value MetricNames#RECENCY_DAYS} (whole days from the last interaction to the as-of date); buyers
   * also have the repeat-buying metrics of {@link LifetimeValuePredictor} (in days), so the fitted
   * lifetime value can predict from the profile.
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
    return lifetimeValue().<ValuePredictor>map(fit -> LifetimeValuePredictor.of(fit.lifetimeValue()))
        .orElse(ValuePredictor.none());
  }

  /**
   * The journeys of {@link JourneyRules#defaults()} over the interactions.
   *
   * @throws IllegalArgumentException if the journeys cannot be built (conversion values in several
   *     currencies)
   */
  public Journeys journeys() {
    return journeys.get();
  }

  private List<CustomerProfile> computeProfiles() {
    progress.step("scoring engagement of every customer");
    Map<String, List<Interaction>> byCustomer = new TreeMap<>();
    for (Interaction interaction : input.interactions()) {
      byCustomer.computeIfAbsent(interaction.customerId(), id -> new ArrayList<>()).add(interaction);
    }
    Map<String, Double> value = new HashMap<>();
    buyers().forEach(b -> value.put(b.customerId(), b.value()));
    EngagementScorer scorer = EngagementScorer.defaults();
    Map<String, Map<String, Double>> repeatBuying = LifetimeValueFit.metrics(this);
    List<CustomerProfile> result = new ArrayList<>(byCustomer.size());
    byCustomer.forEach((id, list) -> {
      Instant first = list.stream().map(Interaction::timestamp).min(Instant::compareTo).orElseThrow();
      Instant last = list.stream().map(Interaction::timestamp).max(Instant::compareTo).orElseThrow();
      long recency = ChronoUnit.DAYS.between(last.atOffset(ZoneOffset.UTC).toLocalDate(), asOfDate());
      Map<String, Double> metrics = new HashMap<>(repeatBuying.getOrDefault(id, Map.of()));
      metrics.put(MetricNames.VALUE, value.getOrDefault(id, 0.0));
      metrics.put(MetricNames.ENGAGEMENT, scorer.score(list, asOf));
      metrics.put(MetricNames.RECENCY_DAYS, (double) recency);
      result.add(new CustomerProfile(Customer.of(id, first), metrics));
    });
    return List.copyOf(result);
  }

  private Journeys computeJourneys() {
    progress.step("building journeys");
    return JourneyRules.defaults().journeys(input.interactions());
  }

  /**
   * One customer's purchases: the total value (major units of {@link #currency()}), how many purchases
   * and the UTC date of the last one. Immutable and thread-safe.
   *
   * @param customerId the customer
   * @param value the total purchase value, not negative
   * @param purchases the number of purchases, at least 1
   * @param lastPurchase the date of the last purchase
   * @since 0.1.0
   */
  public record Buyer(String customerId, double value, long purchases, LocalDate lastPurchase) {
    /** Requires the id and the date. */
    public Buyer {
      requireNonNull(customerId, "customerId");
      requireNonNull(lastPurchase, "lastPurchase");
    }
  }

  /** The buyers and the value currency, from one pass over the purchases. */
  private static final class Purchases {
    @org.jspecify.annotations.Nullable Currency currency;
    long otherCurrency;
    List<Buyer> buyers = List.of();

    static Purchases of(List<Interaction> interactions) {
      ConversionRule rule = ConversionRule.purchases();
      Map<Currency, Integer> currencies = new HashMap<>();
      for (Interaction i : interactions) {
        if (rule.isConversion(i) && i.value() != null) {
          currencies.merge(i.value().currency(), 1, Integer::sum);
        }
      }
      Purchases p = new Purchases();
      p.currency = currencies.entrySet().stream()
          .max(Map.Entry.<Currency, Integer>comparingByValue()
              .thenComparing(e -> e.getKey().getCurrencyCode(), java.util.Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElse(null);
      Map<String, Buyer> buyers = new TreeMap<>();
      for (Interaction i : interactions) {
        if (!rule.isConversion(i)) {
          continue;
        }
        if (i.value() != null && !i.value().currency().equals(p.currency)) {
          p.otherCurrency++;
          continue;
        }
        double amount = i.value() == null ? 0 : i.value().amount().doubleValue();
        LocalDate date = i.timestamp().atOffset(ZoneOffset.UTC).toLocalDate();
        buyers.merge(i.customerId(), new Buyer(i.customerId(), amount, 1, date), (a, b) -> new Buyer(
            a.customerId(), a.value() + b.value(), a.purchases() + 1,
            a.lastPurchase().isAfter(b.lastPurchase()) ? a.lastPurchase() : b.lastPurchase()));
      }
      p.buyers = List.copyOf(buyers.values());
      return p;
    }
  }
}
