package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.engagement.attribution.journey.JourneyRulesTest.T0;
import static org.engagement.attribution.journey.JourneyRulesTest.click;
import static org.engagement.attribution.journey.JourneyRulesTest.purchase;

import java.time.Duration;
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
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * Journeys built per partition of the customers with the same rules and as-of, merged in any order, equal
 * the journeys built whole; and journeys and timed journey sets follow the laws of the mergeable contract.
 */
class JourneyMergePropertiesTest {
  /** Collapsing on, so that partitions also have to agree on which repeats are dropped. */
  private static final JourneyRules RULES =
      JourneyRules.defaults().withCollapseRepeats(Duration.ofDays(2)).withAsOf(T0.minus(Duration.ofDays(3)));

  /** Interactions of up to 8 customers over 200 days, some after the as-of; values in odd cents. */
  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> interaction = Combinators.combine(
        Arbitraries.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"),
        Arbitraries.of("email", "search", "social", "display", "İnstagram"),
        Arbitraries.integers().between(0, 200),
        Arbitraries.integers().between(0, 4))
        .as((customer, channel, day, kind) -> kind == 0
            ? purchase(customer, channel, day, 1999L + 7 * day)
            : click(customer, channel, day));
    return interaction.list().ofMaxSize(60);
  }

  /** {@code interactions} split into three partitions by customer, at random. */
  private static List<List<Interaction>> partitionByCustomer(List<Interaction> interactions, long seed) {
    int salt = new Random(seed).nextInt();
    List<List<Interaction>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Interaction interaction : interactions) {
      parts.get(Math.floorMod(interaction.customerId().hashCode() ^ salt, 3)).add(interaction);
    }
    return parts;
  }

  @Property(tries = 200)
  void journeysBuiltPerPartitionAndMergedEqualJourneysBuiltWhole(
      @ForAll("interactions") List<Interaction> interactions, @ForAll long seed) {
    List<Journeys> parts = new ArrayList<>();
    for (List<Interaction> part : partitionByCustomer(interactions, seed)) {
      parts.add(RULES.journeys(part));
    }
    Collections.shuffle(parts, new Random(seed));
    Journeys whole = RULES.journeys(interactions);
    Journeys merged = parts.get(0).merge(parts.get(1)).merge(parts.get(2));
    assertThat(merged).isEqualTo(whole);
    assertThat(merged.hashCode()).isEqualTo(whole.hashCode());
    assertThat(merged.untouchedValue()).isEqualTo(whole.untouchedValue());
    JourneySet mergedSet = parts.get(2).toJourneySet().merge(parts.get(0).toJourneySet().merge(
        parts.get(1).toJourneySet()));
    assertThat(mergedSet).isEqualTo(whole.toJourneySet());
    assertThat(mergedSet.channels().names()).isEqualTo(whole.toJourneySet().channels().names());
  }

  @Property(tries = 100)
  void journeysFollowTheMergeableLaws(@ForAll("interactions") List<Interaction> a,
      @ForAll("interactions") List<Interaction> b, @ForAll("interactions") List<Interaction> c) {
    // Customers may appear in several of a, b and c: the laws hold for split customers too.
    MergeableLaws.check(RULES.journeys(List.of()), RULES.journeys(a), RULES.journeys(b), RULES.journeys(c));
  }

  @Property(tries = 100)
  void timedJourneySetsFollowTheMergeableLaws(@ForAll("interactions") List<Interaction> a,
      @ForAll("interactions") List<Interaction> b, @ForAll("interactions") List<Interaction> c) {
    JourneySet timedEmpty = RULES.journeys(List.of()).toJourneySet();
    MergeableLaws.check(timedEmpty, RULES.journeys(a).toJourneySet(), RULES.journeys(b).toJourneySet(),
        RULES.journeys(c).toJourneySet());
    JourneySet set = RULES.journeys(a).toJourneySet();
    assertThat(JourneySet.empty().merge(set)).isSameAs(set);
    assertThat(MergeableLaws.roundTrip(set).timed()).isEqualTo(set.timed());
  }

  /** The trial of issue 11 in small: without an as-of, each partition's window ends at its own latest. */
  @Test
  void theWindowEndOfPartitionsDiffersWithoutAnAsOfAndAgreesWithOne() {
    List<Interaction> first = List.of(click("a", "email", 10), click("a", "search", 9));
    List<Interaction> second = List.of(click("b", "email", 2));
    List<Interaction> whole = new ArrayList<>(first);
    whole.addAll(second);
    JourneyRules defaults = JourneyRules.defaults();
    Journeys merged = defaults.journeys(first).merge(defaults.journeys(second));
    assertThat(merged).isNotEqualTo(defaults.journeys(whole));
    assertThat(merged.endTime(0)).isEqualTo(T0.minus(Duration.ofDays(9)));
    assertThat(defaults.journeys(whole).endTime(0)).isEqualTo(T0.minus(Duration.ofDays(2)));
    JourneyRules asOf = defaults.withAsOf(T0);
    assertThat(asOf.journeys(first).merge(asOf.journeys(second))).isEqualTo(asOf.journeys(whole));
    assertThat(asOf.journeys(whole).asOf()).contains(T0);
    assertThat(defaults.journeys(whole).asOf()).isEmpty();
  }

  @Test
  void journeysWithDifferentAsOfsDoNotMerge() {
    Journeys early = JourneyRules.defaults().withAsOf(T0.minus(Duration.ofDays(1))).journeys(List.of());
    Journeys late = JourneyRules.defaults().withAsOf(T0).journeys(List.of());
    assertThatThrownBy(() -> early.merge(late)).isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("asOf '" + T0 + "' is invalid: must be the same for journeys that merge");
    assertThatThrownBy(() -> early.toJourneySet().merge(late.toJourneySet()))
        .isInstanceOf(IllegalArgumentException.class);
    Journeys none = JourneyRules.defaults().journeys(List.of(click("a", "x", 1)));
    assertThat(none.merge(late).asOf()).contains(T0);
    assertThat(late.merge(none).asOf()).contains(T0);
  }

  @Test
  void rulesAreValues() {
    assertThat(JourneyRules.defaults()).isEqualTo(JourneyRules.defaults());
    assertThat(JourneyRules.defaults().withLookback(Duration.ofDays(30)).withAsOf(T0))
        .isEqualTo(JourneyRules.defaults().withAsOf(T0).withLookback(Duration.ofDays(30)))
        .hasSameHashCodeAs(JourneyRules.defaults().withAsOf(T0).withLookback(Duration.ofDays(30)));
    assertThat(JourneyRules.defaults().withAsOf(T0)).isNotEqualTo(JourneyRules.defaults());
    assertThat(JourneyRules.defaults().lookback()).isEqualTo(JourneyRules.DEFAULT_LOOKBACK);
    assertThatThrownBy(() -> JourneyRules.defaults().touchTypes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
