package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagement.attribution.journey.JourneyRulesTest.EUR;
import static org.engagement.attribution.journey.JourneyRulesTest.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Journeys cut straight from the interaction columns (issue 16: no {@code Interaction} per row) equal, bit for bit,
 * the journeys cut through an {@code Interaction} per row ({@link JourneyCutter#cutInteractions}), set-aside counts
 * and currency errors included, under random rules: lookback, as-of or none, conversion and touch types, collapsed
 * repeats or not.
 */
class ColumnJourneyCutterTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final List<InteractionType> TYPES = List.of(InteractionType.CLICK, InteractionType.VISIT,
      InteractionType.LEAD, InteractionType.OPEN, InteractionType.PURCHASE);
  /** Two channels share the id "b" (other display names), as two imports may name one channel. */
  private static final List<Channel> CHANNELS = List.of(Channel.of("b", "Bee", ChannelGroup.UNASSIGNED),
      Channel.of("a", ChannelGroup.UNASSIGNED), Channel.of("b", "Be", ChannelGroup.UNASSIGNED),
      Channel.of("c", ChannelGroup.UNASSIGNED), Channel.of("Z", ChannelGroup.UNASSIGNED));

  /**
   * Interactions of a few customers (ids out of order) on the channels above, at instants drawn from few seconds
   * and nanoseconds so that many tie, some after {@link JourneyRulesTest#T0}; values on some, in euros or rarely
   * in dollars.
   */
  @Provide
  Arbitrary<List<Interaction>> interactions() {
    return interactions(List.of("c9", "c1", "c10", "c2"), 60);
  }

  /** Long histories of two customers: more rows per customer than an insertion sort takes, with many ties. */
  @Provide
  Arbitrary<List<Interaction>> longHistories() {
    return interactions(List.of("c2", "c1"), 160);
  }

  private static Arbitrary<List<Interaction>> interactions(List<String> customers, int most) {
    Arbitrary<Instant> at = Combinators.combine(Arbitraries.integers().between(-3, 40),
        Arbitraries.of(0, 0, 0, 999_999, 1_000_000, 500_000_000), Arbitraries.integers().between(0, 2))
        .as((day, nano, minute) -> T0.minus(Duration.ofDays(day)).plusSeconds(60L * minute).plusNanos(nano));
    Arbitrary<@Nullable Money> value = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just((Money) null)),
        Tuple.of(6, Arbitraries.longs().between(0, 3).map(m -> Money.ofMinor(m * 250, EUR))),
        Tuple.of(1, Arbitraries.just(Money.ofMinor(250, USD))));
    Arbitrary<Interaction> interaction = Combinators.combine(Arbitraries.of(customers),
        Arbitraries.of(CHANNELS), at, Arbitraries.of(TYPES), value)
        .as((customer, channel, instant, type, money) -> Interaction.builder().customerId(customer)
            .channel(channel).timestamp(instant).type(type).value(money).build());
    return interaction.list().ofMaxSize(most);
  }

  /** Rules over the types above: any lookback, touch and conversion types, collapsing or not, as-of or not. */
  @Provide
  Arbitrary<JourneyRules> rules() {
    Arbitrary<Set<InteractionType>> types = Arbitraries.of(TYPES).set().ofMinSize(1).ofMaxSize(TYPES.size())
        .map(EnumSet::copyOf);
    Arbitrary<Duration> lookback = Arbitraries.of(Duration.ofMillis(1), Duration.ofMinutes(1), Duration.ofDays(2),
        Duration.ofDays(10), Duration.ofDays(400));
    Arbitrary<Optional<Duration>> gap = Arbitraries.of(Optional.empty(), Optional.of(Duration.ZERO),
        Optional.of(Duration.ofMinutes(1)), Optional.of(Duration.ofDays(3)));
    Arbitrary<Optional<Instant>> asOf = Arbitraries.of(Optional.empty(), Optional.of(T0),
        Optional.of(T0.minus(Duration.ofDays(5)).plusNanos(999_999)));
    return Combinators.combine(lookback, types, types, gap, asOf).as((back, touch, conversion, collapse, end) -> {
      JourneyRules rules = JourneyRules.defaults().withLookback(back).withTouchTypes(touch)
          .withConversionRule(ConversionRule.ofTypes(conversion));
      rules = collapse.map(rules::withCollapseRepeats).orElse(rules);
      return end.map(rules::withAsOf).orElse(rules);
    });
  }

  @Property(tries = 2000)
  void cuttingFromTheColumnsEqualsCuttingThroughInteractions(@ForAll("interactions") List<Interaction> interactions,
      @ForAll("rules") JourneyRules rules) {
    InteractionColumns columns = InteractionColumns.of(interactions);

    assertThat(outcome(() -> rules.journeys(columns)))
        .isEqualTo(outcome(() -> new JourneyCutter(rules).cutInteractions(columns)));
  }

  @Property(tries = 300)
  void longHistoriesCutAlike(@ForAll("longHistories") List<Interaction> interactions,
      @ForAll("rules") JourneyRules rules) {
    InteractionColumns columns = InteractionColumns.of(interactions);

    assertThat(outcome(() -> rules.journeys(columns)))
        .isEqualTo(outcome(() -> new JourneyCutter(rules).cutInteractions(columns)));
  }

  @Property(tries = 300)
  void aSubsetOfTheColumnsCutsAsItsInteractions(@ForAll("interactions") List<Interaction> interactions,
      @ForAll("rules") JourneyRules rules) {
    InteractionColumns subset = InteractionColumns.of(interactions).whereCustomer(id -> !id.equals("c2"));

    assertThat(outcome(() -> rules.journeys(subset)))
        .isEqualTo(outcome(() -> new JourneyCutter(rules).cutInteractions(InteractionColumns.of(List.copyOf(subset)))));
  }

  @Test
  void aHostsOwnRuleIsStillAskedWithTheInteraction() {
    List<Interaction> interactions = List.of(
        JourneyRulesTest.click("c1", "a", 3), JourneyRulesTest.purchase("c1", "b", 2, 100),
        JourneyRulesTest.click("c1", "a", 1), JourneyRulesTest.purchase("c1", "b", 0, 9_000));
    JourneyRules rules = JourneyRules.defaults().withConversionRule(i -> i.value() != null
        && i.value().minorUnits() > 1_000);

    Journeys journeys = rules.journeys(interactions);

    assertThat(journeys.size()).isEqualTo(1);
    assertThat(journeys.value(0)).isEqualTo(90.0);
    assertThat(journeys.end(0) - journeys.start(0)).isEqualTo(3);
  }

  /** The journeys, or the error's type and message: both paths must fail alike on mixed currencies. */
  private static Object outcome(Supplier<Journeys> cut) {
    try {
      Journeys journeys = cut.get();
      return List.of(journeys, journeys.setAside());
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
