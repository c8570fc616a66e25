package org.engagement.attribution.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.attribution.journey.ToyPaths.toy;

import java.io.IOException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.junit.jupiter.api.Test;

class HeuristicModelTest {
  private static final Offset<Double> EXACT = within(1e-12);

  /** Adobe's worked example (models.md): paid search -9 d, social -6 d, email 0 d, display 0 d; $50. */
  private static final List<String> TOY = List.of("A", "B", "C");
  private static final List<String> ADOBE = List.of("paid search", "social", "email", "display");
  private static final List<String> ADOBE_VISIT = List.of("email", "display");

  private static JourneySet adobeVisitor() {
    return JourneySet.builder().add(List.of("paid search", "social", "email", "display"), 1, 50, 0).build();
  }

  /** The same order with visit lookback: only email and display are in the visit. */
  private static JourneySet adobeVisit() {
    return JourneySet.builder().add(List.of("email", "display"), 1, 50, 0).build();
  }

  private static void assertConversions(AttributionResult result, double a, double b, double c) {
    assertThat(result.conversions("A")).isCloseTo(a, EXACT);
    assertThat(result.conversions("B")).isCloseTo(b, EXACT);
    assertThat(result.conversions("C")).isCloseTo(c, EXACT);
  }

  /** The value credits of {@code channels}, in the order given (the order of the worked examples). */
  private static void assertValues(AttributionResult result, List<String> channels, double... values) {
    assertThat(result.channels().size()).isEqualTo(values.length);
    for (int c = 0; c < values.length; c++) {
      assertThat(result.value(channels.get(c))).as(channels.get(c)).isCloseTo(values[c], EXACT);
    }
  }

  @Test
  void toyVectorsOfTheReference() throws IOException {
    JourneySet toy = toy();
    // Reference section 7, table "Test vectors on the toy dataset".
    assertConversions(HeuristicModel.firstTouch().attribute(toy), 5, 2, 1);
    assertConversions(HeuristicModel.lastTouch().attribute(toy), 0, 3, 5);
    assertConversions(HeuristicModel.linear().attribute(toy), 3, 2.5, 2.5);
    assertConversions(HeuristicModel.positionBased().attribute(toy), 2.8, 2.5, 2.7);
    assertConversions(HeuristicModel.jShaped().attribute(toy), 1.8, 2.65, 3.55);
    assertConversions(HeuristicModel.inverseJ().attribute(toy), 3.8, 2.35, 1.85);
    // Zhao simplified Shapley = linear over unique channels: 5/2, 3, 5/2.
    assertConversions(HeuristicModel.linearUnique().attribute(toy), 5.0 / 2, 3, 5.0 / 2);
  }

  @Test
  void toyValuesWorkedByHand() throws IOException {
    JourneySet toy = toy();
    // first: A gets A>B>C 20 + A>A>B 45; B gets B>C 5 + B>A>C 12; C gets C 10.
    assertValues(HeuristicModel.firstTouch().attribute(toy), TOY, 65, 17, 10);
    assertValues(HeuristicModel.lastTouch().attribute(toy), TOY, 0, 45, 47);
    // linear: 20/3 each on A>B>C, A 30 and B 15 on A>A>B, 2.5 each on B>C, C 10, 4 each on B>A>C.
    assertValues(HeuristicModel.linear().attribute(toy), TOY, 20.0 / 3 + 30 + 4, 20.0 / 3 + 15 + 2.5 + 4,
        20.0 / 3 + 2.5 + 10 + 4);
    AttributionResult linear = HeuristicModel.linear().attribute(toy);
    assertThat(linear.totalConversions()).isEqualTo(8);
    assertThat(linear.totalValue()).isEqualTo(92);
    assertThat(linear.additive()).isTrue();
    Currency eur = Currency.getInstance("EUR");
    Map<String, Money> money = linear.valueAsMoney(Money.ofMinor(9200, eur));
    // 4066.67, 2816.67, 2316.67 cents: each part is the floor or the ceiling, and they add up to 92.00.
    assertThat(money.values().stream().mapToLong(Money::minorUnits).sum()).isEqualTo(9200);
    assertThat(money.get("A").minorUnits()).isBetween(4066L, 4067L);
    assertThat(money.get("B").minorUnits()).isBetween(2816L, 2817L);
    assertThat(money.get("C").minorUnits()).isBetween(2316L, 2317L);
  }

