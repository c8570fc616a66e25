package org.engagement.core.value.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.segment.Segment;

/**
 * {@link ValueTiers#rollups} (one pass, each profile's tier decided once) equals, to the bit, the roll-ups of the
 * tiers' segments one by one, over random profiles with and without value, churn and recency and a predictor
 * from a metric; and it asks the predictor at most once per profile.
 */
class ValueTiersRollupsTest {
  private static final Instant SEEN = Instant.parse("2024-01-01T00:00:00Z");

  @Provide
  Arbitrary<List<CustomerProfile>> profiles() {
    Arbitrary<Double> metric = Arbitraries.of(0.0, 0.5, 1.0, 3.25, 10.0, 120.0);
    AtomicInteger ids = new AtomicInteger();
    Arbitrary<CustomerProfile> one = Combinators.combine(metric, metric, metric, metric, Arbitraries.of(true, false))
        .as((value, engagement, recency, predicted, churned) -> {
          Map<String, Double> metrics = new HashMap<>();
          metrics.put(MetricNames.VALUE, value);
          metrics.put(MetricNames.ENGAGEMENT, engagement);
          metrics.put(MetricNames.RECENCY_DAYS, recency);
          metrics.put("predicted", predicted);
          if (churned) {
            metrics.put(MetricNames.CHURNED, 1.0);
          }
          return new CustomerProfile(Customer.of("c" + ids.incrementAndGet(), SEEN), metrics);
        });
    return one.list().ofMaxSize(60);
  }

  @Property
  void equalTheRollupsOfEachTiersSegment(@ForAll("profiles") List<CustomerProfile> profiles) {
    AtomicInteger asked = new AtomicInteger();
    ValuePredictor metric = ValuePredictor.fromMetric("predicted");
    ValuePredictor counting = p -> {
      asked.incrementAndGet();
      return metric.predict(p);
    };
    ValueTiers tiers = ValueTiers.of(counting, profiles);
    List<Segment> segments = new ArrayList<>();
    for (ValueTier tier : ValueTier.values()) {
      segments.add(tiers.segment(tier));
    }
    List<SegmentRollup> expected = SegmentRollup.of(segments, profiles);
    asked.set(0);
    assertThat(tiers.rollups(profiles)).isEqualTo(expected);
    assertThat(asked.get()).isLessThanOrEqualTo(profiles.size());
  }
}
