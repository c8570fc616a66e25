package org.engagement.core.conversation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.aggregate.Partitions;
import org.engagement.core.conversation.ConversationFixtures;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;

class ServiceLedgerPropertiesTest {

  @Property(tries = 200)
  void resultsAreTheSameWhateverThePartitioning(@ForAll("interactions") List<Interaction> interactions,
      @ForAll("cuts") List<Integer> parts) {
    ServiceLedger whole = ServiceLedger.create().addAll(interactions);
    List<ServiceLedger> partitions = List.of(ServiceLedger.create(), ServiceLedger.create(), ServiceLedger.create());
    for (int i = 0; i < interactions.size(); i++) {
      partitions.get(parts.isEmpty() ? 0 : parts.get(i % parts.size())).add(interactions.get(i));
    }
    ServiceLedger merged = partitions.get(2).merge(partitions.get(1)).merge(partitions.get(0));
    Duration target = Duration.ofHours(2);
    assertThat(merged.report(target)).isEqualTo(whole.report(target));
    Instant asOf = Instant.parse("2024-03-09T00:00:00Z");
    assertThat(merged.retention(asOf, Duration.ofDays(3))).isEqualTo(whole.retention(asOf, Duration.ofDays(3)));
  }

  @Property(tries = 100)
  void countsStayWithinTheirBounds(@ForAll("interactions") List<Interaction> interactions) {
    ServiceReport report = ServiceLedger.create().addAll(interactions).report(Duration.ofHours(2));
    long byChannel = report.byChannel().values().stream().mapToLong(ServiceStats::cases).sum();
    long byOwner = report.byOwner().values().stream().mapToLong(ServiceStats::cases).sum() + report.unassigned().cases();
    assertThat(byChannel).isEqualTo(report.overall().cases());
    assertThat(byOwner).isEqualTo(report.overall().cases());
  }

  /**
   * Interactions split at random into three partitions (threads and customers often across several):
   * the laws of {@link org.engagement.core.aggregate.Mergeable} hold, the merged partitions equal the
   * ledger built whole, and a repeated interaction changes nothing.
   */
  @Property(tries = 100)
  void partitionsFollowTheMergeableLawsAndMergeIntoTheWhole(
      @ForAll("interactions") List<Interaction> interactions, @ForAll long seed) {
    List<List<Interaction>> parts = Partitions.ofItems(interactions, seed);
    ServiceLedger a = ServiceLedger.create().addAll(parts.get(0));
    ServiceLedger b = ServiceLedger.create().addAll(parts.get(1));
    ServiceLedger c = ServiceLedger.create().addAll(parts.get(2));

    MergeableLaws.check(ServiceLedger.create(), a, b, c);
    ServiceLedger whole = ServiceLedger.create().addAll(interactions);
    assertThat(c.merge(a).merge(b)).isEqualTo(whole);
    assertThat(whole.merge(a)).isEqualTo(whole);
    assertThat(interactions.parallelStream().collect(ServiceLedger.collector())).isEqualTo(whole);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 2).list().ofMaxSize(10);
  }

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Content> contents = Combinators.combine(
        Arbitraries.of("t1", "t2", "t3").injectNull(0.2), Arbitraries.of("ann", "bob").injectNull(0.5),
        Arbitraries.of(true, false))
        .as((thread, owner, resolved) -> Content.builder().threadId(thread).owner(owner).resolved(resolved).build());
    Arbitrary<Interaction> interaction = Combinators.combine(
        Arbitraries.of("c1", "c2", "c3"), Arbitraries.of(ConversationFixtures.X, ConversationFixtures.LINKEDIN),
        Arbitraries.integers().between(0, 9 * 24 - 1), Arbitraries.of(Direction.class), contents)
        .as((who, channel, hour, direction, content) -> ConversationFixtures.said(who, channel,
            Instant.parse("2024-03-01T00:00:00Z").plusSeconds(3600L * hour).toString(),
            direction == Direction.INBOUND ? InteractionType.SUPPORT_REQUEST : InteractionType.REPLY, direction, content));
    return interaction.list().ofMaxSize(40).map(ArrayList::new);
  }
}
