package org.engagement.core.value;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;

/**
 * The value of each customer, summed from amounts of money in one currency: the mergeable input of a
 * {@link ValueConcentration}.
 *
 * <p>{@link ValueConcentration#of(double[])} takes one value per customer at once, which a partition does
 * not have when a customer's purchases are spread over several. Partitions feed amounts here instead,
 * merge, and ask for the {@linkplain #concentration() concentration} at the end.
 *
 * <pre>{@code
 * CustomerValues values = CustomerValues.of(Currency.getInstance("EUR"));
 * for (Interaction i : purchases) values.add(i.customerId(), i.value());
 * ValueConcentration concentration = values.merge(otherPartition).concentration();
 * }</pre>
 *
 * <p>Sums are kept exactly, as {@code long} minor units like {@link Money}, so they never depend on the
 * order in which amounts arrive. Amounts may be negative (a refund); a customer whose total is negative
 * has no place in a concentration, which then refuses it.
 *
 * <p><b>Merging</b> ({@link Mergeable}). Values of the same currency (the one setting) {@linkplain #merge
 * merge} into new values by adding per customer. A customer split across partitions gets the exact sum
 * of their parts, so the merged values, and the concentration read from them, equal those built whole
 * however the amounts were split. The partitions must hold disjoint amounts (an amount fed to two counts
 * twice; merging values with themselves doubles them). The empty values of the same currency are the
 * identity. Equality is by content. The serial form is the currency and two columns: the customer ids
 * sorted, and their sums in minor units as {@code long}s.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time; give each thread its own and merge.
 *
 * @since 0.1.0
 */
public final class CustomerValues implements Mergeable<CustomerValues> {
  private static final long serialVersionUID = 1L;

  private final Currency currency;
  private final Map<String, Long> minorUnits = new HashMap<>();

  private CustomerValues(Currency currency) {
    this.currency = currency;
  }

  /**
   * No values yet, for amounts in {@code currency}.
   *
   * @throws InvalidFieldException if the currency has no defined minor units (as {@link Money})
   */
  public static CustomerValues of(Currency currency) {
    requireNonNull(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new InvalidFieldException(
          "currency", currency.getCurrencyCode(), "must be a currency with defined minor units");
    }
    return new CustomerValues(currency);
  }

  /** The currency of every amount. */
  public Currency currency() {
    return currency;
  }

  /**
   * Adds {@code amount} to {@code customerId}'s value.
   *
   * @return this
   * @throws InvalidFieldException if the amount is in another currency
   * @throws ArithmeticException if the customer's total overflows a {@code long} of minor units
   */
  public CustomerValues add(String customerId, Money amount) {
    requireNonNull(customerId, "customerId");
    requireNonNull(amount, "amount");
    if (!amount.currency().equals(currency)) {
      throw new InvalidFieldException(
          "amount", amount, "must be in " + currency.getCurrencyCode() + " (no implicit conversion)");
    }
    minorUnits.merge(customerId, amount.minorUnits(), Math::addExact);
    return this;
  }

  /**
   * The values of this instance's amounts and {@code other}'s together, as new values; neither changes.
   *
   * @throws InvalidFieldException if {@code other} has another currency
   * @throws ArithmeticException if a customer's total overflows
   */
  @Override
  public CustomerValues merge(CustomerValues other) {
    requireNonNull(other, "other");
    if (!other.currency.equals(currency)) {
      throw new InvalidFieldException(
          "other.currency", other.currency.getCurrencyCode(), "must equal " + currency.getCurrencyCode());
    }
    CustomerValues merged = new CustomerValues(currency);
    merged.minorUnits.putAll(minorUnits);
    other.minorUnits.forEach((id, amount) -> merged.minorUnits.merge(id, amount, Math::addExact));
    return merged;
  }

  /** The customers with at least one amount, as an unmodifiable snapshot. */
  public Set<String> customers() {
    return Set.copyOf(minorUnits.keySet());
  }

  /** The number of customers with at least one amount. */
  public int customerCount() {
    return minorUnits.size();
  }

  /** The total of {@code customerId}'s amounts; zero for a customer never seen. */
  public Money valueOf(String customerId) {
    Long value = minorUnits.get(requireNonNull(customerId, "customerId"));
    return Money.ofMinor(value == null ? 0 : value, currency);
  }

  /**
   * The total of all amounts.
   *
   * @throws ArithmeticException if it overflows a {@code long} of minor units
   */
  public Money total() {
    long total = 0;
    for (long value : minorUnits.values()) {
      total = Math.addExact(total, value);
    }
    return Money.ofMinor(total, currency);
  }

  /**
   * The concentration of the customers' values, in major units of the currency (each converted once,
   * correctly rounded, to a {@code double}).
   *
   * @throws InvalidFieldException if there is no customer, or a customer's total is negative
   */
  public ValueConcentration concentration() {
    int digits = currency.getDefaultFractionDigits();
    double[] values = new double[minorUnits.size()];
    int i = 0;
    for (Map.Entry<String, Long> e : minorUnits.entrySet()) {
      if (e.getValue() < 0) {
        throw new InvalidFieldException(
            "value of customer " + e.getKey(), Money.ofMinor(e.getValue(), currency),
            "must not be negative to take part in a concentration");
      }
      values[i++] = BigDecimal.valueOf(e.getValue(), digits).doubleValue();
    }
    return ValueConcentration.of(values);
  }

  /** Whether {@code o} holds the same currency and the same total per customer. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CustomerValues other && other.currency.equals(currency) && other.minorUnits.equals(minorUnits);
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + minorUnits.hashCode();
  }

  @Override
  public String toString() {
    return "CustomerValues[currency=" + currency.getCurrencyCode() + ", customers=" + minorUnits.size() + "]";
  }

  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("CustomerValues are read through their serial form");
  }

  /** The serial form: the currency, the customers sorted, and each one's total in minor units. */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Currency currency;
    private final String[] customers;
    private final long[] minorUnits;

    Form(CustomerValues values) {
      currency = values.currency;
      List<Map.Entry<String, Long>> byCustomer = new ArrayList<>(values.minorUnits.entrySet());
      byCustomer.sort(Map.Entry.comparingByKey());
      customers = byCustomer.stream().map(Map.Entry::getKey).toArray(String[]::new);
      minorUnits = byCustomer.stream().mapToLong(Map.Entry::getValue).toArray();
    }

    private Object readResolve() {
      CustomerValues values = new CustomerValues(currency);
      for (int i = 0; i < customers.length; i++) {
        values.minorUnits.put(customers[i], minorUnits[i]);
      }
      return values;
    }
  }
}