  @Test
  void channelAttributionLinearCountsEveryTouch() {
    // Reference section 2.3: toy A > A > B (3 conv) -> linear A 2, B 1.
    JourneySet set = JourneySet.builder().add(List.of("A", "A", "B"), 3, 0, 0).build();
    assertConversions(HeuristicModel.linear().attribute(set), 2, 1, 0);
    AttributionResult unique = HeuristicModel.linearUnique().attribute(set);
    assertThat(unique.conversions("A")).isEqualTo(1.5);
    assertThat(unique.conversions("B")).isEqualTo(1.5);
  }

  @Test
  void adobeWorkedExample() {
    // Reference section 6, Adobe's own worked example ($50 order).
    JourneySet visitor = adobeVisitor();
    assertValues(HeuristicModel.firstTouch().attribute(visitor), ADOBE, 50, 0, 0, 0);
    assertValues(HeuristicModel.firstTouch().attribute(adobeVisit()), ADOBE_VISIT, 50, 0);
    assertValues(HeuristicModel.linear().attribute(adobeVisit()), ADOBE_VISIT, 25, 25);
    assertValues(HeuristicModel.linear().attribute(visitor), ADOBE, 12.5, 12.5, 12.5, 12.5);
    assertValues(HeuristicModel.jShaped().attribute(visitor), ADOBE, 10, 5, 5, 30);
    AttributionResult participation = HeuristicModel.participation().attribute(visitor);
    assertValues(participation, ADOBE, 50, 50, 50, 50);
    assertThat(participation.additive()).isFalse();
    assertThat(participation.totalValue()).isEqualTo(50);
    // U-shaped 40/20/40 on four touches: 20, 5, 5, 20.
    assertValues(HeuristicModel.positionBased().attribute(visitor), ADOBE, 20, 5, 5, 20);
  }

  @Test
  void positionBasedOnOneTwoAndManyTouches() {
    // Google: 40 % first and last, 20 % spread over the middle; 1 touch 100 %, 2 touches 50/50 (reference 5).
    JourneySet set = JourneySet.builder()
        .add(List.of("a"), 1, 0, 0)
        .add(List.of("b", "c"), 1, 0, 0)
        .add(List.of("d", "e", "f", "g", "h"), 1, 0, 0)
        .build();
    AttributionResult u = HeuristicModel.positionBased().attribute(set);
    double[] expected = {1.0, 0.5, 0.5, 0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4};
    for (int c = 0; c < expected.length; c++) {
      assertThat(u.conversions(c)).isCloseTo(expected[c], EXACT);
    }
    // Adobe: J-shaped 2 touches 25/75, inverse J 75/25.
    assertThat(HeuristicModel.jShaped().attribute(set).conversions("c")).isCloseTo(0.75, EXACT);
    assertThat(HeuristicModel.inverseJ().attribute(set).conversions("b")).isCloseTo(0.75, EXACT);
    // Custom 3/1/1 normalises to 60/20/20; with 2 touches the middle is ignored: 3/4, 1/4.
    AttributionResult custom = HeuristicModel.custom(3, 1, 1).attribute(set);
    assertThat(custom.conversions("b")).isCloseTo(0.75, EXACT);
    assertThat(custom.conversions("d")).isCloseTo(0.6, EXACT);
    assertThat(custom.conversions("e")).isCloseTo(0.2 / 3, EXACT);
    // Only a middle weight: the two ends of a 2-touch path share equally.
    AttributionResult middle = HeuristicModel.custom(0, 1, 0).attribute(set);
    assertThat(middle.conversions("b")).isEqualTo(0.5);
    assertThat(middle.conversions("d")).isZero();
    assertThat(middle.conversions("e")).isCloseTo(1.0 / 3, EXACT);
  }

