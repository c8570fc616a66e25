package org.engagement.roi.investment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;

/**
 * Everything spent on relationships in one currency: a list of {@link Cost}s with the totals the
 * relationship-ROI calculator needs (per channel, per owner, per month).
 *
 * <p>One currency per investment, because a sum across currencies needs exchange rates this library does
 * not have; a cost in another currency is refused. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Investment {
  private final Currency currency;
  private final List<Cost> costs;

  private Investment(Currency currency, List<Cost> costs) {
    this.currency = currency;
    this.costs = costs;
  }

  /** No spend at all, in {@code currency}. */
  public static Investment none(Currency currency) {
    return new Investment(requireNonNull(currency, "currency"), List.of());
  }

  /**
   * The investment made of {@code costs}.
   *
   * @throws InvalidFieldException if a cost is in another currency than {@code currency}
   */
  public static Investment of(Currency currency, Iterable<Cost> costs) {
    requireNonNull(currency, "currency");
    List<Cost> copy = new ArrayList<>();
    costs.forEach(copy::add);
    for (Cost cost : copy) {
      if (!cost.amount().currency().equals(currency)) {
        throw new InvalidFieldException(
            "amount", cost.amount(), "must be in the investment's currency " + currency.getCurrencyCode());
      }
    }
    return new Investment(currency, List.copyOf(copy));
  }

  /** The currency of every cost. */
  public Currency currency() {
    return currency;
  }

  /** The costs, in the order given. */
  public List<Cost> costs() {
    return costs;
  }

  /** This investment with {@code more} costs added. */
  public Investment plus(Iterable<Cost> more) {
    List<Cost> all = new ArrayList<>(costs);
    more.forEach(all::add);
    return of(currency, all);
  }

  /** This investment with the time spent added as costs ({@link TimeSpent#toCost()}). */
  public Investment plusTime(Iterable<TimeSpent> time) {
    List<Cost> more = new ArrayList<>();
    time.forEach(spent -> more.add(spent.toCost()));
    return plus(more);
  }

  /** The costs that pass {@code filter}. */
  public Investment filter(Predicate<Cost> filter) {
    requireNonNull(filter, "filter");
    return new Investment(currency, costs.stream().filter(filter).toList());
  }

  /**
   * The part of this investment attributable to {@code segment}: the costs aimed at it, plus
   * {@code shareOfEveryone} of each cost aimed at all customers (typically the segment's share of the
   * customers). Costs aimed at other segments are left out.
   *
   * @throws InvalidFieldException if {@code shareOfEveryone} is not in [0, 1]
   */
  public Investment allocatedTo(String segment, double shareOfEveryone) {
    Cost.requireText("segment", segment);
    if (!(shareOfEveryone >= 0 && shareOfEveryone <= 1)) {
      throw new InvalidFieldException("shareOfEveryone", shareOfEveryone, "must be in [0, 1]");
    }
    List<Cost> allocated = new ArrayList<>();
    for (Cost cost : costs) {
      if (segment.equals(cost.segment())) {
        allocated.add(cost);
      } else if (cost.segment() == null) {
        allocated.add(cost.withSegment(segment).withAmount(share(cost.amount(), shareOfEveryone)));
      }
    }
    return new Investment(currency, List.copyOf(allocated));
  }

  /** The total spend. */
  public Money total() {
    Money total = Money.zero(currency);
    for (Cost cost : costs) {
      total = total.plus(cost.amount());
    }
    return total;
  }

  /** The spend per channel, channels in name order. */
  public SortedMap<String, Money> byChannel() {
    return totalsBy(Cost::channel);
  }

  /** The spend per owner, owners in name order. */
  public SortedMap<String, Money> byOwner() {
    return totalsBy(Cost::owner);
  }

  /** The spend per month, in calendar order. */
  public SortedMap<YearMonth, Money> byMonth() {
    return totalsBy(Cost::month);
  }

  private <K extends Comparable<K>> SortedMap<K, Money> totalsBy(Function<Cost, K> key) {
    TreeMap<K, Money> totals = new TreeMap<>();
    for (Cost cost : costs) {
      totals.merge(key.apply(cost), cost.amount(), Money::plus);
    }
    return Collections.unmodifiableSortedMap(totals);
  }

  private static Money share(Money amount, double share) {
    BigDecimal part = amount.amount().multiply(BigDecimal.valueOf(share))
        .setScale(amount.amount().scale(), RoundingMode.HALF_EVEN);
    return Money.of(part, amount.currency());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Investment other && currency.equals(other.currency) && costs.equals(other.costs);
  }

  @Override
  public int hashCode() {
    return currency.hashCode() * 31 + costs.hashCode();
  }

  @Override
  public String toString() {
    return "Investment[" + costs.size() + " costs, total " + total() + "]";
  }
}
