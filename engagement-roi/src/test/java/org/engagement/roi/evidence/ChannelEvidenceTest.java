package org.engagement.roi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.junit.jupiter.api.Test;

/**
 * Seven customers in January 2024, window [Jan 1, Jan 31), halves split at Jan 16 (purchases are not
 * engagement, but they make a buyer):
 *
 * <pre>
 *   a: purchase 2, email 2, linkedin 3, linkedin 20           last active 20
 *   b: email 5, email 25, purchase 26                         last active 26
 *   c: purchase 4, linkedin 4                                 last active 4
 *   d: purchase 6, email 6, linkedin 18 (first), email 20, 22 last active 22
 *   e: purchase 7, email 7, linkedin 17 (first)               last active 17
 *   f: purchase 8, email 8, 9, 19                             last active 19
 *   p: email 3, linkedin 5 (a prospect: never bought)         last active 5
 * </pre>
 */
class ChannelEvidenceTest {
  private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-01-31T00:00:00Z");
  private static final Channel EMAIL = Channel.of("email", ChannelGroup.EMAIL);
  private static final Channel LINKEDIN = Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL);

  private static final List<Interaction> JANUARY = List.of(
      buy("a", 2), click("a", EMAIL, 2), click("a", LINKEDIN, 3), click("a", LINKEDIN, 20),
      click("b", EMAIL, 5), click("b", EMAIL, 25), buy("b", 26),
      buy("c", 4), click("c", LINKEDIN, 4),
      buy("d", 6), click("d", EMAIL, 6), click("d", LINKEDIN, 18), click("d", EMAIL, 20), click("d", EMAIL, 22),
      buy("e", 7), click("e", EMAIL, 7), click("e", LINKEDIN, 17),
      buy("f", 8), click("f", EMAIL, 8), click("f", EMAIL, 9), click("f", EMAIL, 19),
      click("p", EMAIL, 3), click("p", LINKEDIN, 5),
      click("g", EMAIL, 40)); // after the window: ignored

  private final ChannelEvidence evidence = ChannelEvidence.of(JANUARY, FROM, TO);

  @Test
  void countsEngagedCustomersPerChannel() {
    assertThat(evidence.activeCustomers()).isEqualTo(7);
    assertThat(evidence.engagedCustomers()).containsExactly(entry("email", 6L), entry("linkedin", 5L));
    // a, d, e, p engaged on both: 7 distinct customers, not 11
    assertThat(evidence.engagedOnAnyChannel()).isEqualTo(7);
  }

  @Test
  void comparesChurnOfEngagedCustomersWithTheOthers() {
    // buyers only (the prospect p is left out); inactive for 10 days at Jan 31 = last active before Jan 21:
    // a, c, e, f churned; b, d not
    var retention = evidence.retention(Duration.ofDays(10), 100);

    // email: engaged a b d e f, churned a e f = 3/5; others c: 1/1; kept (1 - 0.6) x 5 = 2 -> 200
    RetentionEvidence email = retention.get("email");
    assertThat(email.engagedCustomers()).isEqualTo(5);
    assertThat(email.engagedChurnRate()).isEqualTo(0.6);
    assertThat(email.baselineChurnRate()).isEqualTo(1.0);
    assertThat(email.retainedValue()).isCloseTo(200, within(1e-9));
    // linkedin: engaged a c d e, churned a c e = 3/4; others b f: f = 1/2; kept (0.5 - 0.75) x 4 = -1 -> -100
    assertThat(retention.get("linkedin").retainedValue()).isCloseTo(-100, within(1e-9));
  }

  @Test
  void measuresEngagementLiftByDifferenceInDifferences() {
    var lifts = evidence.engagementLift(10);

    // linkedin: treated d, e (first linkedin after Jan 16); control b, f (never linkedin), all active early.
    // email before/after: d 1 -> 2 (+1), e 1 -> 0 (-1): mean 0; b 1 -> 1 (0), f 2 -> 1 (-1): mean -0.5.
    // DiD = 0 - (-0.5) = 0.5 extra interactions per treated customer, x 2 = 1, x 10 = 10
    ChannelLift linkedin = lifts.get("linkedin");
    assertThat(linkedin.treatedCustomers()).isEqualTo(2);
    assertThat(linkedin.controlCustomers()).isEqualTo(2);
    assertThat(linkedin.test().absoluteLift()).isCloseTo(0.5, within(1e-12));
    assertThat(linkedin.evidence().incrementalInteractions()).isCloseTo(1, within(1e-12));
    assertThat(linkedin.evidence().value()).isCloseTo(10, within(1e-12));
    // nobody started on email in the second half: nothing to test
    assertThat(lifts).doesNotContainKey("email");
  }

  @Test
  void theWindowMustNotBeEmpty() {
    assertThatThrownBy(() -> ChannelEvidence.of(JANUARY, TO, TO))
        .hasMessage("to '2024-01-31T00:00:00Z' is invalid: must be after from 2024-01-31T00:00:00Z");
  }

  private static Interaction buy(String customer, int day) {
    return on(customer, Channel.of("shop", ChannelGroup.DIRECT), day, InteractionType.PURCHASE);
  }

  private static Interaction click(String customer, Channel channel, int day) {
    return on(customer, channel, day, InteractionType.CLICK);
  }

  private static Interaction on(String customer, Channel channel, int day, InteractionType type) {
    return Interaction.builder()
        .customerId(customer)
        .channel(channel)
        .timestamp(FROM.plus(Duration.ofDays(day - 1)))
        .type(type)
        .build();
  }
}
