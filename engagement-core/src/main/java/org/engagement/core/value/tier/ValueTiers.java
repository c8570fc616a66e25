package org.engagement.core.value.tier;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;

/**
 * Puts every customer of a population in exactly one {@link ValueTier}, from the profile metrics
 * {@value MetricNames#VALUE}, {@value MetricNames#ENGAGEMENT} and {@value MetricNames#RECENCY_DAYS}
 * (see {@link MetricNames} for missing metrics) and a {@link ValuePredictor}.
 *
 * <p><b>"Top 20 %" means the top 20 % of buyers by value.</b> The value cut-off ranks the <em>buyers</em>
 * of the population given to {@link #of(ValueTierRules, ValuePredictor, Collection)}, the customers with a
 * positive {@value MetricNames#VALUE}: with b buyers, m = &lceil;k&middot;b&rceil; for the share k =
 * {@code retainShare} (computed exactly from the decimal form of k) and the cut-off is the m-th largest
 * value (+&infin; when m = 0, so nobody qualifies). Prospects (value 0) neither count in b nor qualify, so
 * a population full of prospects does not stretch the "top 20 %" over most of the buyers. This is the
 * definition of {@link org.engagement.core.value.ValueConcentration#topShare(double)} applied to the
 * buyers' values ({@link org.engagement.core.profile.Purchases#concentration()} gives it): the retain tier
 * holds exactly the customers whose value that top share sums, up to ties. Every customer at or above the
 * cut-off is in the top, so ties at the cut-off are all in and the top can hold more than m customers.
 * The engagement cut-off ranks the whole population the same way (prospects engage too), with a value of
 * 0 never "high".
 *
 * <table>
 *   <caption>Tiers, in order of precedence: the first that applies wins</caption>
 *   <tr><th>tier</th><th>rule</th></tr>
 *   <tr><td>retain</td><td>value &ge; value cut-off (top {@code retainShare}) and value &gt; 0</td></tr>
 *   <tr><td>re-engage</td><td>recency_days &ge; {@code lapsedAfterDays} (lapsed)</td></tr>
 *   <tr><td>grow</td><td>engagement &ge; engagement cut-off (top {@code growEngagementShare}) and
 *       engagement &gt; 0; <em>or</em> predicted value &ge; value cut-off and &gt; 0 (predicted to reach
 *       the retain tier). Not retain, so value so far is below the cut-off.</td></tr>
 *   <tr><td>maintain</td><td>everyone else</td></tr>
 * </table>
 *
 * <p>So a lapsed top customer stays "retain" (a high-value customer who is fading is the one to keep:
 * RFM's "At Risk" and "Can't Lose Them"), and a lapsed customer is never "grow". Once the cut-offs are
 * fixed, a tier is a plain predicate over a profile, so {@link #segment(ValueTier)} is a {@link Segment}
 * that can be combined with others and applied to profiles outside the population.
 *
 * <p>The result does not depend on the order of the population. Immutable and thread-safe if the
 * predictor is.
 *
 * @since 0.1.0
 */
public final class ValueTiers {
  private final ValueTierRules rules;
  private final ValuePredictor predictor;
  private final double valueCutoff;
  private final double engagementCutoff;

  private ValueTiers(ValueTierRules rules, ValuePredictor predictor, double valueCutoff, double engagementCutoff) {
    this.rules = rules;
    this.predictor = predictor;
    this.valueCutoff = valueCutoff;
    this.engagementCutoff = engagementCutoff;
  }

  /**
   * Fixes the cut-offs of {@code rules} on {@code population}.
   *
   * @throws InvalidFieldException if a {@value MetricNames#VALUE} or {@value MetricNames#ENGAGEMENT}
   *     metric is negative
   */
  public static ValueTiers of(ValueTierRules rules, ValuePredictor predictor, Collection<CustomerProfile> population) {
    requireNonNull(rules, "rules");
    requireNonNull(predictor, "predictor");
    requireNonNull(population, "population");
    double[] buyerValues = new double[population.size()];
    double[] engagement = new double[population.size()];
    int buyers = 0;
    int i = 0;
    for (CustomerProfile profile : population) {
      double value = nonNegative(profile, MetricNames.VALUE);
      if (value > 0) {
        buyerValues[buyers++] = value;
      }
      engagement[i] = nonNegative(profile, MetricNames.ENGAGEMENT);
      i++;
    }
    return new ValueTiers(rules, predictor, cutoff(Arrays.copyOf(buyerValues, buyers), rules.retainShare()),
        cutoff(engagement, rules.growEngagementShare()));
  }

  /** {@link #of(ValueTierRules, ValuePredictor, Collection)} with the default rules. */
  public static ValueTiers of(ValuePredictor predictor, Collection<CustomerProfile> population) {
    return of(ValueTierRules.defaults(), predictor, population);
  }

  /**
   * Tiers whose cut-offs were fixed elsewhere: a distributed engine that ranks a population too large for
   * one JVM finds the {@link #topCount}-th largest values itself and gives them here, so that the tier of
   * each profile is still decided by {@link #tier}. {@code of(rules, predictor, population)} equals
   * {@code withCutoffs(rules, predictor, v, e)} for its {@link #valueCutoff()} v and
   * {@link #engagementCutoff()} e.
   *
   * @param valueCutoff the {@code topCount(retainShare, buyers)}-th largest value among the buyers (the
   *     customers with a positive value), or +&infin; when that count is 0
   * @param engagementCutoff the {@code topCount(growEngagementShare, customers)}-th largest engagement of
   *     the population, or +&infin; when that count is 0
   * @throws InvalidFieldException if a cut-off is NaN or negative
   */
  public static ValueTiers withCutoffs(ValueTierRules rules, ValuePredictor predictor, double valueCutoff,
      double engagementCutoff) {
    requireNonNull(rules, "rules");
    requireNonNull(predictor, "predictor");
    checkCutoff("valueCutoff", valueCutoff);
    checkCutoff("engagementCutoff", engagementCutoff);
    return new ValueTiers(rules, predictor, valueCutoff, engagementCutoff);
  }

