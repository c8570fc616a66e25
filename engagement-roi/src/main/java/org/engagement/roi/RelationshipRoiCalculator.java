package org.engagement.roi;

import static java.util.Objects.requireNonNull;
import org.engagement.roi.evidence.EngagementLiftEvidence;
import org.engagement.roi.evidence.RetentionEvidence;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.selfreport.HybridAttribution;
import org.jspecify.annotations.Nullable;

/**
 * The default relationship-ROI calculator, registered as {@code relationship} (see {@link RoiCalculators}):
 * per channel, the four {@link RewardComponent rewards} against the cost, then per owner and in total.
 * It computes every component for every line; a channel without evidence for one earns 0 from it, and
 * without a survey the self-reported influence is 0 for every channel (the blend has weight 0).
 *
 * <h2>Rewards of a channel</h2>
 *
 * <ul>
 *   <li>attributed revenue and self-reported influence: the two terms of the {@link HybridAttribution}
 *       value credit (measured model credit, and survey share of the total, blended by the survey weight);
 *   <li>retained value: {@link RetentionEvidence#retainedValue()};
 *   <li>engagement lift: {@link EngagementLiftEvidence#value()}.
 * </ul>
 *
 * <h2>Payback</h2>
 *
 * Relationships return slowly, so payback is counted on monthly cash flows over a long horizon
 * ({@link Builder#horizonMonths}, default 60 months, never shorter than the window) with discounting at
 * {@link Builder#annualDiscountRate} (default 10 % a year, compounded monthly as {@code (1 + r)^(1/12) −
 * 1}). Costs fall in the months they were spent. Attributed revenue, self-reported influence and
 * engagement lift were earned within the window, so they flow evenly over the window's months; retained
 * value is the future value of customers kept, so it flows evenly over the whole horizon. Each month's
 * reward counts at the {@link Builder#margin margin} (default 1: rewards are taken as profit; set the
 * gross margin for a profit view). The payback month is the first month, from the first month with a
 * cost on, in which the cumulative discounted contribution covers the cumulative discounted cost.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RelationshipRoiCalculator implements RoiCalculator {
  private final double margin;
  private final double annualDiscountRate;
  private final int horizonMonths;

  private RelationshipRoiCalculator(Builder builder) {
    margin = builder.margin;
    annualDiscountRate = builder.annualDiscountRate;
    horizonMonths = builder.horizonMonths;
  }

  /** The calculator with the documented defaults. */
  public static RelationshipRoiCalculator defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "relationship";
  }

  /** The share of reward value counted as profit. */
  public double margin() {
    return margin;
  }

  /** The yearly discount rate of the payback cash flows. */
  public double annualDiscountRate() {
    return annualDiscountRate;
  }

  /** The payback horizon in months (at least the window is used). */
  public int horizonMonths() {
    return horizonMonths;
  }

  @Override
  public RoiReport calculate(RoiInputs inputs) {
    requireNonNull(inputs, "inputs");
    int horizon = Math.max(horizonMonths, inputs.months());
    SortedMap<String, LineAccumulator> channels = channelLines(inputs, horizon);
    SortedMap<String, LineAccumulator> owners = ownerLines(inputs, channels, horizon);
    LineAccumulator total = new LineAccumulator("total", horizon, Money.zero(inputs.currency()));
    for (LineAccumulator channel : channels.values()) {
      total.addShareOf(channel, 1);
      total.addCostsOf(channel);
    }
    inputs.distinctEngagedCustomers().ifPresent(customers -> total.engagedCustomers = customers);
    return new RoiReport(name(), inputs.investment().currency(), inputs.firstMonth(), inputs.lastMonth(),
        lines(channels, inputs), lines(owners, inputs), line(total, inputs));
  }

  private static SortedMap<String, LineAccumulator> channelLines(RoiInputs inputs, int horizon) {
    HybridAttribution attribution = inputs.attribution();
    TreeSet<String> names = new TreeSet<>(attribution.channels());
    names.addAll(inputs.investment().byChannel().keySet());
    names.addAll(inputs.engagedCustomers().keySet());
    names.addAll(inputs.retention().keySet());
    names.addAll(inputs.lift().keySet());
    SortedMap<String, LineAccumulator> lines = new TreeMap<>();
    for (String name : names) {
      LineAccumulator line = new LineAccumulator(name, horizon, Money.zero(inputs.currency()));
      line.rewards.put(RewardComponent.ATTRIBUTED_REVENUE, attribution.measuredValue(name));
      line.rewards.put(RewardComponent.SELF_REPORTED_INFLUENCE, attribution.selfReportedValue(name));
      RetentionEvidence retention = inputs.retention().get(name);
      line.rewards.put(RewardComponent.RETAINED_VALUE, retention == null ? 0 : retention.retainedValue());
      EngagementLiftEvidence lift = inputs.lift().get(name);
      line.rewards.put(RewardComponent.ENGAGEMENT_LIFT, lift == null ? 0 : lift.value());
      line.conversions = attribution.conversions(name);
      line.engagedCustomers = inputs.engagedCustomers().getOrDefault(name, 0L);
      lines.put(name, line);
    }
    for (Cost cost : inputs.investment().costs()) {
      requireNonNull(lines.get(cost.channel()), "every cost's channel has a line")
          .addCost(monthIndex(inputs, cost), cost.amount());
    }
    return lines;
  }

  private static SortedMap<String, LineAccumulator> ownerLines(
      RoiInputs inputs, Map<String, LineAccumulator> channels, int horizon) {
    SortedMap<String, LineAccumulator> owners = new TreeMap<>();
    Money zero = Money.zero(inputs.currency());
    Map<String, Map<String, Double>> spendByOwnerAndChannel = new TreeMap<>();
    for (Cost cost : inputs.investment().costs()) {
      owners.computeIfAbsent(cost.owner(), owner -> new LineAccumulator(owner, horizon, zero))
          .addCost(monthIndex(inputs, cost), cost.amount());
      spendByOwnerAndChannel.computeIfAbsent(cost.owner(), owner -> new TreeMap<>())
          .merge(cost.channel(), amount(cost), Double::sum);
    }
    spendByOwnerAndChannel.forEach((owner, spend) -> {
      LineAccumulator ownerLine = requireNonNull(owners.get(owner), "every owner with spend has a line");
      spend.forEach((channel, amount) -> {
        LineAccumulator channelLine = requireNonNull(channels.get(channel), "every cost's channel has a line");
        double channelCost = channelLine.cost();
        if (channelCost > 0) {
          ownerLine.addShareOf(channelLine, amount / channelCost);
        }
      });
    });
    return owners;
  }

  private List<RoiLine> lines(Map<String, LineAccumulator> accumulators, RoiInputs inputs) {
    List<RoiLine> lines = new ArrayList<>();
    for (LineAccumulator accumulator : accumulators.values()) {
      lines.add(line(accumulator, inputs));
    }
    return lines;
  }

  private RoiLine line(LineAccumulator accumulator, RoiInputs inputs) {
    return new RoiLine(accumulator.key, accumulator.spent, accumulator.rewards, accumulator.conversions,
        accumulator.engagedCustomers, inputs.months(), margin, paybackMonth(accumulator, inputs.months()));
  }

  private OptionalInt paybackMonth(LineAccumulator line, int windowMonths) {
    double[] cost = line.monthlyCost;
    int horizon = cost.length;
    double windowReward = margin * (line.reward(RewardComponent.ATTRIBUTED_REVENUE)
        + line.reward(RewardComponent.SELF_REPORTED_INFLUENCE)
        + line.reward(RewardComponent.ENGAGEMENT_LIFT)) / windowMonths;
    double horizonReward = margin * line.reward(RewardComponent.RETAINED_VALUE) / horizon;
    double monthlyFactor = 1 / Math.pow(1 + annualDiscountRate, 1.0 / 12);
    double discount = 1;
    double net = 0;
    boolean spent = false;
    for (int m = 0; m < horizon; m++) {
      discount *= monthlyFactor;
      double reward = horizonReward + (m < windowMonths ? windowReward : 0);
      net += (reward - cost[m]) * discount;
      spent |= cost[m] > 0;
      if (spent && net >= 0) {
        return OptionalInt.of(m + 1);
      }
    }
    return OptionalInt.empty();
  }

  private static int monthIndex(RoiInputs inputs, Cost cost) {
    return (int) ChronoUnit.MONTHS.between(inputs.firstMonth(), cost.month());
  }

  private static double amount(Cost cost) {
    return cost.amount().amount().doubleValue();
  }

  /** Equal when the margin, the discount rate and the horizon are: settings holding it compare as values. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RelationshipRoiCalculator other && margin == other.margin
        && annualDiscountRate == other.annualDiscountRate && horizonMonths == other.horizonMonths;
  }

  @Override
  public int hashCode() {
    return Objects.hash(margin, annualDiscountRate, horizonMonths);
  }

  @Override
  public String toString() {
    return "RelationshipRoiCalculator[margin " + margin + ", discount " + annualDiscountRate + "/year, horizon "
        + horizonMonths + " months]";
  }

  /** Settings of the calculator; checked as they are set. Not thread-safe. */
  public static final class Builder {
    private double margin = 1;
    private double annualDiscountRate = 0.10;
    private int horizonMonths = 60;

    private Builder() {}

    /** The share of reward value that is profit, in (0, 1]; default 1. */
    public Builder margin(double margin) {
      if (!(margin > 0 && margin <= 1)) {
        throw new InvalidFieldException("margin", margin, "must be in (0, 1]");
      }
      this.margin = margin;
      return this;
    }

    /** The yearly discount rate, in [0, 1]; default 0.10. */
    public Builder annualDiscountRate(double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new InvalidFieldException("annualDiscountRate", rate, "must be in [0, 1]");
      }
      this.annualDiscountRate = rate;
      return this;
    }

    /** The payback horizon in months, 1 to 1200; default 60. */
    public Builder horizonMonths(int months) {
      if (months < 1 || months > 1200) {
        throw new InvalidFieldException("horizonMonths", months, "must be in [1, 1200]");
      }
      this.horizonMonths = months;
      return this;
    }

    /** The calculator. */
    public RelationshipRoiCalculator build() {
      return new RelationshipRoiCalculator(this);
    }
  }
}
