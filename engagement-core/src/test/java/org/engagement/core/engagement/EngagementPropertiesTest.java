package org.engagement.core.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.aggregate.Partitions;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;

/**
 * Properties of lazy decay and merging.
 *
 * <p>Comparisons use a relative tolerance of 1e-9. Regrouping a sum of non-negative terms changes it
 * only by rounding, about (n + x)·1e-16 relative for n terms decayed over x half-lives; with at most
 * 60 interactions and 730 half-lives that is below 1e-13, so 1e-9 leaves a wide margin without hiding a
 * real error (a wrong decay or a double count is off by far more). Times stay within one year and
 * half-lives at or above one day so that no term underflows into subnormal numbers, where relative
 * precision is lost.
 */
class EngagementPropertiesTest {
  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
  private static final long YEAR_MILLIS = 366L * 24 * 3600 * 1000;
  private static final double TOLERANCE = 1e-9;

  record Event(double weight, Instant at) {}

  @Property
  void orderOfArrivalDoesNotMatter(
      @ForAll("events") List<Event> events, @ForAll("halfLives") Duration halfLife, @ForAll long seed) {
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed));

    assertSameState(fold(shuffled, halfLife), fold(events, halfLife));
  }

  @Property
  void mergeOfASplitEqualsTheWhole(
      @ForAll("events") List<Event> events, @ForAll("halfLives") Duration halfLife, @ForAll @IntRange(max = 60) int cut) {
    int at = Math.min(cut, events.size());
    EngagementState merged =
        fold(events.subList(0, at), halfLife).merge(fold(events.subList(at, events.size()), halfLife));

    assertSameState(merged, fold(events, halfLife));
  }

  @Property
  void mergeIsCommutative(
      @ForAll("events") List<Event> left, @ForAll("events") List<Event> right, @ForAll("halfLives") Duration halfLife) {
    EngagementState a = fold(left, halfLife);
    EngagementState b = fold(right, halfLife);

    assertSameState(a.merge(b), b.merge(a));
  }

  @Property
  void mergeIsAssociative(
      @ForAll("events") List<Event> first,
      @ForAll("events") List<Event> second,
      @ForAll("events") List<Event> third,
      @ForAll("halfLives") Duration halfLife) {
    EngagementState a = fold(first, halfLife);
    EngagementState b = fold(second, halfLife);
    EngagementState c = fold(third, halfLife);

    assertSameState(a.merge(b).merge(c), a.merge(b.merge(c)));
  }

  @Property
  void emptyIsTheIdentity(@ForAll("events") List<Event> events, @ForAll("halfLives") Duration halfLife) {
    EngagementState state = fold(events, halfLife);
    EngagementState empty = EngagementState.empty(halfLife);

    assertThat(state.merge(empty)).isEqualTo(state);
    assertThat(empty.merge(state)).isEqualTo(state);
  }

  @Property
  void lazyStateEqualsTheDirectSum(
      @ForAll("events") List<Event> events,
      @ForAll("halfLives") Duration halfLife,
      @ForAll @LongRange(max = 366L * 24 * 3600 * 1000) long laterMillis) {
    EngagementState state = fold(events, halfLife);
    Instant at = BASE.plusMillis(YEAR_MILLIS + laterMillis);
    double seconds = halfLife.toMillis() / 1000.0;
    double direct = 0;
    for (Event event : events) {
      direct += event.weight() * Math.pow(2, -(Duration.between(event.at(), at).toMillis() / 1000.0) / seconds);
    }

    assertClose(state.scoreAt(at), direct);
    assertThat(state.scoreAt(at)).isNotNegative();
  }

  @Property
  void scoreNeverRisesWithoutNewInteractions(
      @ForAll("events") List<Event> events,
      @ForAll("halfLives") Duration halfLife,
      @ForAll @LongRange(max = YEAR_MILLIS) long first,
      @ForAll @LongRange(max = YEAR_MILLIS) long second) {
    EngagementState state = fold(events, halfLife);
    Instant earlier = BASE.plusMillis(YEAR_MILLIS + Math.min(first, second));
    Instant later = BASE.plusMillis(YEAR_MILLIS + Math.max(first, second));

    assertThat(state.scoreAt(later)).isLessThanOrEqualTo(state.scoreAt(earlier)).isNotNegative();
  }

  @Property
  void scoreHalvesAfterOneHalfLife(
      @ForAll("events") List<Event> events,
      @ForAll("halfLives") Duration halfLife,
      @ForAll @LongRange(max = YEAR_MILLIS) long laterMillis) {
    EngagementState state = fold(events, halfLife);
    Instant at = BASE.plusMillis(YEAR_MILLIS + laterMillis);

    assertClose(state.scoreAt(at.plus(halfLife)), state.scoreAt(at) / 2);
  }

  @Property
  void perCustomerScoresMergeLikeTheWhole(
      @ForAll("interactions") List<Interaction> interactions, @ForAll @IntRange(max = 60) int cut) {
    EngagementScorer scorer = EngagementScorer.defaults().withHalfLife(Duration.ofDays(7));
    int at = Math.min(cut, interactions.size());
    EngagementScores whole = EngagementScores.of(scorer).addAll(interactions);
    EngagementScores merged =
        EngagementScores.of(scorer)
            .addAll(interactions.subList(0, at))
            .merge(EngagementScores.of(scorer).addAll(interactions.subList(at, interactions.size())));
    Instant when = BASE.plusMillis(YEAR_MILLIS);

    Map<String, Double> expected = whole.scoresAt(when);
    assertThat(merged.scoresAt(when).keySet()).isEqualTo(expected.keySet());
    for (String customerId : expected.keySet()) {
      List<Interaction> own = interactions.stream().filter(i -> i.customerId().equals(customerId)).toList();
      assertClose(merged.scoreAt(customerId, when), expected.get(customerId));
      assertClose(expected.get(customerId), scorer.score(own, when));
    }
  }

  /**
   * Partitioned by customer (a customer's interactions all in one partition, in their input order),
   * scores follow the laws of {@link org.engagement.core.aggregate.Mergeable} exactly and the merged
   * partitions equal the scores built whole, bit for bit.
   */
  @Property(tries = 60)
  void scoresPartitionedByCustomerMergeLikeTheWhole(
      @ForAll("manyCustomers") List<Interaction> interactions, @ForAll long seed) {
    EngagementScorer scorer = EngagementScorer.defaults().withHalfLife(Duration.ofDays(7));
    List<List<Interaction>> parts = Partitions.byKey(interactions, Interaction::customerId, seed);
    EngagementScores a = EngagementScores.of(scorer).addAll(parts.get(0));
    EngagementScores b = EngagementScores.of(scorer).addAll(parts.get(1));
    EngagementScores c = EngagementScores.of(scorer).addAll(parts.get(2));

    MergeableLaws.check(EngagementScores.of(scorer), a, b, c);
    assertThat(a.merge(b).merge(c)).isEqualTo(EngagementScores.of(scorer).addAll(interactions));
  }

  @Property(tries = 200)
  void batchedTableEqualsFoldingEachCustomersStates(
      @ForAll("manyCustomers") List<Interaction> interactions, @ForAll @IntRange(max = 500) int readAfter) {
    EngagementScorer scorer = EngagementScorer.defaults().withHalfLife(Duration.ofDays(7));
    EngagementScores scores = EngagementScores.of(scorer);
    for (int i = 0; i < interactions.size(); i++) {
      scores.add(interactions.get(i));
      if (i == readAfter) {
        scores.customerCount(); // a read in the middle of a batch must not change the outcome
      }
    }

    Map<String, List<Interaction>> byCustomer =
        interactions.stream().collect(Collectors.groupingBy(Interaction::customerId));
    assertThat(scores.customerIds()).isEqualTo(byCustomer.keySet());
    byCustomer.forEach((customerId, own) -> assertThat(scores.state(customerId)).isEqualTo(scorer.state(own)));
  }

  @Property(tries = 200)
  void seriesPointsEqualTheDirectScoreAtEachPeriodEnd(
      @ForAll("interactions") List<Interaction> interactions,
      @ForAll Granularity granularity,
      @ForAll @LongRange(max = 2000) long seed) {
    EngagementScorer scorer = EngagementScorer.defaults().withHalfLife(Duration.ofDays(7));
    LocalDate from = LocalDate.parse("2024-01-01").plusDays(seed % 100);
    EngagementTimeline timeline =
        new EngagementTimeline(scorer, granularity, ZoneId.of("Europe/Berlin"), from, from.plusDays(300));
    List<Interaction> shuffled = new ArrayList<>(interactions);
    Collections.shuffle(shuffled, new Random(seed));

    Map<String, EngagementSeries> series = timeline.perCustomer(interactions);
    Map<String, EngagementSeries> fromShuffled = timeline.perCustomer(shuffled);

    assertThat(fromShuffled.keySet()).isEqualTo(series.keySet());
    for (Map.Entry<String, EngagementSeries> entry : series.entrySet()) {
      List<EngagementPoint> points = entry.getValue().points();
      assertThat(points).hasSize(timeline.periodStarts().size());
      for (int k = 0; k < points.size(); k++) {
        Instant end = points.get(k).end();
        List<Interaction> before =
            interactions.stream()
                .filter(i -> i.customerId().equals(entry.getKey()) && i.timestamp().isBefore(end))
                .toList();
        assertClose(points.get(k).score(), scorer.score(before, end));
        assertClose(fromShuffled.get(entry.getKey()).points().get(k).score(), points.get(k).score());
      }
    }
  }

  @Provide
  Arbitrary<List<Event>> events() {
    Arbitrary<Double> weights = Arbitraries.doubles().between(0, 100);
    Arbitrary<Instant> times = Arbitraries.longs().between(0, YEAR_MILLIS).map(BASE::plusMillis);
    return Combinators.combine(weights, times).as(Event::new).list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<Duration> halfLives() {
    return Arbitraries.longs().between(24 * 3600, 366L * 24 * 3600).map(Duration::ofSeconds);
  }

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    return interactionsOf(Arbitraries.of("c-1", "c-2", "c-3", "c-4"), 60);
  }

  /** Hundreds of customers over several batches and table growths; "Aa" and "BB" share a hash code. */
  @Provide
  Arbitrary<List<Interaction>> manyCustomers() {
    Arbitrary<String> numbered = Arbitraries.integers().between(0, 400).map(n -> "c-" + n);
    return interactionsOf(Arbitraries.oneOf(numbered, Arbitraries.of("Aa", "BB", "AaBB", "BBAa")), 500);
  }

  private static Arbitrary<List<Interaction>> interactionsOf(Arbitrary<String> customers, int maxSize) {
    Arbitrary<InteractionType> types = Arbitraries.of(InteractionType.class);
    Arbitrary<Direction> directions = Arbitraries.of(Direction.class);
    Arbitrary<ChannelGroup> groups = Arbitraries.of(ChannelGroup.class);
    Arbitrary<Instant> times = Arbitraries.longs().between(0, YEAR_MILLIS).map(BASE::plusMillis);
    return Combinators.combine(customers, types, directions, groups, times)
        .as(
            (customer, type, direction, group, time) ->
                Interaction.builder()
                    .customerId(customer)
                    .channel(Channel.ofGroup(group))
                    .type(type)
                    .direction(direction)
                    .timestamp(time)
                    .build())
        .list()
        .ofMaxSize(maxSize);
  }

  private static EngagementState fold(List<Event> events, Duration halfLife) {
    EngagementState state = EngagementState.empty(halfLife);
    for (Event event : events) {
      state = state.add(event.weight(), event.at());
    }
    return state;
  }

  private static void assertSameState(EngagementState actual, EngagementState expected) {
    assertThat(actual.referenceTime()).isEqualTo(expected.referenceTime());
    assertClose(actual.score(), expected.score());
  }

  private static void assertClose(double actual, double expected) {
    assertThat(Math.abs(actual - expected))
        .as("%s vs %s", actual, expected)
        .isLessThanOrEqualTo(TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected)));
  }
}
