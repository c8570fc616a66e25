package org.engagement.core.value.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;
import org.junit.jupiter.api.Test;

class ValueTiersTest {
  private static final ValuePredictor CLV = ValuePredictor.fromMetric("clv");

  /**
   * Ten customers. With the defaults (top 20 %, top 20 %, 90 days), m = ceil(0.2 * 10) = 2:
   * values sorted down are 1000, 800, 500, ... so the value cut-off is 800; engagement sorted down is
   * 50, 40, 5, 4, ... so the engagement cut-off is 40.
   */
  static final List<CustomerProfile> TEN = List.of(
      profile("c0", 1000, 1, 5.0, 0, 0), // retain: 1000 >= 800
      profile("c1", 800, 2, 200.0, 0, 1), // retain: 800 >= 800, although lapsed (retain comes first)
      profile("c2", 500, 3, 10.0, 0, 0), // maintain: not top, engagement 3 < 40, predicted 0
      profile("c3", 300, 50, 10.0, 0, 0), // grow: engagement 50 >= 40
      profile("c4", 200, 40, 120.0, 0, 1), // re-engage: 120 >= 90 days, before grow (40 >= 40)
      profile("c5", 100, 5, 10.0, 900, 0), // grow: predicted 900 >= value cut-off 800
      profile("c6", 50, 4, 10.0, 700, 0), // maintain: predicted 700 < 800
      profile("c7", 0, 0, 400.0, 0, 1), // re-engage: 400 >= 90
      profile("c8", 20, 1, null, 0, 0), // maintain: no recency is not lapsed
      profile("c9", 10, 2, 30.0, 0, 0)); // maintain

  static CustomerProfile profile(String id, double value, double engagement, Double recency, double clv, double churned) {
    Map<String, Double> metrics = new HashMap<>();
    metrics.put(MetricNames.VALUE, value);
    metrics.put(MetricNames.ENGAGEMENT, engagement);
    if (recency != null) {
      metrics.put(MetricNames.RECENCY_DAYS, recency);
    }
    metrics.put("clv", clv);
    metrics.put(MetricNames.CHURNED, churned);
    return new CustomerProfile(Customer.of(id, Instant.parse("2024-01-01T00:00:00Z")), metrics);
  }

  @Test
  void handWorkedTiers() {
    ValueTiers tiers = ValueTiers.of(CLV, TEN);
    assertThat(tiers.valueCutoff()).isEqualTo(800);
    assertThat(tiers.engagementCutoff()).isEqualTo(40);
    assertThat(tiers.assign(TEN)).isEqualTo(Map.of(
        "c0", ValueTier.RETAIN, "c1", ValueTier.RETAIN,
        "c2", ValueTier.MAINTAIN, "c3", ValueTier.GROW,
        "c4", ValueTier.RE_ENGAGE, "c5", ValueTier.GROW,
        "c6", ValueTier.MAINTAIN, "c7", ValueTier.RE_ENGAGE,
        "c8", ValueTier.MAINTAIN, "c9", ValueTier.MAINTAIN));
    assertThat(tiers.counts(TEN)).containsExactlyInAnyOrderEntriesOf(Map.of(
        ValueTier.RETAIN, 2, ValueTier.RE_ENGAGE, 2, ValueTier.GROW, 2, ValueTier.MAINTAIN, 4));
  }

  @Test
  void withoutAPredictorOnlyEngagementMakesGrow() {
    // c5's prediction no longer counts: 100 < 800, engagement 5 < 40, not lapsed: maintain.
    assertThat(ValueTiers.of(ValuePredictor.none(), TEN).tier(TEN.get(5))).isEqualTo(ValueTier.MAINTAIN);
  }

  @Test
  void configurableThresholds() {
    // Top 50 %: m = 5, values down 1000, 800, 500, 300, 200: cut-off 200, so c2, c3, c4 join retain.
    // Lapsed after 20 days: c9 (30 days) is now re-engage. Top 10 % engagement: m = 1, cut-off 50.
    ValueTierRules rules = ValueTierRules.defaults()
        .withRetainShare(0.5).withLapsedAfterDays(20).withGrowEngagementShare(0.1);
    ValueTiers tiers = ValueTiers.of(rules, CLV, TEN);
    assertThat(tiers.valueCutoff()).isEqualTo(200);
    assertThat(tiers.engagementCutoff()).isEqualTo(50);
    Map<String, ValueTier> assigned = tiers.assign(TEN);
    assertThat(assigned.get("c4")).isEqualTo(ValueTier.RETAIN);
    assertThat(assigned.get("c9")).isEqualTo(ValueTier.RE_ENGAGE);
    // c5 predicted 900 >= 200: grow; c6 predicted 700 >= 200: grow.
    assertThat(assigned.get("c6")).isEqualTo(ValueTier.GROW);
    assertThat(tiers.counts(TEN)).containsExactlyInAnyOrderEntriesOf(Map.of(
        ValueTier.RETAIN, 5, ValueTier.RE_ENGAGE, 2, ValueTier.GROW, 2, ValueTier.MAINTAIN, 1));
  }

  @Test
  void tiesAtTheCutoffAreAllIn() {
    // Values 5, 5, 5, 1 and the top 25 %: m = ceil(0.25 * 4) = 1, cut-off 5, three customers tie at it.
    List<CustomerProfile> four = List.of(profile("a", 5, 0, null, 0, 0), profile("b", 5, 0, null, 0, 0),
        profile("c", 5, 0, null, 0, 0), profile("d", 1, 0, null, 0, 0));
    ValueTiers tiers = ValueTiers.of(ValueTierRules.defaults().withRetainShare(0.25), ValuePredictor.none(), four);
    assertThat(tiers.counts(four).get(ValueTier.RETAIN)).isEqualTo(3);
  }

