package org.engagement.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;

/**
 * The columnar presence is {@link ChannelPresence}'s report exactly: over random interactions (12 customers, 5
 * channels in 3 groups, times with and without nanoseconds on both sides of the window's ends), with the built-in
 * rule read from the type and a host's lambda asked per row, whole and on a subset of the columns, and with
 * channels grouped as the report's section groups them.
 */
class ColumnarPresenceTest {
  private static final Instant FROM = Instant.parse("2024-05-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-05-31T00:00:00Z");
  private static final ConversionRule OWN_RULE = i -> i.type() == InteractionType.PURCHASE && i.channel().id()
      .startsWith("e");
  private static final List<Channel> CHANNELS = List.of(
      Channel.of("email", ChannelGroup.EMAIL),
      Channel.of("newsletter", ChannelGroup.EMAIL),
      Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL),
      Channel.of("x", ChannelGroup.ORGANIC_SOCIAL),
      Channel.of("expo", ChannelGroup.EVENTS));
  private static final Channel OTHERS = Channel.of("others", "other channels (3)", ChannelGroup.UNASSIGNED);

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> one = Combinators.combine(
            Arbitraries.integers().between(0, 11),
            Arbitraries.of(CHANNELS),
            Arbitraries.longs().between(-20L * 86_400, 50L * 86_400),
            Arbitraries.of(0, 0, 1, 999_999_999),
            Arbitraries.of(InteractionType.CLICK, InteractionType.IMPRESSION, InteractionType.PURCHASE))
        .as((customer, channel, seconds, nano, type) -> Interaction.builder()
            .customerId("c" + customer)
            .channel(channel)
            .timestamp(FROM.plusSeconds(seconds).plusNanos(nano))
            .type(type)
            .build());
    return one.list().ofMaxSize(80);
  }

  @Property
  void equalsTheReportOfTheSets(@ForAll("interactions") List<Interaction> interactions) {
    InteractionColumns columns = InteractionColumns.of(interactions);
    for (ConversionRule rule : List.of(ConversionRule.purchases(), OWN_RULE)) {
      assertThat(ColumnarPresence.of(columns, FROM, TO, rule).report())
          .isEqualTo(ChannelPresence.of(FROM, TO, rule).addAll(interactions).report());
    }
  }

  @Property
  void equalsTheReportOfTheSetsOnASubset(@ForAll("interactions") List<Interaction> interactions) {
    InteractionColumns some = InteractionColumns.of(interactions).where(i -> !i.customerId().endsWith("3"));
    assertThat(ColumnarPresence.of(some, FROM, TO, ConversionRule.purchases()).report())
        .isEqualTo(ChannelPresence.of(FROM, TO, ConversionRule.purchases()).addAll(some).report());
  }

  @Property
  void groupedEqualsTheSetsFedTheGroupedChannel(@ForAll("interactions") List<Interaction> interactions) {
    UnaryOperator<Channel> grouping = c -> c.group() == ChannelGroup.EMAIL ? c : OTHERS;
    ChannelPresence sets = ChannelPresence.of(FROM, TO, ConversionRule.purchases());
    interactions.forEach(i -> sets.add(i.toBuilder().channel(grouping.apply(i.channel())).build()));
    assertThat(ColumnarPresence.of(InteractionColumns.of(interactions), FROM, TO, ConversionRule.purchases())
        .report(grouping)).isEqualTo(sets.report());
  }

  @Property
  void countsEachChannelsActiveCustomers(@ForAll("interactions") List<Interaction> interactions) {
    ColumnarPresence presence =
        ColumnarPresence.of(InteractionColumns.of(interactions), FROM, TO, ConversionRule.purchases());
    PresenceReport report = ChannelPresence.of(FROM, TO, ConversionRule.purchases()).addAll(interactions).report();
    assertThat(presence.channels()).isEqualTo(report.channels().stream().map(PresenceCount::key).toList());
    for (PresenceCount<Channel> count : report.channels()) {
      assertThat(presence.active(count.key())).isEqualTo(count.active());
    }
    assertThat(presence.active(Channel.of("unseen", ChannelGroup.EVENTS))).isZero();
  }
}
