package org.engagement.core.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.segment.Segment;

/**
 * {@link EngagementTimeline#perSegments} gives, to the bit, what {@link EngagementTimeline#perSegment} gives for
 * each segment from the series {@link EngagementTimeline#perCustomer} makes: random interactions of 12 customers,
 * some before the first period and some after the last, overlapping segments and one without members.
 */
class EngagementTimelineSegmentsTest {
  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  private static final Channel EMAIL = Channel.of("email", ChannelGroup.EMAIL);

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> one = Combinators.combine(
            Arbitraries.integers().between(0, 11),
            Arbitraries.longs().between(-30L * 86_400, 200L * 86_400),
            Arbitraries.of(InteractionType.values()))
        .as((customer, seconds, type) -> Interaction.builder()
            .customerId("c" + customer).channel(EMAIL).timestamp(START.plusSeconds(seconds)).type(type).build());
    return one.list().ofMinSize(1).ofMaxSize(100);
  }

  @Property
  void equalsEachSegmentsMeanOfTheSeries(@ForAll("interactions") List<Interaction> interactions) {
    InteractionColumns columns = InteractionColumns.of(interactions);
    Instant asOf = columns.latest().orElseThrow();
    List<CustomerProfile> profiles = CustomerProfiles.defaults().profiles(columns, asOf);
    List<Segment> segments = List.of(Segment.everyone(), Segment.metricAtLeast(MetricNames.ENGAGEMENT, 2),
        Segment.metricBelow(MetricNames.RECENCY_DAYS, 30), Segment.of("none", p -> false));
    for (Granularity granularity : Granularity.values()) {
      EngagementTimeline timeline = new EngagementTimeline(EngagementScorer.defaults(), granularity,
          ZoneOffset.UTC, LocalDate.of(2024, 3, 10), LocalDate.of(2024, 6, 20));
      var perCustomer = timeline.perCustomer(columns);
      List<EngagementSeries> expected =
          segments.stream().map(s -> timeline.perSegment(s, profiles, perCustomer)).toList();
      assertThat(timeline.perSegments(segments, profiles, columns::ofCustomer)).isEqualTo(expected);
    }
  }
}
