package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JourneyRulesTest {
  static final Instant T0 = Instant.parse("2024-06-30T12:00:00Z");
  static final Currency EUR = Currency.getInstance("EUR");

  /** An interaction of {@code customer} on {@code channel}, {@code days} before {@link #T0}. */
  static Interaction touch(String customer, String channel, double days, InteractionType type,
      @Nullable Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(T0.minusMillis(Math.round(days * 86_400_000))).type(type).value(value).build();
  }

  static Interaction click(String customer, String channel, double days) {
    return touch(customer, channel, days, InteractionType.CLICK, null);
  }

  static Interaction purchase(String customer, String channel, double days, long cents) {
    return touch(customer, channel, days, InteractionType.PURCHASE, Money.ofMinor(cents, EUR));
  }

  private static List<List<String>> paths(Journeys journeys) {
    List<List<String>> paths = new ArrayList<>();
    for (int j = 0; j < journeys.size(); j++) {
      List<String> path = new ArrayList<>();
      for (int i = journeys.start(j); i < journeys.end(j); i++) {
        path.add(journeys.channels().name(journeys.channelAt(i)));
      }
      paths.add(path);
    }
    return paths;
  }

  @Test
  void oneJourneyPerConversionWithinTheLookbackAndOneForTheRest() {
    List<Interaction> interactions = List.of(
        click("c1", "old", 200),          // outside the 90-day lookback of the first purchase
        click("c1", "email", 50),
        click("c1", "social", 20),
        purchase("c1", "web", 10, 5000),
        click("c1", "search", 5),
        purchase("c1", "web", 4, 1999),
        click("c1", "display", 1),
        click("c2", "social", 3));
    Journeys journeys = JourneyRules.defaults().journeys(interactions);
    assertThat(paths(journeys)).containsExactly(
        List.of("email", "social"), List.of("search"), List.of("display"), List.of("social"));
    assertThat(journeys.customerId(0)).isEqualTo("c1");
    assertThat(journeys.converted(0)).isTrue();
    assertThat(journeys.value(0)).isEqualTo(50.0);
    assertThat(journeys.value(1)).isEqualTo(19.99);
    assertThat(journeys.converted(2)).isFalse();
    // The window end defaults to the latest interaction: the display click a day before T0.
    assertThat(journeys.endTime(2)).isEqualTo(T0.minus(Duration.ofDays(1)));
    assertThat(journeys.endTime(0)).isEqualTo(T0.minus(Duration.ofDays(10)));
    assertThat(journeys.touchMillis(journeys.start(0))).isEqualTo(T0.minus(Duration.ofDays(50)).toEpochMilli());
    assertThat(journeys.currency()).contains(EUR);
    assertThat(journeys.untouchedConversions()).isZero();

    JourneySet set = journeys.toJourneySet();
    assertThat(set.totalConversions()).isEqualTo(2);
    assertThat(set.totalValue()).isEqualTo(69.99);
    assertThat(set.totalNulls()).isEqualTo(2);
    assertThat(set.timed()).containsSame(journeys);
  }

  /**
   * The lookback covering the data (the report's and the command line's default) sets no touch aside: the first
   * interaction, 400 days before the last, is in the journey; a day more than the span, and a day when the as-of is
   * not after the first instant.
   */
  @Test
  void theLookbackCoveringTheDataSetsNoTouchAside() {
    List<Interaction> interactions = List.of(click("c", "ads", 400), click("c", "email", 30),
        purchase("c", "web", 0, 500));
    Instant first = T0.minus(Duration.ofDays(400));
    Duration covering = JourneyRules.lookbackCovering(first, T0);
    assertThat(covering).isEqualTo(Duration.ofDays(401));
    Journeys journeys = JourneyRules.defaults().withLookback(covering).journeys(interactions);
    assertThat(paths(journeys)).containsExactly(List.of("ads", "email"));
    assertThat(journeys.setAside().outsideLookback()).isZero();
    assertThat(paths(JourneyRules.defaults().journeys(interactions))).containsExactly(List.of("email"));
    assertThat(JourneyRules.lookbackCovering(T0, first)).isEqualTo(Duration.ofDays(1));
    assertThat(JourneyRules.lookbackCovering(T0, T0)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void lookbackTouchTypesAndConversionRuleAreConfigurable() {
    List<Interaction> interactions = List.of(
        touch("c", "ads", 41, InteractionType.IMPRESSION, null),
        touch("c", "edge", 40, InteractionType.IMPRESSION, null),
        touch("c", "post", 30, InteractionType.LIKE, null),
        click("c", "search", 20),
        touch("c", "form", 10, InteractionType.LEAD, null),
        click("c", "email", 1));
    Journeys journeys = JourneyRules.defaults()
        .withLookback(Duration.ofDays(30))
        .withTouchTypes(Set.of(InteractionType.CLICK, InteractionType.IMPRESSION))
        .withConversionRule(ConversionRule.ofTypes(Set.of(InteractionType.LEAD)))
        .withAsOf(T0.minus(Duration.ofDays(2)))
        .journeys(interactions);
    // The impression 41 days out is beyond the 30-day lookback, the one exactly 30 days before the lead is
    // in; the like is not a touch type; the email click is after the window end.
    assertThat(paths(journeys)).containsExactly(List.of("edge", "search"));
    assertThat(journeys.touchType(journeys.start(0))).isEqualTo(InteractionType.IMPRESSION);
    assertThat(journeys.touchType(journeys.start(0) + 1)).isEqualTo(InteractionType.CLICK);
    assertThat(journeys.value(0)).isZero();
    assertThat(journeys.currency()).isEmpty();
  }

  @Test
  void collapsesRepeatsWithinTheGapAndCountsUntouchedConversions() {
    List<Interaction> interactions = List.of(
        click("c", "social", 10),
        click("c", "social", 9.5),
        click("c", "social", 9),      // 12 h after the previous repeat: still collapsed
        click("c", "social", 5),      // 4 days later: a new touch
        click("c", "email", 4),
        click("c", "social", 3.9),    // another channel in between: kept
        purchase("c", "web", 3, 100),
        purchase("c", "web", 2, 200)); // no touch left for it
    Journeys journeys = JourneyRules.defaults().withCollapseRepeats(Duration.ofHours(12)).journeys(interactions);
    assertThat(paths(journeys)).containsExactly(List.of("social", "social", "email", "social"));
    assertThat(journeys.untouchedConversions()).isEqualTo(1);
    assertThat(journeys.untouchedValue()).isEqualTo(2.0);
    Journeys uncollapsed = JourneyRules.defaults().journeys(interactions);
    assertThat(paths(uncollapsed).get(0)).hasSize(6);
  }

  @Test
  void everyInteractionLeftOutIsCountedAndSaid() {
    // Issue 12: the lookback, the as-of and the touch types left data out without a word.
    List<Interaction> interactions = List.of(
        click("c", "old", 200),                                      // outside the lookback of the purchase
        touch("c", "post", 60, InteractionType.LIKE, null),          // not a touch type
        click("c", "email", 50),
        click("c", "email", 49.9),                                   // a repeat within the gap
        purchase("c", "web", 40, 1000),
        click("d", "social", 120),                                   // outside the lookback of the window end
        click("d", "search", 1),
        click("d", "late", -1),                                      // after the as-of
        purchase("d", "web", -2, 500));                              // after the as-of
    Journeys journeys = JourneyRules.defaults().withTouchTypes(Set.of(InteractionType.CLICK))
        .withCollapseRepeats(Duration.ofDays(1)).withAsOf(T0).journeys(interactions);
    assertThat(paths(journeys)).containsExactly(List.of("email"), List.of("search"));
    assertThat(journeys.setAside()).isEqualTo(new SetAside(2, 1, 2, 1));
    assertThat(journeys.setAside().total()).isEqualTo(6);
    assertThat(journeys.notes()).containsExactly(
        "2 interactions were dated after the as-of instant (the window end) and left out",
        "1 interaction was neither a conversion nor of a touch type and left out",
        "2 touches were more than the lookback before their conversion or the window end and are in no journey",
        "1 touch was dropped by the collapsing of repeats (the same channel as the previous touch, within the gap)");
    JourneySet set = journeys.toJourneySet();
    assertThat(set.setAside()).isEqualTo(journeys.setAside());
    assertThat(set.notes()).isEqualTo(journeys.notes());
    // Counted for the models too: every built-in model repeats the notes in its result.
    assertThat(org.engagement.attribution.heuristic.HeuristicModel.linear().attribute(set).notes())
        .isEqualTo(journeys.notes());
    // A path-only set says what its builder was told, and merging adds the counts.
    JourneySet paths = JourneySet.builder().add(List.of("x"), 1, 0, 0).setAside(new SetAside(0, 0, 5, 0)).build();
    assertThat(paths.notes()).containsExactly(
        "5 touches were more than the lookback before their conversion or the window end and are in no journey");
    assertThat(set.merge(paths).setAside()).isEqualTo(new SetAside(2, 1, 7, 1));
    assertThat(JourneySet.empty().merge(JourneySet.builder().setAside(new SetAside(1, 0, 0, 0)).build()).setAside())
        .isEqualTo(new SetAside(1, 0, 0, 0));
    assertThat(MergeableLaws.roundTrip(paths)).isEqualTo(paths);
    assertThat(MergeableLaws.roundTrip(journeys)).isEqualTo(journeys);
  }

  @Test
  void untouchedConversionsAreSaidWithTheirValue() {
    Journeys journeys = JourneyRules.defaults().journeys(List.of(purchase("c", "web", 3, 1999)));
    assertThat(journeys.notes()).containsExactly("1 conversion had no touch within the lookback and is in no"
        + " journey (value 19.99)");
    assertThat(journeys.setAside().isEmpty()).isTrue();
  }

  @Test
  void touchesAtTheInstantOfAConversionCountForIt() {
    Journeys journeys = JourneyRules.defaults().journeys(List.of(purchase("c", "web", 0, 1), click("c", "email", 0)));
    assertThat(paths(journeys)).containsExactly(List.of("email"));
  }

  @Test
  void refusesMixedCurrenciesAndBadSettings() {
    Interaction usd = touch("c", "web", 1, InteractionType.PURCHASE, Money.ofMinor(1, Currency.getInstance("USD")));
    assertThatThrownBy(() -> JourneyRules.defaults().journeys(List.of(click("c", "a", 5), purchase("c", "w", 3, 1),
        click("c", "b", 2), usd)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("currency 'USD' is invalid: must be the same for every conversion value; found EUR before");
    assertThatThrownBy(() -> JourneyRules.defaults().withLookback(Duration.ZERO))
        .hasMessage("lookback 'PT0S' is invalid: must be positive");
    assertThatThrownBy(() -> JourneyRules.defaults().withTouchTypes(Set.of()))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> JourneyRules.defaults().withCollapseRepeats(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void mergingTimedSetsKeepsTheTimes() {
    JourneySet a = JourneyRules.defaults()
        .journeys(List.of(click("a", "x", 2), purchase("a", "w", 1, 100))).toJourneySet();
    JourneySet b = JourneyRules.defaults().journeys(List.of(click("b", "y", 2), click("b", "x", 1))).toJourneySet();
    JourneySet merged = a.merge(b);
    assertThat(merged.timed()).isPresent();
    assertThat(merged.timed().orElseThrow().size()).isEqualTo(2);
    assertThat(merged.channels().names()).containsExactly("x", "y");
    assertThat(merged.totalConversions()).isEqualTo(1);
    assertThat(merged.totalNulls()).isEqualTo(1);
    JourneySet pathOnly = JourneySet.builder().add(List.of("x"), 1, 0, 0).build();
    assertThat(a.merge(pathOnly).timed()).isEmpty();
    assertThat(a.merge(pathOnly).totalConversions()).isEqualTo(2);
  }

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> interaction = Combinators.combine(
        Arbitraries.of("c1", "c2", "c3"),
        Arbitraries.of("a", "b", "c", "d"),
        Arbitraries.integers().between(0, 200),
        Arbitraries.integers().between(0, 5))
        .as((customer, channel, day, kind) -> kind == 0
            ? purchase(customer, channel, day, 100L * day)
            : click(customer, channel, day));
    return interaction.list().ofMaxSize(40);
  }

  @Property
  void journeysDoNotDependOnInputOrder(@ForAll("interactions") List<Interaction> interactions, @ForAll long seed) {
    List<Interaction> shuffled = new ArrayList<>(interactions);
    Collections.shuffle(shuffled, new Random(seed));
    JourneyRules rules = JourneyRules.defaults().withCollapseRepeats(Duration.ofDays(3));
    Journeys original = rules.journeys(interactions);
    Journeys reordered = rules.journeys(shuffled);
    assertThat(paths(reordered)).isEqualTo(paths(original));
    assertThat(reordered.untouchedConversions()).isEqualTo(original.untouchedConversions());
    JourneySet set = original.toJourneySet();
    long conversions = interactions.stream().filter(i -> i.type() == InteractionType.PURCHASE).count();
    assertThat(set.totalConversions() + original.untouchedConversions()).isEqualTo((double) conversions);
    assertThat(reordered.setAside()).isEqualTo(original.setAside());
    // Every interaction is a touch of a journey, a conversion (in a journey or untouched), or set aside.
    long clicks = interactions.size() - conversions;
    assertThat(touches(original) + original.setAside().total()).isEqualTo(clicks);
  }

  private static long touches(Journeys journeys) {
    return journeys.size() == 0 ? 0 : journeys.end(journeys.size() - 1);
  }
}
