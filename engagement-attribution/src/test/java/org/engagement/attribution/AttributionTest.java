package org.engagement.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.junit.jupiter.api.Test;

/** The entry point reaches journeys, the path format and models by name from one class. */
class AttributionTest {

  @Test
  void pathsAndModelsByNameFromTheEntryPoint() throws Exception {
    JourneySet journeys = Attribution.paths().read(new StringReader(
        "path,total_conversions,total_conversion_value,total_null\n"
            + "A > B,2,20,1\n"
            + "B,1,5,3\n"));

    AttributionResult last = Attribution.model("last-touch").attribute(journeys);
    assertThat(last.conversions("B")).isCloseTo(3, within(1e-12));
    assertThat(last.conversions("A")).isZero();

    AttributionResult custom = Attribution.model("custom", Map.of("first", 1, "middle", 0, "last", 0))
        .attribute(journeys);
    assertThat(custom.conversions("A")).isCloseTo(2, within(1e-12));
    assertThat(custom.value("B")).isCloseTo(5, within(1e-12));

    assertThat(Attribution.models().names()).contains("markov", "shapley", "first-touch");
    assertThat(Attribution.journeys()).isEqualTo(JourneyRules.defaults());
  }

  /**
   * Issue 12: an 18-month export cut with the default 90-day lookback had no journey that did not convert
   * (every customer's last touches were months before the end); Markov and Shapley ran without a word and
   * Shapley gave 5 of 8 channels no credit. Now the journeys count what the lookback set aside, the
   * conversion-rate models refuse, and Markov says what its removal effects mean on such a set.
   */
  @Test
  void eighteenMonthsWithTheDefaultLookbackSayWhatWasSetAside() {
    Instant start = Instant.parse("2023-01-01T00:00:00Z");
    SplittableRandom random = new SplittableRandom(18);
    List<Interaction> interactions = new ArrayList<>();
    for (int customer = 0; customer < 200; customer++) {
      long day = random.nextInt(300);
      for (int touch = 0; touch < 1 + random.nextInt(6); touch++) {
        day += random.nextInt(40);
        interactions.add(interaction("c" + customer, "ch" + random.nextInt(8), start.plus(Duration.ofDays(day)),
            InteractionType.CLICK, null));
      }
      interactions.add(interaction("c" + customer, "web", start.plus(Duration.ofDays(day + 1)),
          InteractionType.PURCHASE, Money.ofMinor(1000, Currency.getInstance("EUR"))));
    }
    Instant asOf = start.plus(Duration.ofDays(548));
    Journeys journeys = Attribution.journeys().withAsOf(asOf).journeys(interactions);
    JourneySet set = journeys.toJourneySet();
    assertThat(set.totalNulls()).isZero();
    assertThat(journeys.setAside().outsideLookback()).isPositive();
    assertThat(set.notes()).anyMatch(note -> note.contains("more than the lookback"));

    assertThatThrownBy(() -> Attribution.model("shapley").attribute(set)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("must be above 0 for shapley").hasMessageContaining("more than the lookback");
    assertThatThrownBy(() -> Attribution.model("shao-li").attribute(set)).isInstanceOf(IllegalArgumentException.class);
    AttributionResult markov = Attribution.model("markov").attribute(set);
    assertThat(markov.notes()).hasSize(set.notes().size() + 1).containsAll(set.notes());
    assertThat(markov.notes().get(markov.notes().size() - 1)).startsWith("markov: no journey in this set ended");
    assertThat(Attribution.model("shapley-simplified").attribute(set).notes()).isEqualTo(set.notes());
  }

  private static Interaction interaction(String customer, String channel, Instant at, InteractionType type,
      Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(at).type(type).value(value).build();
  }
}
