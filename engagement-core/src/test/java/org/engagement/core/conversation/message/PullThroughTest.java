package org.engagement.core.conversation.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.engagement.core.conversation.ConversationFixtures.LINKEDIN;
import static org.engagement.core.conversation.ConversationFixtures.X;
import static org.engagement.core.conversation.ConversationFixtures.said;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.engagement.Trend;
import org.engagement.core.engagement.TrendRule;
import org.engagement.core.segment.Segment;
import org.junit.jupiter.api.Test;

class PullThroughTest {
  static final MessageMatcher MATCHER = MessageMatcher.of(List.of(
      KeyMessage.named("Fast charging").phrases("fast charging").hashtags("#chargefast").build(),
      KeyMessage.named("Quiet").phrases("quiet cabin").links("acme.example/quiet").build()));
  static final LocalDate WEEK_1 = LocalDate.of(2024, 3, 4);
  static final LocalDate WEEK_2 = LocalDate.of(2024, 3, 11);

  static List<Interaction> conversation() {
    return List.of(
        said("c1", X, "2024-03-04T09:00:00Z", InteractionType.MENTION, text("Fast charging is great", 100)),
        said("c2", X, "2024-03-05T09:00:00Z", InteractionType.SHARE, text("FAST CHARGING rocks #ChargeFast", 50)),
        said("c1", X, "2024-03-06T09:00:00Z", InteractionType.MENTION, text("The quiet cabin and fast chargïng", 100)),
        said("c3", X, "2024-03-06T10:00:00Z", InteractionType.MENTION, text("meh", 10)),
        said("c4", X, "2024-03-06T11:00:00Z", InteractionType.MENTION,
            Content.builder().text("fast charging").brand("Rival").build()),
        said("c5", X, "2024-03-07T09:00:00Z", InteractionType.LIKE, text("fast charging", 5)),
        said("c9", X, "2024-03-07T09:00:00Z", InteractionType.MENTION, Direction.OUTBOUND, text("fast charging", 1)),
        said("c6", LINKEDIN, "2024-03-07T12:00:00Z", InteractionType.SHARE, Content.builder()
            .links(List.of("https://www.acme.example/quiet?utm=x")).audience(1000L).brand("ACME").build()),
        said("c2", X, "2024-03-12T09:00:00Z", InteractionType.MENTION, text("fast charging again", 50)));
  }

  private static Content text(String text, long audience) {
    return Content.builder().text(text).audience(audience).build();
  }

  @Test
  void countsPullThroughPerMessageChannelAndPeriod() {
    PullThroughReport report = PullThrough.of(MATCHER, Granularity.WEEK, ZoneOffset.UTC, "Acme")
        .addAll(conversation()).report();
    // Brand mentions: X week 1 = c1, c2, c1, c3 (c4 names a rival, c5 is a like, c9 is outbound) = 4;
    // LinkedIn week 1 = c6 = 1; X week 2 = c2 = 1.
    // Fast charging on X in week 1: mentions c1 (09:00 Mar 4), c1 (Mar 6, "chargïng" folds), share c2: 2 + 1 = 3
    // of 4 = 0.75; reach 100 + 50 + 100 = 250; amplifiers {c1, c2} = 2.
    assertThat(report.rows("Fast charging")).containsExactly(
        new PullThroughRow("Fast charging", LINKEDIN, WEEK_1, 0, 0, 1, 0, 0),
        new PullThroughRow("Fast charging", X, WEEK_1, 2, 1, 4, 250, 2),
        new PullThroughRow("Fast charging", X, WEEK_2, 1, 0, 1, 50, 1));
    // Quiet: the c1 mention on X (1 of 4), the c6 share on LinkedIn through its link (1 of 1, reach 1000).
    assertThat(report.rows("Quiet")).containsExactly(
        new PullThroughRow("Quiet", LINKEDIN, WEEK_1, 0, 1, 1, 1000, 1),
        new PullThroughRow("Quiet", X, WEEK_1, 1, 0, 4, 100, 1),
        new PullThroughRow("Quiet", X, WEEK_2, 0, 0, 1, 0, 0));
    assertThat(report.rows("Fast charging").get(1).pullThrough()).isEqualTo(0.75);
  }

