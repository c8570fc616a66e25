package org.engagement.roi;

import static java.util.Objects.requireNonNull;
import org.engagement.roi.evidence.EngagementLiftEvidence;
import org.engagement.roi.evidence.RetentionEvidence;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.engagement.attribution.AttributionResult;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.selfreport.HybridAttribution;
import org.engagement.roi.selfreport.SelfReportedAttribution;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link RoiCalculator} reads: the investment, the attribution (measured, optionally
 * blended with survey answers), the observation window, and per channel the engaged customers and the
 * evidence of retention and engagement lift. A survey is optional: without one the attribution is the
 * measured one ({@link HybridAttribution#measuredOnly}). Evidence is optional per channel: a channel
 * without it simply earns nothing from that component.
 *
 * <p>Every amount is in the investment's currency ({@link #currency()}): the costs are {@code Money} in
 * it (the investment refuses others), and the evidence values and the attribution's conversion values are
 * read in it. Every cost must fall inside the window, so costs and rewards describe the same months.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RoiInputs {
  private final Investment investment;
  private final HybridAttribution attribution;
  private final YearMonth firstMonth;
  private final YearMonth lastMonth;
  private final Map<String, Long> engagedCustomers;
  private final Map<String, RetentionEvidence> retention;
  private final Map<String, EngagementLiftEvidence> lift;
  private final @Nullable Long distinctEngagedCustomers;

  private RoiInputs(Builder builder) {
    investment = builder.investment;
    attribution = builder.attribution;
    firstMonth = builder.firstMonth;
    lastMonth = builder.lastMonth;
    engagedCustomers = Map.copyOf(builder.engagedCustomers);
    retention = Map.copyOf(builder.retention);
    lift = Map.copyOf(builder.lift);
    distinctEngagedCustomers = builder.distinctEngagedCustomers;
  }

  /**
   * A builder for the window {@code firstMonth} to {@code lastMonth}, both included, with measured
   * attribution and no survey; add one with {@link Builder#survey}.
   *
   * @throws InvalidFieldException if {@code lastMonth} is before {@code firstMonth} or a cost falls outside
   *     the window
   */
  public static Builder builder(
      Investment investment, AttributionResult measured, YearMonth firstMonth, YearMonth lastMonth) {
    return new Builder(investment, HybridAttribution.measuredOnly(measured), firstMonth, lastMonth);
  }

  /**
   * A builder for the window {@code firstMonth} to {@code lastMonth}, both included, with an attribution
   * already blended with a survey.
   *
   * @throws InvalidFieldException if {@code lastMonth} is before {@code firstMonth} or a cost falls outside
   *     the window
   */
  public static Builder builder(
      Investment investment, HybridAttribution attribution, YearMonth firstMonth, YearMonth lastMonth) {
    return new Builder(investment, attribution, firstMonth, lastMonth);
  }

  /** The money and time put in. */
  public Investment investment() {
    return investment;
  }

  /** The currency of every amount: the investment's. */
  public Currency currency() {
    return investment.currency();
  }

  /**
   * The attribution of conversions and value to channels: measured, blended with the survey when there is
   * one (otherwise {@link HybridAttribution#measuredOnly}).
   */
  public HybridAttribution attribution() {
    return attribution;
  }

  /** Whether the attribution rests on survey answers as well as on the measured model. */
  public boolean surveyed() {
    return attribution.selfReported().answers() > 0;
  }

  /** The first month of the window. */
  public YearMonth firstMonth() {
    return firstMonth;
  }

  /** The last month of the window (included). */
  public YearMonth lastMonth() {
    return lastMonth;
  }

  /** The number of months in the window, at least 1. */
  public int months() {
    return (int) ChronoUnit.MONTHS.between(firstMonth, lastMonth) + 1;
  }

  /** Customers engaged on each channel in the window, by channel name. */
  public Map<String, Long> engagedCustomers() {
    return engagedCustomers;
  }

  /**
   * Customers engaged on any channel, each counted once, if known; the total line then uses it for the
   * cost per engaged customer. Without it the total counts a customer once per channel they engaged on.
   */
  public OptionalLong distinctEngagedCustomers() {
    return distinctEngagedCustomers == null ? OptionalLong.empty() : OptionalLong.of(distinctEngagedCustomers);
  }

  /** Retention evidence by channel name. */
  public Map<String, RetentionEvidence> retention() {
    return retention;
  }

  /** Engagement-lift evidence by channel name. */
  public Map<String, EngagementLiftEvidence> lift() {
    return lift;
  }

  /** Collects the optional evidence. Not thread-safe. */
  public static final class Builder {
    private final Investment investment;
    private HybridAttribution attribution;
    private final YearMonth firstMonth;
    private final YearMonth lastMonth;
    private final Map<String, Long> engagedCustomers = new LinkedHashMap<>();
    private final Map<String, RetentionEvidence> retention = new LinkedHashMap<>();
    private final Map<String, EngagementLiftEvidence> lift = new LinkedHashMap<>();
    private @Nullable Long distinctEngagedCustomers;

    private Builder(Investment investment, HybridAttribution attribution, YearMonth firstMonth, YearMonth lastMonth) {
      this.investment = requireNonNull(investment, "investment");
      this.attribution = requireNonNull(attribution, "attribution");
      this.firstMonth = requireNonNull(firstMonth, "firstMonth");
      this.lastMonth = requireNonNull(lastMonth, "lastMonth");
      if (lastMonth.isBefore(firstMonth)) {
        throw new InvalidFieldException("lastMonth", lastMonth, "must not be before firstMonth " + firstMonth);
      }
      for (Cost cost : investment.costs()) {
        if (cost.month().isBefore(firstMonth) || cost.month().isAfter(lastMonth)) {
          throw new InvalidFieldException("cost.month", cost.month(),
              "must be inside the window " + firstMonth + " to " + lastMonth + " (channel " + cost.channel() + ")");
        }
      }
    }

    /**
     * Blends the measured attribution with the answers of a survey, trusting the survey with {@code weight}
     * ({@link HybridAttribution#blend}).
     *
     * @throws InvalidFieldException if {@code weight} is not in [0, 1]
     * @return this builder
     */
    public Builder survey(SelfReportedAttribution answers, double weight) {
      attribution = HybridAttribution.blend(attribution.measured(), answers, weight);
      return this;
    }

    /** Sets how many customers engaged on {@code channel} in the window. */
    public Builder engagedCustomers(String channel, long customers) {
      requireNonNull(channel, "channel");
      if (customers < 0) {
        throw new InvalidFieldException("engagedCustomers", customers, "must not be negative");
      }
      engagedCustomers.put(channel, customers);
      return this;
    }

    /** Sets how many distinct customers engaged on any channel in the window. */
    public Builder distinctEngagedCustomers(long customers) {
      if (customers < 0) {
        throw new InvalidFieldException("distinctEngagedCustomers", customers, "must not be negative");
      }
      distinctEngagedCustomers = customers;
      return this;
    }

    /** Sets the retention evidence of {@code channel}. */
    public Builder retention(String channel, RetentionEvidence evidence) {
      retention.put(requireNonNull(channel, "channel"), requireNonNull(evidence, "evidence"));
      return this;
    }

    /** Sets the engagement-lift evidence of {@code channel}. */
    public Builder lift(String channel, EngagementLiftEvidence evidence) {
      lift.put(requireNonNull(channel, "channel"), requireNonNull(evidence, "evidence"));
      return this;
    }

    /** The inputs. */
    public RoiInputs build() {
      return new RoiInputs(this);
    }
  }
}
