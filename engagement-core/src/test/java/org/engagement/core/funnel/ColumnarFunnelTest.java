package org.engagement.core.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;

/**
 * The columnar funnel is {@link Funnel}'s report exactly: over random interactions (10 customers, 4 channels, every
 * stage's types and some reaching none, few distinct instants so that ties between channels happen, with and
 * without nanoseconds so that both ways of taking the median run), whole and on a subset of the columns.
 */
class ColumnarFunnelTest {
  private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
  private static final List<Channel> CHANNELS = List.of(
      Channel.of("email", ChannelGroup.EMAIL),
      Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL),
      Channel.of("x", ChannelGroup.ORGANIC_SOCIAL),
      Channel.of("expo", ChannelGroup.EVENTS));

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> one = Combinators.combine(
            Arbitraries.integers().between(0, 9),
            Arbitraries.of(CHANNELS),
            Arbitraries.longs().between(0, 12).map(k -> k * 86_400),
            Arbitraries.of(0, 0, 0, 500_000_000),
            Arbitraries.of(InteractionType.values()))
        .as((customer, channel, seconds, nano, type) -> Interaction.builder()
            .customerId("c" + customer)
            .channel(channel)
            .timestamp(START.plusSeconds(seconds).plusNanos(nano))
            .type(type)
            .build());
    return one.list().ofMaxSize(80);
  }

  @Provide
  Arbitrary<List<Interaction>> wholeSeconds() {
    return interactions().map(list -> list.stream()
        .map(i -> i.toBuilder().timestamp(Instant.ofEpochSecond(i.timestamp().getEpochSecond())).build())
        .toList());
  }

  @Property
  void equalsTheFunnelOfTheMap(@ForAll("interactions") List<Interaction> interactions) {
    assertThat(ColumnarFunnel.report(FunnelDefinition.defaults(), InteractionColumns.of(interactions)))
        .isEqualTo(Funnel.of(FunnelDefinition.defaults()).addAll(interactions).report());
  }

  @Property
  void equalsTheFunnelOfTheMapInWholeSeconds(@ForAll("wholeSeconds") List<Interaction> interactions) {
    assertThat(ColumnarFunnel.report(FunnelDefinition.defaults(), InteractionColumns.of(interactions)))
        .isEqualTo(Funnel.of(FunnelDefinition.defaults()).addAll(interactions).report());
  }

  @Property
  void equalsTheFunnelOfTheMapOnASubset(@ForAll("interactions") List<Interaction> interactions) {
    InteractionColumns some = InteractionColumns.of(interactions).where(i -> !i.customerId().endsWith("3"));
    FunnelDefinition two = FunnelDefinition.of(FunnelStage.of("seen", InteractionType.values()),
        FunnelStage.of("bought", InteractionType.PURCHASE));
    assertThat(ColumnarFunnel.report(two, some)).isEqualTo(Funnel.of(two).addAll(some).report());
  }
}
