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
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * Journeys cut one customer at a time (issue 16: the ROI's per-segment pass feeds each customer's interactions to
 * the cutter and the channel evidence together) equal the journeys cut from all the interactions at once.
 */
class CustomerJourneyCutterTest {
  /** Days before {@link JourneyRulesTest#T0}; negative days are after it, so after an as-of at T0. */
  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> interaction = Combinators.combine(
        Arbitraries.of("c1", "c2", "c3", "c4"),
        Arbitraries.of("a", "b", "c", "d"),
        Arbitraries.integers().between(-20, 200),
        Arbitraries.integers().between(0, 4))
        .as((customer, channel, day, kind) -> kind == 0
            ? purchase(customer, channel, day, 100L * Math.abs(day))
            : click(customer, channel, day));
    return interaction.list().ofMaxSize(50);
  }

  @Property
  void oneCustomerAtATimeEqualsAllAtOnce(@ForAll("interactions") List<Interaction> interactions,
      @ForAll long seed) {
    JourneyRules rules = JourneyRules.defaults().withCollapseRepeats(Duration.ofDays(3))
        .withLookback(Duration.ofDays(60)).withAsOf(T0);
    List<List<Interaction>> customers = new ArrayList<>();
    InteractionColumns.of(interactions).perCustomer().forEach(customers::add);
    Collections.shuffle(customers, new Random(seed));
    CustomerJourneyCutter cutter = CustomerJourneyCutter.of(rules);
    customers.forEach(cutter::add);

    Journeys expected = rules.journeys(interactions);
    Journeys cut = cutter.journeys();
    assertThat(cut).isEqualTo(expected);
    assertThat(cut.setAside()).isEqualTo(expected.setAside());
  }

  @Test
  void countsTheInteractionsAfterTheAsOfAsSetAside() {
    CustomerJourneyCutter cutter = CustomerJourneyCutter.of(JourneyRules.defaults().withAsOf(T0));
    cutter.add(new ArrayList<>(List.of(click("c1", "a", 3), click("c1", "b", -1), purchase("c1", "b", -2, 500))));
    cutter.add(new ArrayList<>(List.of(click("c2", "a", -5))));

    Journeys journeys = cutter.journeys();
    assertThat(journeys.size()).isEqualTo(1);
    assertThat(journeys.converted(0)).isFalse();
    assertThat(journeys.setAside().afterAsOf()).isEqualTo(3);
  }

  @Test
  void refusesRulesWithoutAnAsOfAndAddingAfterTheEnd() {
    assertThatThrownBy(() -> CustomerJourneyCutter.of(JourneyRules.defaults()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("asOf");
    CustomerJourneyCutter cutter = CustomerJourneyCutter.of(JourneyRules.defaults().withAsOf(T0));
    cutter.journeys();
    assertThatThrownBy(() -> cutter.add(new ArrayList<>(List.of(click("c1", "a", 3)))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(cutter::journeys).isInstanceOf(IllegalStateException.class);
  }
}
