package org.engagement.attribution.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TimeDecayModelTest {
  private static final Instant T0 = Instant.parse("2024-06-30T12:00:00Z");
  private static final Currency USD = Currency.getInstance("USD");

  private static Interaction at(String customer, String channel, double days, InteractionType type,
      @Nullable Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(T0.minusMillis(Math.round(days * 86_400_000))).type(type).value(value).build();
  }

  private static JourneySet journeys(List<Interaction> interactions) {
    return JourneyRules.defaults().journeys(interactions).toJourneySet();
  }

  @Test
  void googleHalfLifeVector() {
    // Reference section 5 (Google): touches 1, 8, 15, 22 days before conversion -> 8/15, 4/15, 2/15, 1/15.
    JourneySet set = journeys(List.of(
        at("c", "d22", 22, InteractionType.CLICK, null), at("c", "d15", 15, InteractionType.CLICK, null),
        at("c", "d8", 8, InteractionType.CLICK, null), at("c", "d1", 1, InteractionType.CLICK, null),
        at("c", "web", 0, InteractionType.PURCHASE, null)));
    AttributionResult result = TimeDecayModel.sevenDayHalfLife().attribute(set);
    assertThat(result.conversions("d1")).isCloseTo(8.0 / 15, within(1e-12));
    assertThat(result.conversions("d8")).isCloseTo(4.0 / 15, within(1e-12));
    assertThat(result.conversions("d15")).isCloseTo(2.0 / 15, within(1e-12));
    assertThat(result.conversions("d22")).isCloseTo(1.0 / 15, within(1e-12));
  }

  @Test
  void adobeWorkedExample() {
    // Reference section 6 (Adobe, visitor lookback, $50): $6.923335, $9.318103, $16.879281, $16.879281
    // as printed there (from rounded intermediate weights: off by up to 1.3e-5), and exactly
    // 50 w / sum(w) with w = 2^(-9/7), 2^(-6/7), 1, 1.
    JourneySet set = journeys(List.of(
        at("v", "paid search", 9, InteractionType.CLICK, null), at("v", "social", 6, InteractionType.CLICK, null),
        at("v", "email", 0, InteractionType.CLICK, null), at("v", "display", 0, InteractionType.CLICK, null),
        at("v", "web", 0, InteractionType.PURCHASE, Money.ofMinor(5000, USD))));
    AttributionResult result = TimeDecayModel.sevenDayHalfLife().attribute(set);
    assertThat(result.value("paid search")).isCloseTo(6.923335, within(2e-5));
    assertThat(result.value("social")).isCloseTo(9.318103, within(2e-5));
    assertThat(result.value("email")).isCloseTo(16.879281, within(2e-5));
    assertThat(result.value("display")).isCloseTo(16.879281, within(2e-5));
    double[] w = {Math.pow(2, -9.0 / 7), Math.pow(2, -6.0 / 7), 1, 1};
    double sum = w[0] + w[1] + w[2] + w[3];
    assertThat(result.value("paid search")).isCloseTo(50 * w[0] / sum, within(1e-12));
    assertThat(result.value("social")).isCloseTo(50 * w[1] / sum, within(1e-12));
    assertThat(result.value("email")).isCloseTo(50 / sum, within(1e-12));
    // Adobe shows $6.92, $9.32, $16.88, $16.88: largest remainder keeps the total at $50.00.
    assertThat(result.valueAsMoney(Money.ofMinor(5000, USD))).extractingByKeys(
        "paid search", "social", "email", "display").extracting(Money::minorUnits)
        .containsExactly(692L, 932L, 1688L, 1688L);
  }

  @Test
  void refusesPathOnlyJourneysWithAClearMessage() {
    JourneySet paths = JourneySet.builder().add(List.of("a"), 1, 0, 0).build();
    assertThatThrownBy(() -> TimeDecayModel.sevenDayHalfLife().attribute(paths))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("time-decay needs touch times and types, but this journey set has paths only");
  }

  @Test
  void registeredWithAHalfLifeInDays() {
    AttributionModels models = AttributionModels.builder().registerAll(HeuristicModelProviders.all()).build();
    TimeDecayModel model = (TimeDecayModel) models.create("time-decay",
        ModelParameters.of(Map.of("half-life-days", "1.5")));
    assertThat(model.halfLife()).isEqualTo(Duration.ofHours(36));
    assertThat(model.parameters().asText()).containsEntry("half-life-days", "1.5");
    assertThat(models.create("time-decay").toString()).isEqualTo("time-decay{half-life-days=7.0}");
    assertThatThrownBy(() -> models.create("time-decay", ModelParameters.of(Map.of("half-life-days", "0"))))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> TimeDecayModel.withHalfLife(Duration.ZERO)).isInstanceOf(InvalidFieldException.class);
  }

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> interaction = Combinators.combine(
        Arbitraries.of("c1", "c2", "c3", "c4"),
        Arbitraries.of("a", "b", "c", "d"),
        Arbitraries.integers().between(0, 120),
        Arbitraries.integers().between(0, 4))
        .as((customer, channel, day, kind) -> kind == 0
            ? at(customer, channel, day, InteractionType.PURCHASE, Money.ofMinor(100L * day + 1, USD))
            : at(customer, channel, day, InteractionType.CLICK, null));
    return interaction.list().ofMaxSize(40);
  }

  @Property
  void creditsAddUpAndDoNotDependOnInputOrder(@ForAll("interactions") List<Interaction> interactions,
      @ForAll long seed) {
    JourneySet set = journeys(interactions);
    AttributionResult result = TimeDecayModel.sevenDayHalfLife().attribute(set);
    double conversions = 0;
    double value = 0;
    for (int c = 0; c < set.channels().size(); c++) {
      conversions += result.conversions(c);
      value += result.value(c);
    }
    assertThat(conversions).isCloseTo(set.totalConversions(), within(1e-9));
    assertThat(value).isCloseTo(set.totalValue(), within(1e-9 * Math.max(1, set.totalValue())));
    List<Interaction> shuffled = new ArrayList<>(interactions);
    Collections.shuffle(shuffled, new Random(seed));
    AttributionResult again = TimeDecayModel.sevenDayHalfLife().attribute(journeys(shuffled));
    for (String channel : result.channelNames()) {
      assertThat(again.conversions(channel)).isCloseTo(result.conversions(channel), within(1e-9));
    }
  }

  @Property
  void aChannelOnlyOnNonConvertingJourneysGetsNothing(@ForAll("interactions") List<Interaction> interactions) {
    List<Interaction> withGhost = new ArrayList<>(interactions);
    withGhost.add(at("ghost-customer", "ghost", 3, InteractionType.CLICK, null));
    AttributionResult result = TimeDecayModel.sevenDayHalfLife().attribute(journeys(withGhost));
    assertThat(result.conversions("ghost")).isZero();
  }
}
