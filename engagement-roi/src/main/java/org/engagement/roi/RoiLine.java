package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The return of one channel, owner, or everything: cost, each reward component, and the ratios derived
 * from them, all in the report's currency.
 *
 * <p>Every ratio is computed here from the fields, so anyone can recompute it:
 *
 * <ul>
 *   <li>{@code contribution = margin · Σ rewards}
 *   <li>{@code ROI = (contribution − cost) / cost}
 *   <li>{@code ROAS = (attributed revenue + self-reported influence) / cost} (revenue, before margin)
 *   <li>{@code cost per acquisition = cost / conversions}
 *   <li>{@code cost per engaged customer per year = cost / engaged customers / (months / 12)}
 * </ul>
 *
 * A ratio whose denominator is 0 is empty rather than infinite. The payback month comes from the
 * calculator's cash-flow rule ({@link RelationshipRoiCalculator}). Immutable and thread-safe.
 *
 * @param key the channel or owner name, or {@code total}
 * @param cost money spent; finite, not negative
 * @param rewards the value of each reward component; every component present
 * @param conversions conversions credited (blended attribution)
 * @param engagedCustomers customers engaged (fractional for owners, who share channels)
 * @param months the months of the window
 * @param margin the share of reward value that is profit, in (0, 1]
 * @param paybackMonth the month (1 = the window's first) in which cumulative discounted contribution first
 *     covers cumulative discounted cost; empty when there is no cost or it never does within the horizon
 * @since 0.1.0
 */
public record RoiLine(
    String key,
    double cost,
    Map<RewardComponent, Double> rewards,
    double conversions,
    double engagedCustomers,
    int months,
    double margin,
    OptionalInt paybackMonth) {

  /** Validates the fields and copies the rewards. */
  public RoiLine {
    requireNonNull(key, "key");
    requireNonNull(paybackMonth, "paybackMonth");
    if (!Double.isFinite(cost) || cost < 0) {
      throw new InvalidFieldException("cost", cost, "must be finite and not negative");
    }
    EnumMap<RewardComponent, Double> copy = new EnumMap<>(RewardComponent.class);
    copy.putAll(rewards);
    if (copy.size() != RewardComponent.values().length) {
      throw new InvalidFieldException("rewards", rewards.keySet(), "must hold every reward component");
    }
    rewards = Collections.unmodifiableMap(copy);
    if (months < 1) {
      throw new InvalidFieldException("months", months, "must be at least 1");
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new InvalidFieldException("margin", margin, "must be in (0, 1]");
    }
  }

  /** The value of one reward component. */
  public double reward(RewardComponent component) {
    return rewards.get(component);
  }

  /** The sum of the reward components. */
  public double totalReward() {
    double total = 0;
    for (double reward : rewards.values()) {
      total += reward;
    }
    return total;
  }

  /** The profit the rewards bring: {@code margin · totalReward()}. */
  public double contribution() {
    return margin * totalReward();
  }

  /** {@code (contribution − cost) / cost}; empty when nothing was spent. */
  public OptionalDouble roi() {
    return per(contribution() - cost, cost);
  }

  /** Revenue per unit of cost; empty when nothing was spent. */
  public OptionalDouble roas() {
    return per(reward(RewardComponent.ATTRIBUTED_REVENUE) + reward(RewardComponent.SELF_REPORTED_INFLUENCE), cost);
  }

  /** Cost per credited conversion; empty when no conversion was credited. */
  public OptionalDouble costPerAcquisition() {
    return per(cost, conversions);
  }

  /** Cost per engaged customer per year ("a dollar a year"); empty when nobody engaged. */
  public OptionalDouble costPerEngagedCustomerPerYear() {
    return per(cost, engagedCustomers * months / 12.0);
  }

  private static OptionalDouble per(double numerator, double denominator) {
    return denominator > 0 ? OptionalDouble.of(numerator / denominator) : OptionalDouble.empty();
  }
}