  @Test
  void hugeWeightsCreditLikeEqualWeights() throws IOException {
    // Issue 12: first = middle = last = 1e308 overflowed the weights' sum and credited 2 of 8 conversions.
    JourneySet toy = toy();
    AttributionResult equal = HeuristicModel.custom(1, 1, 1).attribute(toy);
    for (HeuristicModel model : List.of(HeuristicModel.custom(1e308, 1e308, 1e308),
        HeuristicModel.positionBased(Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE),
        HeuristicModel.custom(Double.MIN_VALUE, Double.MIN_VALUE, Double.MIN_VALUE))) {
      AttributionResult result = model.attribute(toy);
      assertThat(result.conversionsByChannel().values().stream().mapToDouble(Double::doubleValue).sum())
          .as(model.toString()).isCloseTo(8, EXACT);
      for (String channel : TOY) {
        assertThat(result.conversions(channel)).as(model + " " + channel).isCloseTo(equal.conversions(channel), EXACT);
        assertThat(result.value(channel)).as(model + " " + channel).isCloseTo(equal.value(channel), EXACT);
      }
    }
    // Unequal huge weights keep their proportions: 1e308/0.5e308/1e308 is 40/20/40.
    AttributionResult scaled = HeuristicModel.custom(1e308, 0.5e308, 1e308).attribute(toy);
    AttributionResult u = HeuristicModel.positionBased().attribute(toy);
    for (String channel : TOY) {
      assertThat(scaled.conversions(channel)).as(channel).isCloseTo(u.conversions(channel), EXACT);
    }
  }

  @Test
  void lastNonDirectSkipsDirectUnlessThePathIsAllDirect() {
    JourneySet set = JourneySet.builder()
        .add(List.of("direct", "email", "direct"), 2, 20, 0)
        .add(List.of("direct", "direct"), 1, 5, 0)
        .add(List.of("social"), 1, 1, 0)
        .build();
    AttributionResult result = HeuristicModel.lastNonDirectByGroup(List.of(Channel.ofGroup(ChannelGroup.DIRECT),
        Channel.of("email", ChannelGroup.EMAIL))).attribute(set);
    assertThat(result.conversionsByChannel()).containsExactly(Map.entry("direct", 1.0), Map.entry("email", 2.0),
        Map.entry("social", 1.0));
    assertThat(result.value("email")).isEqualTo(20);
    assertThat(HeuristicModel.lastNonDirect(Set.of()).attribute(set).conversions("direct")).isEqualTo(3);
  }

  @Test
  void participationGivesEachDistinctChannelTheWholePath() throws IOException {
    AttributionResult result = HeuristicModel.participation().attribute(toy());
    // A is on A>B>C (2), A>A>B (3, once), B>A>C (1); B on A>B>C, A>A>B, B>C, B>A>C; C on four paths.
    assertConversions(result, 6, 7, 5);
    assertValues(result, TOY, 77, 82, 47);
  }

  @Test
  void registryCreatesEveryHeuristicByName() throws IOException {
    AttributionModels models = AttributionModels.builder().registerAll(HeuristicModelProviders.all()).build();
    assertThat(models.names()).containsExactly("custom", "first-touch", "inverse-j", "j-shaped", "last-non-direct",
        "last-touch", "linear", "linear-unique", "participation", "position-based", "time-decay", "w-shaped");
    assertConversions(models.create("first-touch").attribute(toy()), 5, 2, 1);
    AttributionModel tilted = models.create("position-based",
        ModelParameters.of(Map.of("first", "0.6", "middle", "0.2", "last", "0.2")));
    assertConversions(tilted.attribute(toy()), 3.8, 2.35, 1.85);
    assertThat(tilted.parameters().asText()).containsEntry("first", "0.6");
    assertThat(models.create("position-based").parameters().asText())
        .containsExactly(Map.entry("first", "0.4"), Map.entry("middle", "0.2"), Map.entry("last", "0.4"));
    AttributionModel custom = models.create("custom",
        ModelParameters.of(Map.of("first", "1", "middle", "1", "last", "3")));
    assertConversions(custom.attribute(toy()), 1.8, 2.65, 3.55);
    assertThat(custom.name()).isEqualTo("custom");
    AttributionModel lnd = models.create("last-non-direct", ModelParameters.of(Map.of("direct", "C, B")));
    assertThat(lnd.parameters().asText()).containsEntry("direct", "B,C");
    // B and C direct: A>B>C and A>A>B and B>A>C go to A; B>C and C are all direct and go to their last touch.
    assertConversions(lnd.attribute(toy()), 6, 0, 2);
    assertThat(models.create("last-non-direct").parameters().asText())
        .containsEntry("direct", "(direct),Direct,direct");
  }

