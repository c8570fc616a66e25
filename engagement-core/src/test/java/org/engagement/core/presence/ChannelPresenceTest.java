package org.engagement.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;
import org.junit.jupiter.api.Test;

/**
 * Channel presence on a small world worked out by hand.
 *
 * <p>Window [2024-05-01, 2024-06-01), conversions are purchases. Channels, by id: email (Email),
 * linkedin (Organic Social), twitter (Organic Social), webinar (Events).
 *
 * <pre>
 * a: linkedin LIKE 05-03, email OPEN 05-10, email PURCHASE 05-20   active email+linkedin, converted
 * b: linkedin COMMENT 05-05, twitter SHARE 05-06                    active linkedin+twitter, prospect
 * c: email OPEN 04-15, email PURCHASE 04-20, webinar ATTEND 05-15  active webinar, converted before
 * d: twitter LIKE 06-01T00:00                                       at the end: ignored, not seen
 * e: email SEND 03-01                                               seen, not active
 * f: linkedin PURCHASE 06-02                                        after the end: ignored, not seen
 * </pre>
 *
 * Seen: a, b, c, e = 4.
 */
class ChannelPresenceTest {
  private static final Instant FROM = Instant.parse("2024-05-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-06-01T00:00:00Z");
  private static final Channel EMAIL = Channel.of("email", ChannelGroup.EMAIL);
  private static final Channel LINKEDIN = Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL);
  private static final Channel TWITTER = Channel.of("twitter", ChannelGroup.ORGANIC_SOCIAL);
  private static final Channel WEBINAR = Channel.of("webinar", ChannelGroup.EVENTS);
  private static final ConversionRule PURCHASES = ConversionRule.purchases();

  private static Interaction touch(String customer, Channel channel, String date, InteractionType type) {
    return Interaction.builder()
        .customerId(customer)
        .channel(channel)
        .timestamp(Instant.parse(date + "T00:00:00Z"))
        .type(type)
        .build();
  }

  static List<Interaction> world() {
    return List.of(
        touch("a", LINKEDIN, "2024-05-03", InteractionType.LIKE),
        touch("a", EMAIL, "2024-05-10", InteractionType.OPEN),
        touch("a", EMAIL, "2024-05-20", InteractionType.PURCHASE),
        touch("b", LINKEDIN, "2024-05-05", InteractionType.COMMENT),
        touch("b", TWITTER, "2024-05-06", InteractionType.SHARE),
        touch("c", EMAIL, "2024-04-15", InteractionType.OPEN),
        touch("c", EMAIL, "2024-04-20", InteractionType.PURCHASE),
        touch("c", WEBINAR, "2024-05-15", InteractionType.EVENT_ATTENDANCE),
        touch("d", TWITTER, "2024-06-01", InteractionType.LIKE),
        touch("e", EMAIL, "2024-03-01", InteractionType.SEND),
        touch("f", LINKEDIN, "2024-06-02", InteractionType.PURCHASE));
  }

  private static ChannelPresence presence() {
    return ChannelPresence.of(FROM, TO, PURCHASES).addAll(world());
  }

  @Test
  void countsPerChannelOverAllCustomersSeen() {
    PresenceReport report = presence().report();

    // known = |{a, b, c, e}| = 4; active anywhere = |{a, b, c}| = 3, share 3/4
    assertThat(report.known()).isEqualTo(4);
    assertThat(report.activeAnywhere()).isEqualTo(3);
    assertThat(report.activeShare()).isEqualTo(0.75);
    // email {a}: 1 active, a converted; linkedin {a, b}: a converted, b prospect; twitter {b}; webinar {c},
    // c converted in April, before the window, so a customer
    assertThat(report.channels())
        .containsExactly(
            new PresenceCount<>(EMAIL, 1, 1, 0, 4),
            new PresenceCount<>(LINKEDIN, 2, 1, 1, 4),
            new PresenceCount<>(TWITTER, 1, 0, 1, 4),
            new PresenceCount<>(WEBINAR, 1, 1, 0, 4));
    PresenceCount<Channel> linkedin = report.channels().get(1);
    // 2/4, 1/4, 1/4
    assertThat(linkedin.activeShare()).isEqualTo(0.5);
    assertThat(linkedin.customerShare()).isEqualTo(0.25);
    assertThat(linkedin.prospectShare()).isEqualTo(0.25);
  }

  @Test
  void countsPerGroupInEnumOrder() {
    PresenceReport report = presence().report();

    // Organic Social = linkedin ∪ twitter = {a, b}: a customer, b prospect; Email {a}; Events {c}
    assertThat(report.groups())
        .containsExactly(
            new PresenceCount<>(ChannelGroup.ORGANIC_SOCIAL, 2, 1, 1, 4),
            new PresenceCount<>(ChannelGroup.EMAIL, 1, 1, 0, 4),
            new PresenceCount<>(ChannelGroup.EVENTS, 1, 1, 0, 4));
  }

  @Test
  void overlapCountsCustomersActiveOnBoth() {
    PresenceReport report = presence().report();
    OverlapMatrix<Channel> overlap = report.channelOverlap();

    assertThat(overlap.keys()).containsExactly(EMAIL, LINKEDIN, TWITTER, WEBINAR);
    // diagonal: 1, 2, 1, 1; email∩linkedin = {a}; linkedin∩twitter = {b}; the rest empty
    int[][] expected = {
      {1, 1, 0, 0},
      {1, 2, 1, 0},
      {0, 1, 1, 0},
      {0, 0, 0, 1},
    };
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(overlap.count(i, j)).as("(%d, %d)", i, j).isEqualTo(expected[i][j]);
      }
    }
    assertThat(overlap.count(LINKEDIN, TWITTER)).isEqualTo(1);
    // groups: social∩email = {a}
    OverlapMatrix<ChannelGroup> groups = report.groupOverlap();
    assertThat(groups.count(ChannelGroup.ORGANIC_SOCIAL, ChannelGroup.EMAIL)).isEqualTo(1);
    assertThat(groups.count(ChannelGroup.ORGANIC_SOCIAL, ChannelGroup.EVENTS)).isZero();
    assertThat(groups.count(ChannelGroup.ORGANIC_SOCIAL, ChannelGroup.ORGANIC_SOCIAL)).isEqualTo(2);
  }

  @Test
  void aKnownSetIsTheDenominatorAndTheFilter() {
    // known {a, b, c, e, z}: z never interacted; linkedin 2/5
    PresenceReport all = presence().report(Set.of("a", "b", "c", "e", "z"));
    assertThat(all.known()).isEqualTo(5);
    assertThat(all.channels().get(1).activeShare()).isCloseTo(0.4, within(1e-12));

    // known {b, z}: only b counts; linkedin 1 prospect of 2 known, email nobody
    PresenceReport some = presence().report(Set.of("b", "z"));
    assertThat(some.channels())
        .containsExactly(
            new PresenceCount<>(EMAIL, 0, 0, 0, 2),
            new PresenceCount<>(LINKEDIN, 1, 0, 1, 2),
            new PresenceCount<>(TWITTER, 1, 0, 1, 2),
            new PresenceCount<>(WEBINAR, 0, 0, 0, 2));
    assertThat(some.channelOverlap().count(LINKEDIN, TWITTER)).isEqualTo(1);
    assertThat(some.activeShare()).isEqualTo(0.5);
  }

  @Test
  void perSegment() {
    Instant seen = Instant.parse("2024-01-01T00:00:00Z");
    List<CustomerProfile> profiles =
        List.of(profile("a", "DE", seen), profile("b", "FR", seen), profile("c", "DE", seen), profile("e", "FR", seen));

    // members {a, c}: email {a}, linkedin {a}, twitter {}, webinar {c}, all converted; 2 of 2 active
    PresenceReport report = presence().report(profiles, Segment.attributeEquals("country", "DE"));

    assertThat(report.known()).isEqualTo(2);
    assertThat(report.activeAnywhere()).isEqualTo(2);
    assertThat(report.channels())
        .containsExactly(
            new PresenceCount<>(EMAIL, 1, 1, 0, 2),
            new PresenceCount<>(LINKEDIN, 1, 1, 0, 2),
            new PresenceCount<>(TWITTER, 0, 0, 0, 2),
            new PresenceCount<>(WEBINAR, 1, 1, 0, 2));
    assertThat(report.channelOverlap().count(EMAIL, LINKEDIN)).isEqualTo(1);
    assertThat(report.channelOverlap().count(EMAIL, WEBINAR)).isZero();
  }

  private static CustomerProfile profile(String id, String country, Instant firstSeen) {
    return CustomerProfile.of(Customer.of(id, firstSeen).withAttributes(Attributes.of("country", country)));
  }

  @Test
  void mergeOfPartsEqualsTheWhole() {
    List<Interaction> all = world();
    ChannelPresence left = ChannelPresence.of(FROM, TO, PURCHASES).addAll(all.subList(0, 5));
    ChannelPresence right = ChannelPresence.of(FROM, TO, PURCHASES).addAll(all.subList(5, all.size()));

    assertThat(left.merge(right).report()).isEqualTo(presence().report());
    assertThat(all.stream().parallel().collect(ChannelPresence.collector(FROM, TO, PURCHASES)).report())
        .isEqualTo(presence().report());
  }

  @Test
  void partitionsBuiltApartWithEqualRulesMerge() {
    List<Interaction> all = world();
    ChannelPresence left = ChannelPresence.of(FROM, TO, ConversionRule.purchases()).addAll(all.subList(0, 5));
    ChannelPresence right =
        ChannelPresence.of(FROM, TO, ConversionRule.ofTypes(Set.of(InteractionType.PURCHASE))).addAll(all.subList(5, all.size()));
    ConversionRule named = ConversionRule.named("purchases", i -> i.type() == InteractionType.PURCHASE);
    ChannelPresence namedLeft = ChannelPresence.of(FROM, TO, named).addAll(all.subList(0, 5));
    ChannelPresence namedRight = ChannelPresence.of(FROM, TO, ConversionRule.named("purchases", PURCHASES))
        .addAll(all.subList(5, all.size()));

    assertThat(left.merge(right).report()).isEqualTo(presence().report());
    assertThat(left.merge(right)).isEqualTo(presence());
    assertThat(namedLeft.merge(namedRight).report()).isEqualTo(presence().report());
  }

  @Test
  void anEmptyCountReportsNothing() {
    PresenceReport report = ChannelPresence.of(FROM, TO, PURCHASES).report();

    assertThat(report.known()).isZero();
    assertThat(report.channels()).isEmpty();
    assertThat(report.activeShare()).isZero();
    assertThat(report.channelOverlap().size()).isZero();
  }

  @Test
  void refusesBadWindowsAndMismatchedMerges() {
    assertThatThrownBy(() -> ChannelPresence.of(TO, FROM, PURCHASES))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("must be after from");
    assertThatThrownBy(() -> ChannelPresence.of(FROM, FROM, PURCHASES)).isInstanceOf(InvalidFieldException.class);
    ChannelPresence presence = presence();
    assertThatThrownBy(() -> presence.merge(ChannelPresence.of(FROM, TO.plusSeconds(1), PURCHASES)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("window");
    assertThatThrownBy(() -> presence.merge(ChannelPresence.of(FROM, TO, ConversionRule.ofTypes(Set.of(InteractionType.LEAD)))))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("rule");
    ConversionRule lambda = i -> i.type() == InteractionType.PURCHASE;
    assertThatThrownBy(() -> ChannelPresence.of(FROM, TO, lambda).merge(ChannelPresence.of(FROM, TO, i -> true)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("ConversionRule.named");
    assertThatThrownBy(() -> presence.report().channelOverlap().count(EMAIL, Channel.of("x", ChannelGroup.SMS)))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new PresenceCount<>(EMAIL, 3, 1, 1, 4)).isInstanceOf(InvalidFieldException.class);
  }
}
