package org.engagement.core.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.aggregate.Partitions;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;

/**
 * Properties of the default funnel over random interactions: 8 customers, 4 channels, every type with
 * the stage types over-represented, times within 60 days at hour resolution (so ties happen).
 */
class FunnelPropertiesTest {
  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
  private static final List<Channel> CHANNELS =
      List.of(
          Channel.of("email", ChannelGroup.EMAIL),
          Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL),
          Channel.of("expo", ChannelGroup.EVENTS),
          Channel.of("expo", "Expo 2024", ChannelGroup.EVENTS));

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<InteractionType> types =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(InteractionType.class)),
            Tuple.of(
                2, Arbitraries.of(InteractionType.LEAD, InteractionType.OPPORTUNITY, InteractionType.PURCHASE)));
    Arbitrary<Interaction> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 7),
                Arbitraries.of(CHANNELS),
                Arbitraries.integers().between(0, 60 * 24),
                types)
            .as(
                (customer, channel, hour, type) ->
                    Interaction.builder()
                        .customerId("c" + customer)
                        .channel(channel)
                        .timestamp(BASE.plus(Duration.ofHours(hour)))
                        .type(type)
                        .build());
    return one.list().ofMaxSize(60);
  }

  private static FunnelReport report(List<Interaction> interactions) {
    return Funnel.of(FunnelDefinition.defaults()).addAll(interactions).report();
  }

  private static List<FunnelCounts> allCounts(FunnelReport report) {
    List<FunnelCounts> all = new ArrayList<>();
    all.add(report.overall());
    report.byFirstTouch().forEach(row -> all.add(row.counts()));
    return all;
  }

  @Property
  void countsDoNotIncreaseAlongTheFunnelAndRatesAreFractions(@ForAll("interactions") List<Interaction> interactions) {
    for (FunnelCounts counts : allCounts(report(interactions))) {
      int total = 0;
      for (int k = 0; k < counts.stages().size(); k++) {
        if (k > 0) {
          assertThat(counts.reached(k)).isLessThanOrEqualTo(counts.reached(k - 1));
        }
        total += counts.current(k);
      }
      assertThat(total).isEqualTo(counts.customers());
      for (StageTransition t : counts.transitions()) {
        assertThat(t.conversionRate()).isBetween(0.0, 1.0);
        Duration median = t.medianTime();
        if (median != null) {
          assertThat(median.isNegative()).isFalse();
        }
      }
    }
  }

  @Property
  void channelsOfFirstTouchAddUpToTheWhole(@ForAll("interactions") List<Interaction> interactions) {
    FunnelReport report = report(interactions);
    int n = report.definition().size();
    for (int k = 0; k < n; k++) {
      int stage = k;
      assertThat(report.byFirstTouch().stream().mapToInt(row -> row.counts().reached(stage)).sum())
          .isEqualTo(report.overall().reached(k));
    }
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
    Funnel left = Funnel.of(FunnelDefinition.defaults()).addAll(interactions.subList(0, at));
    Funnel right = Funnel.of(FunnelDefinition.defaults()).addAll(interactions.subList(at, interactions.size()));

    assertThat(left.merge(right).report()).isEqualTo(report(interactions));
  }

  /**
   * Interactions split at random into three partitions, a customer's interactions often across several:
   * the laws of {@link org.engagement.core.aggregate.Mergeable} hold and the merged partitions equal
   * the funnel built whole.
   */
  @Property(tries = 100)
  void partitionsFollowTheMergeableLawsAndMergeIntoTheWhole(
      @ForAll("interactions") List<Interaction> interactions, @ForAll long seed) {
    List<List<Interaction>> parts = Partitions.ofItems(interactions, seed);
    Funnel a = Funnel.of(FunnelDefinition.defaults()).addAll(parts.get(0));
    Funnel b = Funnel.of(FunnelDefinition.defaults()).addAll(parts.get(1));
    Funnel c = Funnel.of(FunnelDefinition.defaults()).addAll(parts.get(2));

    MergeableLaws.check(Funnel.of(FunnelDefinition.defaults()), a, b, c);
    Funnel whole = Funnel.of(FunnelDefinition.defaults()).addAll(interactions);
    assertThat(c.merge(a).merge(b)).isEqualTo(whole);
    assertThat(a.merge(a)).isEqualTo(a);
    assertThat(interactions.parallelStream().collect(Funnel.collector(FunnelDefinition.defaults()))).isEqualTo(whole);
  }
}