  @Test
  void registryRefusesBadParameters() {
    AttributionModels models = AttributionModels.builder().registerAll(HeuristicModelProviders.all()).build();
    assertThatThrownBy(() -> models.create("linear", ModelParameters.of(Map.of("x", "1"))))
        .hasMessage("parameter 'x' is invalid: is not accepted: the model takes no parameters");
    assertThatThrownBy(() -> models.create("custom", ModelParameters.of(Map.of("first", "1"))))
        .hasMessage("middle is missing: is required by the custom model");
    assertThatThrownBy(() -> models.create("position-based", ModelParameters.of(Map.of("first", "-1"))))
        .hasMessage("first '-1.0' is invalid: must be a finite weight, not negative");
    assertThatThrownBy(() -> models.create("position-based",
        ModelParameters.of(Map.of("first", "0", "middle", "0", "last", "0"))))
        .hasMessage("weights '0.0/0.0/0.0' is invalid: must not all be zero");
    assertThatThrownBy(() -> models.create("last-non-direct", ModelParameters.of(Map.of("direct", "a,,b"))))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> models.create("markov")).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("available: [custom, first-touch");
  }

  @Test
  void pathsWithoutConversionsOrValueGiveNoCredit() {
    JourneySet set = JourneySet.builder().add(List.of("a", "b"), 0, 0, 10).add(List.of("b"), 1, 0, 0).build();
    for (HeuristicModel model : List.of(HeuristicModel.firstTouch(), HeuristicModel.participation(),
        HeuristicModel.linear())) {
      AttributionResult result = model.attribute(set);
      assertThat(result.conversions("a")).as(model.name()).isZero();
      assertThat(result.conversions("b")).as(model.name()).isEqualTo(1);
    }
    assertThat(HeuristicModel.linear().toString()).isEqualTo("linear");
    assertThat(HeuristicModel.positionBased().toString()).isEqualTo("position-based{first=0.4, middle=0.2, last=0.4}");
  }

  @Test
  void assistedConversionsAndRatio() throws IOException {
    JourneySet toy = toy();
    AssistedConversions assists = AssistedConversions.of(toy);
    // A assists A>B>C (2), A>A>B (3, once) and B>A>C (1); it closes nothing.
    assertThat(assists.assisted(0)).isEqualTo(6);
    assertThat(assists.assistedValue(0)).isEqualTo(77);
    assertThat(assists.lastTouch(0)).isZero();
    assertThat(assists.assistRatio(0)).isEmpty();
    // B assists A>B>C (2), B>C (1), B>A>C (1) and closes A>A>B (3).
    assertThat(assists.assisted(1)).isEqualTo(4);
    assertThat(assists.lastTouch(1)).isEqualTo(3);
    assertThat(assists.lastTouchValue(1)).isEqualTo(45);
    assertThat(assists.assistRatio(1)).hasValue(4.0 / 3);
    assertThat(assists.assisted(2)).isZero();
    assertThat(assists.assistRatio(2)).hasValue(0);
    assertThat(assists.channels().names()).containsExactly("A", "B", "C");
    // A channel that assists and closes the same path counts in both.
    AssistedConversions both =
        AssistedConversions.of(JourneySet.builder().add(List.of("x", "y", "x"), 1, 0, 0).build());
    assertThat(both.assisted(0)).isEqualTo(1);
    assertThat(both.lastTouch(0)).isEqualTo(1);
  }
}