  /**
   * How many of {@code n} ranked customers the top {@code share} holds: &lceil;share&middot;n&rceil;,
   * computed exactly from the decimal form of the share. The cut-off is the value of the customer of that
   * rank from the top.
   *
   * @throws InvalidFieldException if the share is outside [0, 1] or {@code n} is negative
   */
  public static long topCount(double share, long n) {
    if (!(share >= 0 && share <= 1)) {
      throw new InvalidFieldException("share", share, "must be between 0 and 1");
    }
    if (n < 0) {
      throw new InvalidFieldException("n", n, "must not be negative");
    }
    return BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  private static void checkCutoff(String field, double cutoff) {
    if (!(cutoff >= 0)) {
      throw new InvalidFieldException(field, cutoff, "must not be negative or NaN");
    }
  }

  /** The m-th largest value for m = ceil(share * n), or +infinity when m = 0. */
  static double cutoff(double[] values, double share) {
    int n = values.length;
    int m = Math.toIntExact(topCount(share, n));
    if (m == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[n - m];
  }

  private static double nonNegative(CustomerProfile profile, String metric) {
    double v = profile.metric(metric).orElse(0);
    if (v < 0) {
      throw new InvalidFieldException(
          "metric " + metric + " of customer " + profile.customer().id(), v, "must not be negative");
    }
    return v;
  }

  /** The rules these tiers apply. */
  public ValueTierRules rules() {
    return rules;
  }

  /**
   * The value at or above which a customer is in the top {@code retainShare} of buyers (customers with a
   * positive value); +&infin; if none is.
   */
  public double valueCutoff() {
    return valueCutoff;
  }

  /** The engagement at or above which a customer is in the top {@code growEngagementShare}; +&infin; if none is. */
  public double engagementCutoff() {
    return engagementCutoff;
  }

  /**
   * The tier of {@code profile}, by the rules and precedence in the class description.
   *
   * @throws InvalidFieldException if the predictor returns a number that is not finite
   */
  public ValueTier tier(CustomerProfile profile) {
    requireNonNull(profile, "profile");
    double value = profile.metric(MetricNames.VALUE).orElse(0);
    if (value > 0 && value >= valueCutoff) {
      return ValueTier.RETAIN;
    }
    if (profile.metric(MetricNames.RECENCY_DAYS).orElse(Double.NEGATIVE_INFINITY) >= rules.lapsedAfterDays()) {
      return ValueTier.RE_ENGAGE;
    }
    double engagement = profile.metric(MetricNames.ENGAGEMENT).orElse(0);
    if (engagement > 0 && engagement >= engagementCutoff) {
      return ValueTier.GROW;
    }
    double predicted = predictor.predict(profile);
    if (!Double.isFinite(predicted)) {
      throw new InvalidFieldException(
          "predicted value of customer " + profile.customer().id(), predicted, "must be a finite number");
    }
    if (predicted > 0 && predicted >= valueCutoff) {
      return ValueTier.GROW;
    }
    return ValueTier.MAINTAIN;
  }

  /** The tier of every profile, by customer id, as an unmodifiable map. */
  public Map<String, ValueTier> assign(Collection<CustomerProfile> profiles) {
    Map<String, ValueTier> tiers = new HashMap<>();
    for (CustomerProfile profile : profiles) {
      tiers.put(profile.customer().id(), tier(profile));
    }
    return Map.copyOf(tiers);
  }

  /** How many of {@code profiles} are in each tier; every tier is a key, possibly with 0. Unmodifiable. */
  public Map<ValueTier, Integer> counts(Collection<CustomerProfile> profiles) {
    Map<ValueTier, Integer> counts = new EnumMap<>(ValueTier.class);
    for (ValueTier tier : ValueTier.values()) {
      counts.put(tier, 0);
    }
    for (CustomerProfile profile : profiles) {
      counts.merge(tier(profile), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** The members of {@code tier} as a segment named by the tier's {@linkplain ValueTier#label() label}. */
  public Segment segment(ValueTier tier) {
    requireNonNull(tier, "tier");
    return Segment.of(tier.label(), profile -> tier(profile) == tier);
  }

  /**
   * One {@link SegmentRollup} per tier over {@code profiles}, in the order of {@link ValueTier}: what {@link
   * SegmentRollup#of(List, Collection)} gives for the tiers' {@linkplain #segment segments}, in one pass with each
   * profile's tier decided once (the predictor asked once per profile, not once per tier).
   */
  public List<SegmentRollup> rollups(Collection<CustomerProfile> profiles) {
    requireNonNull(profiles, "profiles");
    Map<ValueTier, SegmentRollup.Sums> sums = new EnumMap<>(ValueTier.class);
    for (ValueTier tier : ValueTier.values()) {
      sums.put(tier, new SegmentRollup.Sums());
    }
    for (CustomerProfile profile : profiles) {
      requireNonNull(sums.get(tier(profile))).add(profile);
    }
    List<SegmentRollup> rollups = new ArrayList<>();
    sums.forEach((tier, own) -> rollups.add(own.rollup(tier.label())));
    return List.copyOf(rollups);
  }

  @Override
  public String toString() {
    return "ValueTiers[" + rules + ", valueCutoff=" + valueCutoff + ", engagementCutoff=" + engagementCutoff + "]";
  }
}