  @Test
  void zeroValueIsNeverTopAndAZeroShareTakesNobody() {
    List<CustomerProfile> zeros = List.of(profile("a", 0, 0, null, 0, 0), profile("b", 0, 0, null, 0, 0));
    // Cut-off 0, but a value of 0 is never "top"; engagement 0 is never "high"; predicted 0 is never high.
    assertThat(ValueTiers.of(ValuePredictor.none(), zeros).counts(zeros).get(ValueTier.MAINTAIN)).isEqualTo(2);
    ValueTiers none = ValueTiers.of(ValueTierRules.defaults().withRetainShare(0), CLV, TEN);
    assertThat(none.valueCutoff()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(none.counts(TEN).get(ValueTier.RETAIN)).isZero();
  }

  @Test
  void tiersAreSegmentsThatCompose() {
    ValueTiers tiers = ValueTiers.of(CLV, TEN);
    Segment retain = tiers.segment(ValueTier.RETAIN);
    assertThat(retain.name()).isEqualTo("retain");
    assertThat(tiers.segment(ValueTier.RE_ENGAGE).name()).isEqualTo("re-engage");
    Segment retainAndChurned = retain.and(Segment.metricAtLeast(MetricNames.CHURNED, 1));
    assertThat(TEN.stream().filter(retainAndChurned).map(p -> p.customer().id())).containsExactly("c1");
  }

  @Test
  void rollupsPerTier() {
    List<SegmentRollup> rollups = ValueTiers.of(CLV, TEN).rollups(TEN);
    // retain c0, c1: value 1000 + 800 = 1800; engagement (1 + 2) / 2 = 1.5; churned c1 only: 1/2.
    assertThat(rollups.get(0)).isEqualTo(new SegmentRollup("retain", 2, 1800, 1.5, 0.5));
    // re-engage c4, c7: 200 + 0 = 200; (40 + 0) / 2 = 20; both churned: 1.
    assertThat(rollups.get(1)).isEqualTo(new SegmentRollup("re-engage", 2, 200, 20, 1));
    // grow c3, c5: 300 + 100 = 400; (50 + 5) / 2 = 27.5; none churned.
    assertThat(rollups.get(2)).isEqualTo(new SegmentRollup("grow", 2, 400, 27.5, 0));
    // maintain c2, c6, c8, c9: 500 + 50 + 20 + 10 = 580; (3 + 4 + 1 + 2) / 4 = 2.5; none churned.
    assertThat(rollups.get(3)).isEqualTo(new SegmentRollup("maintain", 4, 580, 2.5, 0));
  }

  @Test
  void rollupOfCustomSegmentAndOfAnEmptyOne() {
    // value >= 300: c0, c1, c2, c3. Value 2600; engagement (1 + 2 + 3 + 50) / 4 = 14; churned c1: 1/4.
    SegmentRollup big = SegmentRollup.of(Segment.metricAtLeast(MetricNames.VALUE, 300), TEN);
    assertThat(big.size()).isEqualTo(4);
    assertThat(big.totalValue()).isEqualTo(2600);
    assertThat(big.meanEngagement()).isCloseTo(14, within(1e-12));
    assertThat(big.churnRate()).isEqualTo(0.25);
    assertThat(SegmentRollup.of(Segment.metricAtLeast(MetricNames.VALUE, 1e9), TEN))
        .isEqualTo(new SegmentRollup("value >= 1.0E9", 0, 0, 0, 0));
  }

  @Test
  void missingMetricsCountAsZero() {
    CustomerProfile bare = CustomerProfile.of(Customer.of("bare", Instant.EPOCH));
    SegmentRollup rollup = SegmentRollup.of(Segment.everyone(), List.of(bare));
    assertThat(rollup).isEqualTo(new SegmentRollup("everyone", 1, 0, 0, 0));
    assertThat(ValueTiers.of(ValuePredictor.none(), List.of(bare)).tier(bare)).isEqualTo(ValueTier.MAINTAIN);
  }

  @Test
  void labelsIgnoreTheDefaultLocale() {
    // Under a Turkish locale "RETAIN".toLowerCase() would give a dotless i.
    List<String> labels = new ArrayList<>();
    for (ValueTier tier : ValueTier.values()) {
      labels.add(tier.label());
    }
    assertThat(labels).containsExactly("retain", "re-engage", "grow", "maintain");
  }

  @Test
  void badInputIsRefusedWithFieldValueAndRule() {
    assertThatThrownBy(() -> ValueTierRules.defaults().withRetainShare(1.5))
        .isInstanceOf(InvalidFieldException.class).hasMessage("retainShare '1.5' is invalid: must be between 0 and 1");
    assertThatThrownBy(() -> ValueTierRules.defaults().withLapsedAfterDays(0))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("lapsedAfterDays");
    assertThatThrownBy(() -> ValueTiers.of(CLV, List.of(profile("neg", -1, 0, null, 0, 0))))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("metric value of customer neg '-1.0' is invalid: must not be negative");
    ValueTiers nan = ValueTiers.of(p -> Double.NaN, TEN);
    assertThatThrownBy(() -> nan.tier(TEN.get(9)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("predicted value of customer c9");
    assertThatThrownBy(() -> new SegmentRollup("s", 1, 0, 0, 2)).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void customerAttributesAreIrrelevantToTiers() {
    CustomerProfile withAttributes = new CustomerProfile(
        TEN.get(0).customer().withAttributes(Attributes.of("country", "DE")), TEN.get(0).metrics());
    assertThat(ValueTiers.of(CLV, TEN).tier(withAttributes)).isEqualTo(ValueTier.RETAIN);
  }
}
