package org.engagement.core.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;
import org.junit.jupiter.api.Test;

class EngagementTimelineTest {
  private static final EngagementScorer WEEKLY_HALF_LIFE = EngagementScorer.defaults().withHalfLife(Duration.ofDays(7));
  private static final Channel LINKEDIN = Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL);

  /** Three ISO weeks starting Monday 2024-01-01; the weeks end at 00:00Z on 8, 15 and 22 January. */
  private static final EngagementTimeline THREE_WEEKS =
      new EngagementTimeline(
          WEEKLY_HALF_LIFE, Granularity.WEEK, ZoneOffset.UTC, LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-21"));

  private static final List<Interaction> INTERACTIONS =
      List.of(
          touch("ann", InteractionType.SHARE, "2024-01-01T00:00:00Z"), // 6
          touch("ann", InteractionType.LIKE, "2024-01-18T12:00:00Z"), // 2
          touch("ann", InteractionType.COMMENT, "2024-01-22T00:00:00Z"), // after the last week: ignored
          touch("bob", InteractionType.PURCHASE, "2023-12-25T00:00:00Z")); // 30, before the first week

  @Test
  void periodsAreIsoWeeks() {
    assertThat(THREE_WEEKS.periodStarts())
        .containsExactly(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-08"), LocalDate.parse("2024-01-15"));
  }

  @Test
  void seriesPerCustomerByHand() {
    Map<String, EngagementSeries> series = THREE_WEEKS.perCustomer(INTERACTIONS);

    assertThat(series).containsOnlyKeys("ann", "bob");
    // ann, end of week 1 (7 days after the share): 6 x 1/2 = 3; week 2: 3 x 1/2 = 1.5;
    // week 3: 1.5 x 1/2 + 2 x 2^-0.5 (the like is 3.5 days before the end) = 0.75 + 1.41421356 = 2.16421356
    assertThat(series.get("ann").scores()).containsExactly(new double[] {3, 1.5, 0.75 + Math.sqrt(2)}, within(1e-12));
    // bob: 30 x 2^-2 = 7.5 at the end of week 1 (14 days after), then 3.75, then 1.875
    assertThat(series.get("bob").scores()).containsExactly(new double[] {7.5, 3.75, 1.875}, within(1e-12));
    assertThat(series.get("bob").points().get(0))
        .isEqualTo(new EngagementPoint(LocalDate.parse("2024-01-01"), Instant.parse("2024-01-08T00:00:00Z"), 7.5));
    assertThat(series.get("bob").granularity()).isEqualTo(Granularity.WEEK);
  }

  @Test
  void trendsByHand() {
    Map<String, EngagementSeries> series = THREE_WEEKS.perCustomer(INTERACTIONS);

    // ann: 2.164 against the mean of 3 and 1.5 = 2.25; 2.164 is within 10 % of it
    assertThat(series.get("ann").trend()).isEqualTo(Trend.STABLE);
    // bob: 1.875 against the mean of 7.5 and 3.75 = 5.625, below 5.625 x 0.9
    assertThat(series.get("bob").trend()).isEqualTo(Trend.FALLING);
  }

  @Test
  void seriesPerSegmentIsTheMeanOverMembers() {
    Map<String, EngagementSeries> series = THREE_WEEKS.perCustomer(INTERACTIONS);
    List<CustomerProfile> profiles = List.of(profile("ann", "DE"), profile("bob", "DE"), profile("cat", "FR"));

    // DE: ann and bob: (3 + 7.5) / 2 = 5.25, (1.5 + 3.75) / 2 = 2.625, (2.16421356 + 1.875) / 2 = 2.01960678
    assertThat(THREE_WEEKS.perSegment(Segment.attributeEquals("country", "DE"), profiles, series).scores())
        .containsExactly(new double[] {5.25, 2.625, (0.75 + Math.sqrt(2) + 1.875) / 2}, within(1e-12));
    // everyone: cat has no interactions and counts as 0: 10.5 / 3 = 3.5, 5.25 / 3 = 1.75, 4.03921356 / 3
    assertThat(THREE_WEEKS.perSegment(Segment.everyone(), profiles, series).scores())
        .containsExactly(new double[] {3.5, 1.75, (0.75 + Math.sqrt(2) + 1.875) / 3}, within(1e-12));
    // nobody from the US: 0 in every week
    assertThat(THREE_WEEKS.perSegment(Segment.attributeEquals("country", "US"), profiles, series).scores())
        .containsExactly(0, 0, 0);
  }

  @Test
  void perSegmentRefusesSeriesOfAnotherTimeline() {
    EngagementTimeline twoWeeks =
        new EngagementTimeline(
            WEEKLY_HALF_LIFE, Granularity.WEEK, ZoneOffset.UTC, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-08"));
    Map<String, EngagementSeries> series = twoWeeks.perCustomer(INTERACTIONS);

    assertThatThrownBy(() -> THREE_WEEKS.perSegment(Segment.everyone(), List.of(profile("ann", "DE")), series))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("perCustomer[ann] '2 periods' is invalid: must have this timeline's 3 periods");
  }

  @Test
  void daysEndAtMidnightInTheZone() {
    EngagementTimeline tokyoDays =
        new EngagementTimeline(
            WEEKLY_HALF_LIFE,
            Granularity.DAY,
            ZoneId.of("Asia/Tokyo"),
            LocalDate.parse("2024-01-01"),
            LocalDate.parse("2024-01-02"));
    // 2024-01-01T14:59Z is still 1 January in Tokyo (23:59 local); 15:00Z is 2 January
    List<Interaction> interactions =
        List.of(
            touch("ann", InteractionType.VISIT, "2024-01-01T14:59:00Z"),
            touch("bob", InteractionType.VISIT, "2024-01-01T15:00:00Z"));

    Map<String, EngagementSeries> series = tokyoDays.perCustomer(interactions);

    assertThat(series.get("ann").points().get(0).end()).isEqualTo(Instant.parse("2024-01-01T15:00:00Z"));
    assertThat(series.get("ann").scores()[0]).isPositive();
    assertThat(series.get("bob").scores()[0]).isZero();
    assertThat(series.get("bob").scores()[1]).isPositive();
  }

  @Test
  void monthsAndWeeksStartWhereTheCalendarSays() {
    assertThat(Granularity.MONTH.periodStart(LocalDate.parse("2024-02-29"))).isEqualTo(LocalDate.parse("2024-02-01"));
    assertThat(Granularity.MONTH.nextPeriodStart(LocalDate.parse("2024-12-31"))).isEqualTo(LocalDate.parse("2025-01-01"));
    assertThat(Granularity.WEEK.periodStart(LocalDate.parse("2024-01-07"))).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(Granularity.DAY.nextPeriodStart(LocalDate.parse("2024-02-28"))).isEqualTo(LocalDate.parse("2024-02-29"));
    assertThat(Granularity.MONTH.periodsBetween(LocalDate.parse("2024-01-31"), LocalDate.parse("2024-03-01"))).isEqualTo(3);
    assertThat(Granularity.WEEK.periodsBetween(LocalDate.parse("2024-01-07"), LocalDate.parse("2024-01-08"))).isEqualTo(2);
    assertThat(Granularity.DAY.periodsBetween(LocalDate.parse("2024-01-07"), LocalDate.parse("2024-01-07"))).isEqualTo(1);
  }

  @Test
  void badTimelinesFailFast() {
    assertThatThrownBy(
            () ->
                new EngagementTimeline(
                    WEEKLY_HALF_LIFE, Granularity.DAY, ZoneOffset.UTC, LocalDate.parse("2024-02-01"), LocalDate.parse("2024-01-01")))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("to '2024-01-01' is invalid: must not be before from 2024-02-01");
    assertThatThrownBy(
            () ->
                new EngagementTimeline(
                    WEEKLY_HALF_LIFE, Granularity.DAY, ZoneOffset.UTC, LocalDate.parse("2024-01-01"), LocalDate.parse("2400-01-01")))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("to '2400-01-01' is invalid: must be within 100000 day periods of from 2024-01-01");
  }

  private static Interaction touch(String customerId, InteractionType type, String at) {
    return Interaction.builder()
        .customerId(customerId)
        .channel(LINKEDIN)
        .timestamp(Instant.parse(at))
        .type(type)
        .build();
  }

  private static CustomerProfile profile(String id, String country) {
    Customer customer =
        Customer.of(id, Instant.parse("2023-01-01T00:00:00Z")).withAttributes(Attributes.of("country", country));
    return CustomerProfile.of(customer);
  }
}
