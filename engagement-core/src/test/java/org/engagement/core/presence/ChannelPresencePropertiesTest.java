package org.engagement.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.aggregate.Partitions;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;

/**
 * Properties of channel presence over random interactions: 8 customers, 5 channels in 3 groups, a few
 * types including purchases, times from 20 days before to 20 days after a 30-day window.
 */
class ChannelPresencePropertiesTest {
  private static final Instant FROM = Instant.parse("2024-05-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-05-31T00:00:00Z");
  private static final ConversionRule RULE = ConversionRule.purchases();
  private static final List<Channel> CHANNELS =
      List.of(
          Channel.of("email", ChannelGroup.EMAIL),
          Channel.of("newsletter", ChannelGroup.EMAIL),
          Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL),
          Channel.of("x", ChannelGroup.ORGANIC_SOCIAL),
          Channel.of("expo", ChannelGroup.EVENTS));

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 7),
                Arbitraries.of(CHANNELS),
                Arbitraries.longs().between(-20L * 86_400, 50L * 86_400),
                Arbitraries.of(InteractionType.CLICK, InteractionType.IMPRESSION, InteractionType.PURCHASE))
            .as(
                (customer, channel, seconds, type) ->
                    Interaction.builder()
                        .customerId("c" + customer)
                        .channel(channel)
                        .timestamp(FROM.plusSeconds(seconds))
                        .type(type)
                        .build());
    return one.list().ofMaxSize(60);
  }

  private static PresenceReport report(List<Interaction> interactions) {
    return ChannelPresence.of(FROM, TO, RULE).addAll(interactions).report();
  }

  @Property
  void overlapIsSymmetricWithTheDiagonalOnTop(@ForAll("interactions") List<Interaction> interactions) {
    PresenceReport report = report(interactions);
    for (OverlapMatrix<?> m : List.of(report.channelOverlap(), report.groupOverlap())) {
      for (int i = 0; i < m.size(); i++) {
        for (int j = 0; j < m.size(); j++) {
          assertThat(m.count(i, j)).isEqualTo(m.count(j, i));
          assertThat(m.count(i, j)).isLessThanOrEqualTo(Math.min(m.count(i, i), m.count(j, j)));
          assertThat(m.count(i, j)).isNotNegative();
        }
      }
    }
    for (int i = 0; i < report.channels().size(); i++) {
      assertThat(report.channelOverlap().count(i, i)).isEqualTo(report.channels().get(i).active());
    }
  }

  @Property
  void sharesAreFractions(@ForAll("interactions") List<Interaction> interactions) {
    PresenceReport report = report(interactions);
    List<PresenceCount<?>> rows = new ArrayList<>(report.channels());
    rows.addAll(report.groups());
    for (PresenceCount<?> row : rows) {
      assertThat(row.activeShare()).isBetween(0.0, 1.0);
      assertThat(row.customerShare()).isBetween(0.0, 1.0);
      assertThat(row.prospectShare()).isBetween(0.0, 1.0);
      assertThat(row.customers() + row.prospects()).isEqualTo(row.active());
      assertThat(row.active()).isLessThanOrEqualTo(report.activeAnywhere());
    }
    assertThat(report.activeShare()).isBetween(0.0, 1.0);
  }

  @Property
  void orderOfInputIsIrrelevant(@ForAll("interactions") List<Interaction> interactions, @ForAll long seed) {
    List<Interaction> shuffled = new ArrayList<>(interactions);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(report(shuffled)).isEqualTo(report(interactions));
  }

  @Property
  void mergeOfASplitEqualsTheWhole(
      @ForAll("interactions") List<Interaction> interactions, @ForAll @IntRange(max = 60) int cut) {
    int at = Math.min(cut, interactions.size());
    ChannelPresence left = ChannelPresence.of(FROM, TO, RULE).addAll(interactions.subList(0, at));
    ChannelPresence right = ChannelPresence.of(FROM, TO, RULE).addAll(interactions.subList(at, interactions.size()));

    assertThat(left.merge(right).report()).isEqualTo(report(interactions));
  }

  /**
   * Interactions split at random into three partitions, a customer's interactions often across several,
   * each built with its own call to {@link ConversionRule#purchases()}: the laws of
   * {@link org.engagement.core.aggregate.Mergeable} hold and the merged partitions equal the count
   * built whole.
   */
  @Property(tries = 100)
  void partitionsFollowTheMergeableLawsAndMergeIntoTheWhole(
      @ForAll("interactions") List<Interaction> interactions, @ForAll long seed) {
    List<List<Interaction>> parts = Partitions.ofItems(interactions, seed);
    ChannelPresence a = ChannelPresence.of(FROM, TO, ConversionRule.purchases()).addAll(parts.get(0));
    ChannelPresence b = ChannelPresence.of(FROM, TO, ConversionRule.purchases()).addAll(parts.get(1));
    ChannelPresence c = ChannelPresence.of(FROM, TO, ConversionRule.purchases()).addAll(parts.get(2));

    MergeableLaws.check(ChannelPresence.of(FROM, TO, RULE), a, b, c);
    ChannelPresence whole = ChannelPresence.of(FROM, TO, RULE).addAll(interactions);
    assertThat(b.merge(c).merge(a)).isEqualTo(whole);
    assertThat(a.merge(a)).isEqualTo(a);
    assertThat(interactions.parallelStream().collect(ChannelPresence.collector(FROM, TO, RULE))).isEqualTo(whole);
  }
}
