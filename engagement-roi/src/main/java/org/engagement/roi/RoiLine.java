package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;

/**
 * The return of one channel, owner, segment or everything: cost, the reward components the calculator
 * computed, and the ratios derived from them, all in the cost's currency.
 *
 * <p>The cost is {@link Money}, exact to the minor unit, as the costs it adds up. Reward components are
 * estimates (fractional attribution credit, the expected value of customers kept), so they are real
 * numbers in the same currency; rounding each to the minor unit would change the figures and break their
 * sum. A calculator reports the components it computes and leaves the others out: an <em>absent</em>
 * component means "not computed" (not zero), counts nothing in the totals, and a report shows it as "not
 * computed" rather than as 0.
 *
 * <p>Every ratio is computed here from the fields, so anyone can recompute it:
 *
 * <ul>
 *   <li>{@code contribution = margin · Σ computed rewards}
 *   <li>{@code ROI = (contribution − cost) / cost}
 *   <li>{@code ROAS = (attributed revenue + self-reported influence) / cost} (revenue, before margin; the
 *       computed ones of the two)
 *   <li>{@code cost per acquisition = cost / conversions}
 *   <li>{@code cost per engaged customer per year = cost / engaged customers / (months / 12)}
 * </ul>
 *
 * A ratio whose denominator is 0, or whose numerator rests on no computed component, is empty rather than
 * infinite or zero. The payback month comes from the calculator's cash-flow rule
 * ({@link RelationshipRoiCalculator}). Immutable and thread-safe.
 *
 * @param key the channel, owner or segment name, or {@code total}
 * @param cost money spent; not negative
 * @param rewards the value of each computed reward component, each finite; absent components were not
 *     computed
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
    Money cost,
    Map<RewardComponent, Double> rewards,
    double conversions,
    double engagedCustomers,
    int months,
    double margin,
    OptionalInt paybackMonth) {

  /**
   * Validates the fields and copies the rewards.
   *
   * @throws InvalidFieldException if the cost is negative, a reward is not finite, there are no months or
   *     the margin is outside (0, 1]
   */
  public RoiLine {
    requireNonNull(key, "key");
    requireNonNull(cost, "cost");
    requireNonNull(paybackMonth, "paybackMonth");
    if (cost.isNegative()) {
      throw new InvalidFieldException("cost of " + key, cost, "must not be negative");
    }
    EnumMap<RewardComponent, Double> copy = new EnumMap<>(RewardComponent.class);
    rewards.forEach((component, value) -> {
      if (!Double.isFinite(requireNonNull(value, component.name()))) {
        throw new InvalidFieldException("reward " + component + " of " + key, value, "must be finite");
      }
      copy.put(component, value);
    });
    rewards = Collections.unmodifiableMap(copy);
    if (months < 1) {
      throw new InvalidFieldException("months", months, "must be at least 1");
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new InvalidFieldException("margin", margin, "must be in (0, 1]");
    }
  }

  /** The currency of the cost and of every reward. */
  public Currency currency() {
    return cost.currency();
  }

  /** The value of one reward component; empty when the calculator did not compute it. */
  public OptionalDouble reward(RewardComponent component) {
    Double value = rewards.get(requireNonNull(component, "component"));
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The sum of the computed reward components (0 when none was computed). */
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
    double spent = spent();
    return per(contribution() - spent, spent);
  }

  /**
   * Revenue per unit of cost; empty when nothing was spent or neither revenue component (attributed revenue,
   * self-reported influence) was computed.
   */
  public OptionalDouble roas() {
    OptionalDouble attributed = reward(RewardComponent.ATTRIBUTED_REVENUE);
    OptionalDouble selfReported = reward(RewardComponent.SELF_REPORTED_INFLUENCE);
    if (attributed.isEmpty() && selfReported.isEmpty()) {
      return OptionalDouble.empty();
    }
    return per(attributed.orElse(0) + selfReported.orElse(0), spent());
  }

  /** Cost per credited conversion; empty when no conversion was credited. */
  public OptionalDouble costPerAcquisition() {
    return per(spent(), conversions);
  }

  /** Cost per engaged customer per year ("a dollar a year"); empty when nobody engaged. */
  public OptionalDouble costPerEngagedCustomerPerYear() {
    return per(spent(), engagedCustomers * months / 12.0);
  }

  private double spent() {
    return cost.amount().doubleValue();
  }

  private static OptionalDouble per(double numerator, double denominator) {
    return denominator > 0 ? OptionalDouble.of(numerator / denominator) : OptionalDouble.empty();
  }
}
