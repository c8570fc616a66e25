package org.engagement.roi;

import java.util.EnumMap;
import java.util.Map;

/**
 * One report line in the making: cost per month of the horizon, rewards per component, conversions and
 * engaged customers, added to as channels and owners are worked out. Not thread-safe.
 */
final class LineAccumulator {
  final String key;
  final double[] monthlyCost;
  final EnumMap<RewardComponent, Double> rewards = new EnumMap<>(RewardComponent.class);
  double conversions;
  double engagedCustomers;

  LineAccumulator(String key, int horizonMonths) {
    this.key = key;
    this.monthlyCost = new double[horizonMonths];
    for (RewardComponent component : RewardComponent.values()) {
      rewards.put(component, 0.0);
    }
  }

  void addCost(int monthIndex, double amount) {
    monthlyCost[monthIndex] += amount;
  }

  /** Adds {@code share} of {@code other}'s rewards, conversions and engaged customers (not its costs). */
  void addShareOf(LineAccumulator other, double share) {
    for (Map.Entry<RewardComponent, Double> reward : other.rewards.entrySet()) {
      rewards.merge(reward.getKey(), share * reward.getValue(), Double::sum);
    }
    conversions += share * other.conversions;
    engagedCustomers += share * other.engagedCustomers;
  }

  double cost() {
    double total = 0;
    for (double cost : monthlyCost) {
      total += cost;
    }
    return total;
  }
}
