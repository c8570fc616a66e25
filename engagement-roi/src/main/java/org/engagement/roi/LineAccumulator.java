package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import org.engagement.core.domain.Money;

/**
 * One report line in the making: cost per month of the horizon (for the payback cash flows), the exact
 * cost, rewards per component, conversions and engaged customers, added to as channels and owners are
 * worked out. Not thread-safe.
 */
final class LineAccumulator {
  final String key;
  final double[] monthlyCost;
  final EnumMap<RewardComponent, Double> rewards = new EnumMap<>(RewardComponent.class);
  Money spent;
  double conversions;
  double engagedCustomers;

  LineAccumulator(String key, int horizonMonths, Money zero) {
    this.key = key;
    this.monthlyCost = new double[horizonMonths];
    this.spent = zero;
    for (RewardComponent component : RewardComponent.values()) {
      rewards.put(component, 0.0);
    }
  }

  void addCost(int monthIndex, Money amount) {
    monthlyCost[monthIndex] += amount.amount().doubleValue();
    spent = spent.plus(amount);
  }

  /** Adds {@code other}'s costs, month by month. */
  void addCostsOf(LineAccumulator other) {
    for (int m = 0; m < monthlyCost.length; m++) {
      monthlyCost[m] += other.monthlyCost[m];
    }
    spent = spent.plus(other.spent);
  }

  /** Adds {@code share} of {@code other}'s rewards, conversions and engaged customers (not its costs). */
  void addShareOf(LineAccumulator other, double share) {
    for (Map.Entry<RewardComponent, Double> reward : other.rewards.entrySet()) {
      rewards.merge(reward.getKey(), share * reward.getValue(), Double::sum);
    }
    conversions += share * other.conversions;
    engagedCustomers += share * other.engagedCustomers;
  }

  /** The reward of {@code component}; every component starts at zero. */
  double reward(RewardComponent component) {
    return requireNonNull(rewards.get(component), "every component starts at zero");
  }

  /** The cost as the sum of the monthly cash flows, in which the owners' shares are worked out. */
  double cost() {
    double total = 0;
    for (double cost : monthlyCost) {
      total += cost;
    }
    return total;
  }
}