  @Test
  void amplifiersAndBrandMentionsOverEveryChannelAndPeriod() {
    PullThrough count = PullThrough.of(MATCHER, Granularity.WEEK, ZoneOffset.UTC, "Acme").addAll(conversation());
    // Brand mentions: 4 on X in week 1, c6 on LinkedIn, c2 on X in week 2 = 6. Fast charging is carried by c1
    // and c2 (c2 in both weeks: one amplifier, where the rows count it in each); Quiet by c1 and c6.
    assertThat(count.brandMentions()).isEqualTo(6);
    assertThat(count.amplifiers("Fast charging")).isEqualTo(2);
    assertThat(count.amplifiers("Quiet")).isEqualTo(2);
    assertThat(PullThrough.of(MATCHER, Granularity.WEEK, ZoneOffset.UTC, null).addAll(conversation())
        .amplifiers("Fast charging")).isEqualTo(3);
    assertThatThrownBy(() -> count.amplifiers("Slow")).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("Slow");
  }

  @Test
  void trendsFollowTheCarryingCountPerPeriod() {
    PullThroughReport report = PullThrough.of(MATCHER, Granularity.WEEK, ZoneOffset.UTC, "Acme")
        .addAll(conversation()).report();
    // Fast charging, all channels: week 1 = 3, week 2 = 1; 1 < 3 · 0.9, so falling.
    assertThat(report.trend("Fast charging", null, TrendRule.defaults())).isEqualTo(Trend.FALLING);
    // Quiet on LinkedIn: week 1 = 1, week 2 = 0: falling; on X: 1 then 0: falling too.
    assertThat(report.trend("Quiet", LINKEDIN, TrendRule.defaults())).isEqualTo(Trend.FALLING);
    assertThat(report.periods().starts()).containsExactly(WEEK_1, WEEK_2);
  }

  @Test
  void aSegmentReportKeepsOnlyItsMembers() {
    Instant seen = Instant.parse("2024-01-01T00:00:00Z");
    List<CustomerProfile> profiles = List.of(
        CustomerProfile.of(Customer.of("c1", seen)), CustomerProfile.of(Customer.of("c2", seen)),
        CustomerProfile.of(Customer.of("c3", seen)));
    Segment fans = Segment.of("fans", p -> !p.customer().id().equals("c3"));
    PullThroughReport report = PullThrough.of(MATCHER, Granularity.WEEK, ZoneOffset.UTC, "Acme")
        .addAll(conversation()).report(profiles, fans);
    // Members c1 and c2 only: X week 1 has their 3 brand mentions, all carrying Fast charging; LinkedIn's c6
    // is not a member, so that cell disappears.
    assertThat(report.rows("Fast charging")).containsExactly(
        new PullThroughRow("Fast charging", X, WEEK_1, 2, 1, 3, 250, 2),
        new PullThroughRow("Fast charging", X, WEEK_2, 1, 0, 1, 50, 1));
  }

  @Test
  void withoutABrandEveryMentionIsOurs() {
    PullThroughReport report = PullThrough.of(MATCHER, Granularity.WEEK, ZoneOffset.UTC, null)
        .addAll(conversation()).report();
    // The rival's mention now counts too: 5 brand mentions on X in week 1, 4 carrying Fast charging.
    assertThat(report.rows("Fast charging").get(1)).isEqualTo(
        new PullThroughRow("Fast charging", X, WEEK_1, 3, 1, 5, 250, 3));
  }

  @Test
  void mergeRefusesOtherSettingsNamingTheSetting() {
    PullThrough weekly = PullThrough.of(MATCHER, Granularity.WEEK, ZoneOffset.UTC, "Acme");
    MessageMatcher other = MessageMatcher.of(List.of(MATCHER.messages().get(0)));

    assertThatThrownBy(() -> weekly.merge(PullThrough.of(other, Granularity.WEEK, ZoneOffset.UTC, "Acme")))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("other.matcher");
    assertThatThrownBy(() -> weekly.merge(PullThrough.of(MATCHER, Granularity.DAY, ZoneOffset.UTC, "Acme")))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("other.granularity");
    assertThatThrownBy(() -> weekly.merge(PullThrough.of(MATCHER, Granularity.WEEK, ZoneOffset.ofHours(2), "Acme")))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("other.zone");
    assertThatThrownBy(() -> weekly.merge(PullThrough.of(MATCHER, Granularity.WEEK, ZoneOffset.UTC, null)))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("other.ourBrand");
    assertThat(weekly.merge(PullThrough.of(MessageMatcher.of(MATCHER.messages()), Granularity.WEEK, ZoneOffset.UTC, "ÁCME")))
        .isEqualTo(weekly);
  }
}
