package org.engagement.core.profile;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.core.value.ValueConcentration;
import org.engagement.core.value.rfm.RfmScores;
import org.jspecify.annotations.Nullable;

/**
 * The buyers of a set of purchases, from one pass: each {@link Buyer}'s total value, count and last
 * purchase date, in one currency. Value concentration, RFM, the value-to-date profile metric and the
 * mean value of a customer all read it, so none of them rebuilds per-customer arrays by hand.
 *
 * <p>From interactions ({@link #of(Iterable, ConversionRule)}): the purchases are the conversions of the
 * rule. A sum across currencies needs exchange rates this library does not have, so the value currency is
 * the one given, or else the currency most conversion values carry (on a tie, the first code in
 * alphabetical order); a conversion valued in another currency is left out and counted in {@link
 * #otherCurrency()}, and a conversion without a value counts as a purchase worth 0. Dates are UTC.
 * From plain rows ({@link #builder()}), the caller states each purchase and there is no currency.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Purchases {
  private final @Nullable Currency currency;
  private final long otherCurrency;
  private final List<Buyer> buyers;

  private Purchases(@Nullable Currency currency, long otherCurrency, List<Buyer> buyers) {
    this.currency = currency;
    this.otherCurrency = otherCurrency;
    this.buyers = buyers;
  }

  /**
   * The purchases among {@code interactions} under {@code rule}, valued in the currency most of them
   * carry.
   */
  public static Purchases of(Iterable<Interaction> interactions, ConversionRule rule) {
    requireNonNull(interactions, "interactions");
    requireNonNull(rule, "rule");
    Iterable<Interaction> candidates = candidates(interactions, rule);
    return collect(candidates, rule, majorityCurrency(candidates, rule));
  }

  /**
   * The purchases among {@code interactions} under {@code rule}, valued in {@code currency}; those valued
   * in another currency are counted in {@link #otherCurrency()} and left out.
   */
  public static Purchases of(Iterable<Interaction> interactions, ConversionRule rule, Currency currency) {
    requireNonNull(interactions, "interactions");
    requireNonNull(rule, "rule");
    return collect(candidates(interactions, rule), rule, requireNonNull(currency, "currency"));
  }

  /** A builder for purchases given as rows (customer, date, amount), without a currency. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The interactions the rule may count, in order: for columns and a rule of types, only the rows of those types,
   * cut from the type column (about one row in twenty is a purchase, and each row read as an interaction is an
   * object made); otherwise all of them.
   */
  private static Iterable<Interaction> candidates(Iterable<Interaction> interactions, ConversionRule rule) {
    return interactions instanceof InteractionColumns columns && rule instanceof ConversionRule.OfTypes types
        ? columns.ofTypes(types.types()) : interactions;
  }

  private static @Nullable Currency majorityCurrency(Iterable<Interaction> interactions, ConversionRule rule) {
    Map<Currency, Integer> counts = new HashMap<>();
    for (Interaction i : interactions) {
      Money value = i.value();
      if (value != null && rule.isConversion(i)) {
        counts.merge(value.currency(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<Currency, Integer>comparingByValue()
            .thenComparing(e -> e.getKey().getCurrencyCode(), Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse(null);
  }

  private static Purchases collect(Iterable<Interaction> interactions, ConversionRule rule,
      @Nullable Currency currency) {
    Builder builder = builder();
    long other = 0;
    for (Interaction i : interactions) {
      if (!rule.isConversion(i)) {
        continue;
      }
      Money value = i.value();
      if (value != null && !value.currency().equals(currency)) {
        other++;
        continue;
      }
      builder.add(i.customerId(), i.timestamp().atOffset(ZoneOffset.UTC).toLocalDate(),
          value == null ? 0 : value.amount().doubleValue());
    }
    return new Purchases(currency, other, List.copyOf(builder.buyers.values()));
  }

  /** The currency of the values; empty when no purchase carries a value, or for purchases given as rows. */
  public Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  /** Purchases valued in another currency than {@link #currency()}, left out of every figure. */
  public long otherCurrency() {
    return otherCurrency;
  }

  /** Every customer with at least one purchase, ordered by id. */
  public List<Buyer> buyers() {
    return buyers;
  }

  /** Whether there is no buyer. */
  public boolean isEmpty() {
    return buyers.isEmpty();
  }

  /** The buyer {@code customerId}, if they bought. */
  public Optional<Buyer> buyer(String customerId) {
    requireNonNull(customerId, "customerId");
    return buyers.stream().filter(b -> b.customerId().equals(customerId)).findFirst();
  }

  /** Each buyer's value, in the order of {@link #buyers()}. */
  public double[] values() {
    return buyers.stream().mapToDouble(Buyer::value).toArray();
  }

  /** The mean value per buyer; 0 without buyers. */
  public double meanValue() {
    return buyers.stream().mapToDouble(Buyer::value).average().orElse(0);
  }

  /** How concentrated value is across the buyers; empty without buyers. */
  public Optional<ValueConcentration> concentration() {
    return buyers.isEmpty() ? Optional.empty() : Optional.of(ValueConcentration.of(values()));
  }

  /**
   * The RFM scores of the buyers, in the order of {@link #buyers()}: recency in whole days from the last
   * purchase to {@code asOf}, frequency the number of purchases, monetary the total value.
   *
   * @throws InvalidFieldException if a buyer's last purchase is after {@code asOf}
   */
  public RfmScores rfm(LocalDate asOf) {
    requireNonNull(asOf, "asOf");
    long day = asOf.toEpochDay();
    return RfmScores.of(buyers.stream().mapToLong(b -> day - b.lastPurchase().toEpochDay()).toArray(),
        buyers.stream().mapToLong(Buyer::purchases).toArray(), values());
  }

  @Override
  public String toString() {
    return "Purchases[" + buyers.size() + " buyers" + (currency == null ? "" : " in " + currency.getCurrencyCode())
        + (otherCurrency == 0 ? "" : ", " + otherCurrency + " in another currency") + "]";
  }

  /** Collects purchases given as rows. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Buyer> buyers = new TreeMap<>();

    private Builder() {}

    /**
     * Adds one purchase of {@code amount} (major units) by {@code customerId} on {@code date}.
     *
     * @throws InvalidFieldException if the id is blank or the amount negative or not finite
     * @return this builder
     */
    public Builder add(String customerId, LocalDate date, double amount) {
      requireNonNull(customerId, "customerId");
      requireNonNull(date, "date");
      if (!(amount >= 0 && amount < Double.POSITIVE_INFINITY)) {
        throw new InvalidFieldException("amount", amount, "must be finite and not negative");
      }
      Buyer previous = buyers.get(customerId);
      buyers.put(customerId, previous == null ? new Buyer(customerId, amount, 1, date) : previous.plus(amount, date));
      return this;
    }

    /** The purchases added so far. */
    public Purchases build() {
      return new Purchases(null, 0, List.copyOf(buyers.values()));
    }
  }
}
