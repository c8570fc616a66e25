package org.engagement.core.value.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.value.ValueConcentration;

class ValueTiersPropertiesTest {

  /** Random profiles; small integer values so that ties are frequent; some metrics missing. */
  static List<CustomerProfile> population(int n, long seed) {
    Random random = new Random(seed);
    List<CustomerProfile> profiles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Double> metrics = new HashMap<>();
      if (random.nextInt(10) > 0) {
        metrics.put(MetricNames.VALUE, (double) random.nextInt(random.nextBoolean() ? 5 : 1000));
      }
      if (random.nextInt(10) > 0) {
        metrics.put(MetricNames.ENGAGEMENT, random.nextInt(50) / 4.0);
      }
      if (random.nextInt(10) > 0) {
        metrics.put(MetricNames.RECENCY_DAYS, (double) random.nextInt(365));
      }
      metrics.put("clv", (double) random.nextInt(1500));
      metrics.put(MetricNames.CHURNED, (double) random.nextInt(2));
      profiles.add(new CustomerProfile(Customer.of("c" + i, Instant.EPOCH), metrics));
    }
    return profiles;
  }

  /** Each customer is in exactly one tier segment, and it is the tier assigned; the counts add up to n. */
  @Property
  void tiersPartitionTheCustomers(@ForAll @IntRange(min = 0, max = 200) int n, @ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 1) double retainShare,
      @ForAll @DoubleRange(min = 0, max = 1) double engagementShare,
      @ForAll @IntRange(min = 1, max = 400) int lapsedAfter) {
    List<CustomerProfile> profiles = population(n, seed);
    ValueTierRules rules = new ValueTierRules(retainShare, engagementShare, lapsedAfter);
    ValueTiers tiers = ValueTiers.of(rules, ValuePredictor.fromMetric("clv"), profiles);
    for (CustomerProfile profile : profiles) {
      List<ValueTier> containing = new ArrayList<>();
      for (ValueTier tier : ValueTier.values()) {
        if (tiers.segment(tier).test(profile)) {
          containing.add(tier);
        }
      }
      assertThat(containing).containsExactly(tiers.tier(profile));
    }
    assertThat(tiers.counts(profiles).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
    List<SegmentRollup> rollups = tiers.rollups(profiles);
    assertThat(rollups.stream().mapToInt(SegmentRollup::size).sum()).isEqualTo(n);
    assertThat(rollups).allSatisfy(r -> assertThat(r.churnRate()).isBetween(0.0, 1.0));
  }

  /**
   * The tier assigned is the first, in order of precedence, whose rule in the table of {@link ValueTiers}
   * holds, with the cut-offs recomputed here independently: m = ceil(p * b / 100) by integer arithmetic
   * over the b buyers (positive value) for the value cut-off, m = ceil(p * n / 100) over everyone for
   * engagement.
   */
  @Property
  void tierFollowsTheRuleTable(@ForAll @IntRange(min = 1, max = 150) int n, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 100) int retainPercent, @ForAll @IntRange(min = 0, max = 100) int growPercent,
      @ForAll @IntRange(min = 1, max = 400) int lapsedAfter) {
    List<CustomerProfile> profiles = population(n, seed);
    ValueTierRules rules = new ValueTierRules(retainPercent / 100.0, growPercent / 100.0, lapsedAfter);
    ValueTiers tiers = ValueTiers.of(rules, ValuePredictor.fromMetric("clv"), profiles);
    List<CustomerProfile> buyers = profiles.stream().filter(p -> p.metric(MetricNames.VALUE).orElse(0) > 0).toList();
    double valueCut = mthLargest(buyers, MetricNames.VALUE, (retainPercent * buyers.size() + 99) / 100);
    double engagementCut = mthLargest(profiles, MetricNames.ENGAGEMENT, (growPercent * n + 99) / 100);
    for (CustomerProfile p : profiles) {
      double value = p.metric(MetricNames.VALUE).orElse(0);
      double engagement = p.metric(MetricNames.ENGAGEMENT).orElse(0);
      double clv = p.metric("clv").orElse(0);
      boolean retain = value > 0 && value >= valueCut;
      boolean lapsed = p.metric(MetricNames.RECENCY_DAYS).isPresent()
          && p.metric(MetricNames.RECENCY_DAYS).getAsDouble() >= lapsedAfter;
      boolean grow = (engagement > 0 && engagement >= engagementCut) || (clv > 0 && clv >= valueCut);
      ValueTier expected = retain ? ValueTier.RETAIN
          : lapsed ? ValueTier.RE_ENGAGE
          : grow ? ValueTier.GROW
          : ValueTier.MAINTAIN;
      assertThat(tiers.tier(p)).as(p.toString()).isEqualTo(expected);
    }
  }

  private static double mthLargest(List<CustomerProfile> profiles, String metric, int m) {
    if (m == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return profiles.stream().mapToDouble(p -> p.metric(metric).orElse(0)).boxed()
        .sorted(Collections.reverseOrder()).skip(m - 1L).findFirst().orElseThrow();
  }

  /** The retain tier holds at least ceil(share * b) of the b buyers (customers with a positive value). */
  @Property
  void retainHoldsAtLeastTheTopShare(@ForAll @IntRange(min = 1, max = 200) int n, @ForAll long seed) {
    List<CustomerProfile> profiles = population(n, seed);
    ValueTiers tiers = ValueTiers.of(ValuePredictor.none(), profiles);
    long positive = profiles.stream().filter(p -> p.metric(MetricNames.VALUE).orElse(0) > 0).count();
    long m = (long) Math.ceil(0.2 * positive - 1e-9);
    assertThat((long) tiers.counts(profiles).get(ValueTier.RETAIN)).isGreaterThanOrEqualTo(m);
  }

  /**
   * One "top 20 %": on a population of buyers with distinct values and prospects with none, the retain tier
   * is the top ceil(0.2 b) buyers, and the value it holds is {@link ValueConcentration#topShare} of the
   * buyers' values. Before, prospects counted in n, and the tier took most of the buyers.
   */
  @Property
  void retainTierAndTopShareAgree(@ForAll @IntRange(min = 1, max = 300) int buyers,
      @ForAll @IntRange(max = 1000) int prospects, @ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int percent) {
    Random random = new Random(seed);
    List<CustomerProfile> profiles = new ArrayList<>();
    double[] values = new double[buyers];
    for (int i = 0; i < buyers; i++) {
      values[i] = i + 1 + random.nextInt(1000) * 1000.0;
      profiles.add(ValueTiersTest.profile("b" + i, values[i], 0, null, 0, 0));
    }
    for (int i = 0; i < prospects; i++) {
      profiles.add(ValueTiersTest.profile("p" + i, 0, 0, null, 0, 0));
    }
    Collections.shuffle(profiles, random);
    double share = percent / 100.0;
    ValueTiers tiers = ValueTiers.of(ValueTierRules.defaults().withRetainShare(share), ValuePredictor.none(), profiles);
    List<CustomerProfile> retained = profiles.stream().filter(p -> tiers.tier(p) == ValueTier.RETAIN).toList();
    double retainedValue = retained.stream().mapToDouble(p -> p.metric(MetricNames.VALUE).orElse(0)).sum();
    ValueConcentration concentration = ValueConcentration.of(values);
    assertThat(retained).hasSize((percent * buyers + 99) / 100);
    assertThat(retainedValue / concentration.total()).isCloseTo(concentration.topShare(share), within(1e-12));
  }

  /** The order of the population changes neither the cut-offs nor any tier. */
  @Property
  void orderOfInputIsIrrelevant(@ForAll @IntRange(min = 0, max = 200) int n, @ForAll long seed) {
    List<CustomerProfile> profiles = population(n, seed);
    List<CustomerProfile> shuffled = new ArrayList<>(profiles);
    Collections.shuffle(shuffled, new Random(seed + 1));
    ValuePredictor clv = ValuePredictor.fromMetric("clv");
    ValueTiers a = ValueTiers.of(clv, profiles);
    ValueTiers b = ValueTiers.of(clv, shuffled);
    assertThat(b.valueCutoff()).isEqualTo(a.valueCutoff());
    assertThat(b.engagementCutoff()).isEqualTo(a.engagementCutoff());
    assertThat(b.assign(shuffled)).isEqualTo(a.assign(profiles));
    // Values and engagement are multiples of 1/4, so the sums are exact in any order.
    assertThat(b.rollups(shuffled)).isEqualTo(a.rollups(profiles));
  }

  /**
   * Cut-offs found elsewhere (the topCount-th largest value among the buyers and engagement among all,
   * as a distributed engine finds them) give the tiers of {@link ValueTiers#of}.
   */
  @Property
  void cutoffsFromRanksGiveTheSameTiers(@ForAll @IntRange(min = 0, max = 200) int n, @ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 1) double retainShare) {
    List<CustomerProfile> profiles = population(n, seed);
    ValueTierRules rules = ValueTierRules.defaults().withRetainShare(retainShare);
    ValuePredictor clv = ValuePredictor.fromMetric("clv");
    double[] buyers = profiles.stream().mapToDouble(p -> p.metric(MetricNames.VALUE).orElse(0)).filter(v -> v > 0)
        .sorted().toArray();
    double[] engagement = profiles.stream().mapToDouble(p -> p.metric(MetricNames.ENGAGEMENT).orElse(0)).sorted()
        .toArray();
    long m = ValueTiers.topCount(retainShare, buyers.length);
    long e = ValueTiers.topCount(rules.growEngagementShare(), engagement.length);
    ValueTiers ranked = ValueTiers.withCutoffs(rules, clv,
        m == 0 ? Double.POSITIVE_INFINITY : buyers[(int) (buyers.length - m)],
        e == 0 ? Double.POSITIVE_INFINITY : engagement[(int) (engagement.length - e)]);

    ValueTiers whole = ValueTiers.of(rules, clv, profiles);
    assertThat(m).isBetween((long) Math.floor(retainShare * buyers.length), (long) buyers.length);
    assertThat(ranked.valueCutoff()).isEqualTo(whole.valueCutoff());
    assertThat(ranked.engagementCutoff()).isEqualTo(whole.engagementCutoff());
    assertThat(ranked.assign(profiles)).isEqualTo(whole.assign(profiles));
  }
}
