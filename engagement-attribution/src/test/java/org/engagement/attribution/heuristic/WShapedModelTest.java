package org.engagement.attribution.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.junit.jupiter.api.Test;

class WShapedModelTest {
  private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");

  /** One customer's journey: touches a day apart, in the order given, then a purchase worth 100 EUR. */
  private static JourneySet journey(String customer, String... touches) {
    List<Interaction> interactions = new ArrayList<>();
    for (int i = 0; i < touches.length; i++) {
      String[] channelAndType = touches[i].split(":", -1);
      InteractionType type = channelAndType.length > 1
          ? InteractionType.valueOf(channelAndType[1]) : InteractionType.CLICK;
      interactions.add(interaction(customer, channelAndType[0], i, type, null));
    }
    interactions.add(interaction(customer, "web", touches.length, InteractionType.PURCHASE, Money.ofMinor(10_000, EUR)));
    return JourneyRules.defaults().journeys(interactions).toJourneySet();
  }

  private static Interaction interaction(String customer, String channel, int day, InteractionType type, Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(T0.plusSeconds(day * 86_400L)).type(type).value(value).build();
  }

  @Test
  void thirtyThirtyThirtyAndTenForTheRest() {
    // first A 0.3, lead B 0.3, opportunity D 0.3, the other two (C, E) share 0.1: 0.05 each.
    AttributionResult r = WShapedModel.create().attribute(
        journey("c", "A", "B:LEAD", "C", "D:OPPORTUNITY", "E"));
    assertThat(r.conversions("A")).isCloseTo(0.3, within(1e-12));
    assertThat(r.conversions("B")).isCloseTo(0.3, within(1e-12));
    assertThat(r.conversions("D")).isCloseTo(0.3, within(1e-12));
    assertThat(r.conversions("C")).isCloseTo(0.05, within(1e-12));
    assertThat(r.conversions("E")).isCloseTo(0.05, within(1e-12));
    assertThat(r.value("D")).isCloseTo(30, within(1e-9));
  }

  @Test
  void aFirstTouchThatCreatedTheLeadGetsBothShares() {
    // A is first and lead: 0.3 + 0.3; C opportunity 0.3; B the rest 0.1. Sum 1.
    AttributionResult r = WShapedModel.create().attribute(journey("c", "A:LEAD", "B", "C:OPPORTUNITY"));
    assertThat(r.conversions("A")).isCloseTo(0.6, within(1e-12));
    assertThat(r.conversions("B")).isCloseTo(0.1, within(1e-12));
    assertThat(r.conversions("C")).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void missingStagesGiveNoShareAndTheRestIsRescaled() {
    // Lead but no opportunity: 0.3, 0.3 and 0.1 over C scaled by 1/0.7 -> 3/7, 3/7, 1/7.
    AttributionResult lead = WShapedModel.create().attribute(journey("c", "A", "B:LEAD", "C"));
    assertThat(lead.conversions("A")).isCloseTo(3.0 / 7, within(1e-12));
    assertThat(lead.conversions("B")).isCloseTo(3.0 / 7, within(1e-12));
    assertThat(lead.conversions("C")).isCloseTo(1.0 / 7, within(1e-12));
    // Neither: first 0.3, rest 0.1 (B and C 0.05 each) scaled by 1/0.4 -> 3/4, 1/8, 1/8.
    AttributionResult neither = WShapedModel.create().attribute(journey("d", "A", "B", "C"));
    assertThat(neither.conversions("A")).isCloseTo(0.75, within(1e-12));
    assertThat(neither.conversions("B")).isCloseTo(0.125, within(1e-12));
    // All three key touches and nothing else: a third each.
    AttributionResult three = WShapedModel.create().attribute(journey("e", "A", "B:LEAD", "C:OPPORTUNITY"));
    assertThat(three.conversions("C")).isCloseTo(1.0 / 3, within(1e-12));
    // A single touch takes everything.
    assertThat(WShapedModel.create().attribute(journey("f", "A")).conversions("A")).isCloseTo(1, within(1e-12));
  }

  @Test
  void creditsAddUpOverManyJourneys() {
    JourneySet set = journey("a", "A", "B:LEAD", "C", "D:OPPORTUNITY")
        .merge(journey("b", "B", "A:LEAD"))
        .merge(journey("c", "C", "C", "D"));
    AttributionResult r = WShapedModel.create().attribute(set);
    double conversions = 0;
    double value = 0;
    for (int c = 0; c < r.channels().size(); c++) {
      conversions += r.conversions(c);
      value += r.value(c);
    }
    assertThat(conversions).isCloseTo(3, within(1e-12));
    assertThat(value).isCloseTo(300, within(1e-9));
  }

  @Test
  void refusesPathOnlyDataAndParametersAndIsRegistered() {
    JourneySet pathsOnly = JourneySet.builder().add(List.of("A", "B"), 1, 10, 0).build();
    assertThatThrownBy(() -> WShapedModel.create().attribute(pathsOnly))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w-shaped needs touch times and types");
    AttributionModels models = AttributionModels.defaults();
    assertThat(models.create("w-shaped", ModelParameters.none())).isSameAs(WShapedModel.create());
    assertThatThrownBy(() -> models.create("w-shaped", ModelParameters.of(java.util.Map.of("first", "0.5"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
