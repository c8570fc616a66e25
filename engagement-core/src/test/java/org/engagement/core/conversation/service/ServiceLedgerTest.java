package org.engagement.core.conversation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.engagement.core.conversation.ConversationFixtures.LINKEDIN;
import static org.engagement.core.conversation.ConversationFixtures.X;
import static org.engagement.core.conversation.ConversationFixtures.said;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ServiceLedgerTest {
  private static final Duration HOUR = Duration.ofHours(1);

  static Interaction request(String customer, Channel channel, String at, String thread) {
    return said(customer, channel, at, InteractionType.SUPPORT_REQUEST, Content.builder().threadId(thread).build());
  }

  static Interaction reply(Channel channel, String at, String thread, @Nullable String owner, boolean resolved) {
    return said("brand", channel, at, InteractionType.REPLY, Direction.OUTBOUND,
        Content.builder().threadId(thread).owner(owner).resolved(resolved).build());
  }

  static List<Interaction> threads() {
    return List.of(
        request("c1", X, "2024-03-01T10:00:00Z", "t1"),
        reply(X, "2024-03-01T10:30:00Z", "t1", "ann", false),
        reply(X, "2024-03-01T12:00:00Z", "t1", "ann", true),
        request("c2", X, "2024-03-01T09:00:00Z", "t2"),
        reply(X, "2024-03-01T11:00:00Z", "t2", "bob", false),
        request("c2", X, "2024-03-01T11:30:00Z", "t2"),
        request("c3", LINKEDIN, "2024-03-01T08:00:00Z", "t3"),
        said("c3", LINKEDIN, "2024-03-01T09:00:00Z", InteractionType.COMMENT,
            Content.builder().threadId("t3").resolved(true).build()),
        reply(X, "2024-03-01T08:00:00Z", "t4", "ann", false),
        reply(X, "2024-03-01T07:00:00Z", "t5", "cat", false),
        request("c4", X, "2024-03-01T08:00:00Z", "t5"),
        reply(X, "2024-03-01T08:20:00Z", "t5", "ann", true));
  }

  @Test
  void measuresResponseAndResolutionOverall() {
    ServiceStats overall = ServiceLedger.create().addAll(threads()).report(HOUR).overall();
    // Cases t1, t2, t3, t5 (t4 has no inbound interaction). First responses: t1 30 min, t2 120 min, t5 20 min
    // (the 07:00 reply came before t5 opened at 08:00); t3 none. Within an hour: t1, t5.
    // Resolutions: t1 120 min, t3 60 min (the customer's own resolved comment), t5 20 min.
    assertThat(overall).isEqualTo(new ServiceStats(4, 3, 2, 3,
        Duration.ofMinutes(170).dividedBy(3), Duration.ofMinutes(30),
        Duration.ofMinutes(200).dividedBy(3), Duration.ofMinutes(60)));
    assertThat(overall.resolutionRate()).isEqualTo(0.75);
    assertThat(overall.withinTargetShare()).isEqualTo(0.5);
    assertThat(overall.answerRate()).isEqualTo(0.75);
  }

  @Test
  void splitsByChannelAndOwner() {
    ServiceReport report = ServiceLedger.create().addAll(threads()).report(HOUR);
    // X: t1, t2, t5; responses 30, 120, 20 (median 30); resolutions 120, 20 (mean and median 70).
    assertThat(report.byChannel()).containsOnlyKeys(LINKEDIN, X);
    assertThat(report.byChannel().get(X)).isEqualTo(new ServiceStats(3, 3, 2, 2,
        Duration.ofMinutes(170).dividedBy(3), Duration.ofMinutes(30), Duration.ofMinutes(70), Duration.ofMinutes(70)));
    assertThat(report.byChannel().get(LINKEDIN))
        .isEqualTo(new ServiceStats(1, 0, 0, 1, null, null, Duration.ofMinutes(60), Duration.ofMinutes(60)));
    // Owners come from the first response: ann has t1 (30 min) and t5 (20 min; cat's reply came before the
    // opening), bob has t2; t3 has no owner.
    assertThat(report.byOwner().keySet()).containsExactly("ann", "bob");
    assertThat(report.byOwner().get("ann")).isEqualTo(new ServiceStats(2, 2, 2, 2,
        Duration.ofMinutes(25), Duration.ofMinutes(25), Duration.ofMinutes(70), Duration.ofMinutes(70)));
    assertThat(report.byOwner().get("bob")).isEqualTo(new ServiceStats(1, 1, 0, 0,
        Duration.ofHours(2), Duration.ofHours(2), null, null));
    assertThat(report.unassigned().cases()).isEqualTo(1);
  }

  @Test
  void comparesRetentionOfResolvedAndUnresolvedCustomers() {
    List<Interaction> later = List.of(
        said("c1", X, "2024-03-20T10:00:00Z", InteractionType.VISIT, Content.empty()),
        said("c2", X, "2024-03-16T12:00:00Z", InteractionType.PURCHASE, Content.empty()),
        said("c3", X, "2024-03-10T12:00:00Z", InteractionType.VISIT, Content.empty()),
        request("c5", X, "2024-03-25T10:00:00Z", "t6"));
    ServiceLedger ledger = ServiceLedger.create().addAll(threads()).addAll(later);
    RetentionGroups groups = ledger.retention(Instant.parse("2024-03-31T00:00:00Z"), Duration.ofDays(14));
    // Judged: cases opened by March 17; c5's (March 25) is too recent. Resolved: c1, c3, c4; unresolved: c2.
    // Retained if active from opening + 14 days: c1 (March 20 ≥ March 15 10:00) yes, c3 (March 10) no,
    // c4 (nothing later) no, c2 (March 16 12:00 ≥ March 15 09:00) yes.
    assertThat(groups.resolved()).isEqualTo(new RetentionCount(3, 1));
    assertThat(groups.unresolved()).isEqualTo(new RetentionCount(1, 1));
    assertThat(groups.difference()).isCloseTo(1.0 / 3 - 1, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void inboundActivityByIdAndInstantEqualsAddingTheInboundInteractions() {
    List<Interaction> later = List.of(
        said("c1", X, "2024-03-20T10:00:00Z", InteractionType.VISIT, Content.empty()),
        said("c1", X, "2024-03-12T10:00:00Z", InteractionType.VISIT, Content.empty()),
        said("c2", X, "2024-03-16T12:00:00Z", InteractionType.PURCHASE, Content.empty()),
        said("c3", X, "2024-03-10T12:00:00Z", InteractionType.VISIT, Content.empty()));
    ServiceLedger added = ServiceLedger.create().addAll(threads()).addAll(later);
    ServiceLedger noted = ServiceLedger.create().addAll(threads());
    for (Interaction interaction : later) {
      noted.addInboundActivity(interaction.customerId(), interaction.timestamp());
    }
    ServiceLedger withoutThem = ServiceLedger.create().addAll(threads());
    Instant asOf = Instant.parse("2024-03-31T00:00:00Z");

    assertThat(noted).isEqualTo(added).isNotEqualTo(withoutThem);
    assertThat(noted.retention(asOf, Duration.ofDays(14))).isEqualTo(added.retention(asOf, Duration.ofDays(14)));
  }

  @Test
  void aCaseResolvedAfterTheCutOffCountsAsUnresolved() {
    ServiceLedger ledger = ServiceLedger.create()
        .add(request("c1", X, "2024-03-01T10:00:00Z", "t1"))
        .add(reply(X, "2024-04-02T10:00:00Z", "t1", "ann", true));
    RetentionGroups groups = ledger.retention(Instant.parse("2024-03-31T00:00:00Z"), Duration.ofDays(14));
    assertThat(groups.unresolved()).isEqualTo(new RetentionCount(1, 0));
    assertThat(groups.resolved()).isEqualTo(new RetentionCount(0, 0));
  }

  @Test
  void refusesANonPositiveTargetOrWindow() {
    ServiceLedger ledger = ServiceLedger.create();
    assertThatThrownBy(() -> ledger.report(Duration.ZERO)).isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("target");
    assertThatThrownBy(() -> ledger.retention(Instant.EPOCH, Duration.ofDays(-1))).hasMessageStartingWith("window");
  }
}
