package org.engagement.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link JourneyCredits} and {@link AttributionModel#creditJourneys}: journey-by-journey credits add up to the
 * per-channel result exactly, spread credits to rounding, for every model of the registry.
 */
class JourneyCreditsTest {
  private static final Instant T0 = Instant.parse("2024-06-30T00:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final String[] CHANNELS = {"display", "email", "search", "social", "video"};
  private static final InteractionType[] TOUCH_TYPES = {
      InteractionType.CLICK, InteractionType.CLICK, InteractionType.VISIT, InteractionType.LEAD,
      InteractionType.OPPORTUNITY};

  private static Interaction at(String customer, String channel, double days, InteractionType type,
      @Nullable Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(T0.plusMillis(Math.round(days * 86_400_000))).type(type).value(value).build();
  }

  /** Random customers with touches on five channels over 200 days, some buying (with cent values). */
  private static Journeys randomJourneys(long seed) {
    Random random = new Random(seed);
    List<Interaction> interactions = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      String customer = "c" + c;
      int events = 1 + random.nextInt(8);
      for (int e = 0; e < events; e++) {
        double day = random.nextDouble() * 200;
        if (random.nextInt(4) == 0) {
          interactions.add(at(customer, "web", day, InteractionType.PURCHASE,
              Money.ofMinor(random.nextInt(20_000), EUR)));
        } else {
          interactions.add(at(customer, CHANNELS[random.nextInt(CHANNELS.length)], day,
              TOUCH_TYPES[random.nextInt(TOUCH_TYPES.length)], null));
        }
      }
    }
    return JourneyRules.defaults().journeys(interactions);
  }

  private static List<AttributionModel> everyModel() {
    AttributionModels registry = AttributionModels.defaults();
    List<AttributionModel> models = new ArrayList<>();
    for (String name : registry.names()) {
      try {
        models.add(registry.create(name));
      } catch (IllegalArgumentException e) {
        // A model with a required parameter (custom): run with weights of its own below.
      }
    }
    models.add(registry.create("custom", ModelParameters.of(java.util.Map.of("first", 1, "middle", 2, "last", 3))));
    return models;
  }

  @Test
  void everyModelsRowsAddUpToItsPerChannelResult() {
    List<AttributionModel> models = everyModel();
    assertThat(models).extracting(AttributionModel::name)
        .contains("linear", "time-decay", "w-shaped", "markov", "shapley", "participation");
    for (long seed = 1; seed <= 12; seed++) {
      Journeys journeys = randomJourneys(seed);
      JourneySet set = journeys.toJourneySet();
      for (AttributionModel model : models) {
        String label = model.name() + " seed " + seed;
        JourneyCredits credits = model.creditJourneys(journeys);
        AttributionResult whole = model.attribute(set);
        assertRowsWellFormed(credits, label);
        double[][] sums = rowSums(credits);
        AttributionResult result = credits.result();
        assertThat(result.model()).isEqualTo(model.name());
        assertThat(result.notes()).isEqualTo(whole.notes());
        for (int c = 0; c < journeys.channels().size(); c++) {
          String channel = journeys.channels().name(c);
          assertThat(result.conversions(channel)).as(label + " " + channel)
              .isCloseTo(whole.conversions(channel), within(CreditChecks.tolerance(set.totalConversions())));
          assertThat(result.value(channel)).as(label + " " + channel)
              .isCloseTo(whole.value(channel), within(CreditChecks.tolerance(set.totalValue())));
          if (credits.spread()) {
            assertThat(sums[0][c]).as(label).isCloseTo(result.conversions(channel),
                within(CreditChecks.tolerance(set.totalConversions())));
            assertThat(sums[1][c]).as(label).isCloseTo(result.value(channel),
                within(CreditChecks.tolerance(set.totalValue())));
          } else {
            assertThat(sums[0][c]).as(label).isEqualTo(result.conversions(channel));
            assertThat(sums[1][c]).as(label).isEqualTo(result.value(channel));
          }
        }
      }
    }
  }

  /** The heuristics credit journey by journey; the global models are spread. */
  @Test
  void journeyLocalModelsAreExactAndGlobalOnesSpread() {
    Journeys journeys = randomJourneys(7);
    for (String name : List.of("first-touch", "last-touch", "linear", "linear-unique", "position-based",
        "participation", "time-decay", "w-shaped")) {
      assertThat(Attribution.model(name).creditJourneys(journeys).spread()).as(name).isFalse();
    }
    for (String name : List.of("markov", "shapley")) {
      assertThat(Attribution.model(name).creditJourneys(journeys).spread()).as(name).isTrue();
    }
  }

  /** An additive journey-local model hands out each converting journey's conversion and value exactly once. */
  @Test
  void eachConvertingJourneyHandsOutItsConversionAndValue() {
    Journeys journeys = randomJourneys(3);
    for (String name : List.of("first-touch", "linear", "position-based", "time-decay", "w-shaped")) {
      JourneyCredits credits = Attribution.model(name).creditJourneys(journeys);
      double[] conversions = new double[journeys.size()];
      double[] values = new double[journeys.size()];
      for (int r = 0; r < credits.size(); r++) {
        conversions[credits.journey(r)] += credits.conversions(r);
        values[credits.journey(r)] += credits.value(r);
      }
      for (int j = 0; j < journeys.size(); j++) {
        assertThat(conversions[j]).as(name + " journey " + j).isCloseTo(journeys.converted(j) ? 1 : 0, within(1e-12));
        assertThat(values[j]).as(name + " journey " + j).isCloseTo(journeys.value(j), within(1e-9));
      }
    }
  }

  @Test
  void linearSplitsOneJourneyPerTouch() {
    Journeys journeys = JourneyRules.defaults().journeys(List.of(
        at("x", "a", 0, InteractionType.CLICK, null), at("x", "b", 1, InteractionType.CLICK, null),
        at("x", "a", 2, InteractionType.CLICK, null), at("x", "web", 3, InteractionType.PURCHASE, Money.ofMinor(3000, EUR)),
        at("y", "b", 0, InteractionType.CLICK, null)));
    JourneyCredits credits = Attribution.model("linear").creditJourneys(journeys);
    assertThat(credits.size()).isEqualTo(2);
    assertThat(journeys.customerId(credits.journey(0))).isEqualTo("x");
    assertThat(journeys.channels().name(credits.channel(0))).isEqualTo("a");
    assertThat(credits.conversions(0)).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(credits.value(0)).isCloseTo(20, within(1e-12));
    assertThat(journeys.channels().name(credits.channel(1))).isEqualTo("b");
    assertThat(credits.conversions(1)).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(credits.value(1)).isCloseTo(10, within(1e-12));
  }

  /**
   * The spread rule by hand: x (a>b, converts, 10), y (a, converts, 30), z (b>c, does not convert). A global
   * result a 1.5/36, b 0.5/4, c -0.2/-1 gives a 0.75 to each of x and y and its value 36 in proportion 10:30;
   * b all to x, the only converting journey on it; c, on no converting journey, to z.
   */
  @Test
  void spreadSharesEachChannelOverTheConvertingJourneysThatTouchedIt() {
    Journeys journeys = JourneyRules.defaults().journeys(List.of(
        at("x", "a", 0, InteractionType.CLICK, null), at("x", "b", 1, InteractionType.CLICK, null),
        at("x", "web", 2, InteractionType.PURCHASE, Money.ofMinor(1000, EUR)),
        at("y", "a", 0, InteractionType.CLICK, null),
        at("y", "web", 1, InteractionType.PURCHASE, Money.ofMinor(3000, EUR)),
        at("z", "b", 0, InteractionType.CLICK, null), at("z", "c", 1, InteractionType.CLICK, null)));
    JourneySet set = journeys.toJourneySet();
    AttributionResult global = AttributionResult.of("global", set, new double[] {1.5, 0.5, -0.2},
        new double[] {36, 4, -1}, true);
    JourneyCredits credits = JourneyCredits.spread(global, journeys);
    assertThat(credits.spread()).isTrue();
    assertThat(credits.result()).isSameAs(global);
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < credits.size(); r++) {
      rows.add(journeys.customerId(credits.journey(r)) + " " + journeys.channels().name(credits.channel(r)) + " "
          + credits.conversions(r) + " " + credits.value(r));
    }
    assertThat(rows).containsExactly("x a 0.75 9.0", "x b 0.5 4.0", "y a 0.75 27.0", "z c -0.2 -1.0");
  }

  @Test
  void spreadRefusesACreditForAChannelNoJourneyTouched() {
    Journeys journeys = JourneyRules.defaults().journeys(List.of(
        at("x", "a", 0, InteractionType.CLICK, null), at("x", "web", 1, InteractionType.PURCHASE, null)));
    JourneySet other = JourneySet.builder().add(List.of("a", "b"), 1, 0, 0).build();
    AttributionResult global = AttributionResult.of("global", other, new double[] {0.5, 0.5}, new double[] {0, 0},
        true);
    assertThatThrownBy(() -> JourneyCredits.spread(global, journeys)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("'b'").hasMessageContaining("no journey touched it");
  }

  @Test
  void builderKeepsJourneyOrderAndRefusesBadInput() {
    Journeys journeys = randomJourneys(5);
    JourneyCredits.Builder builder = JourneyCredits.builder("m", journeys, true);
    builder.credit(0, 1, 2).endJourney(1);
    assertThatThrownBy(() -> builder.endJourney(1)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("journey");
    assertThatThrownBy(() -> builder.credit(journeys.channels().size(), 1, 1))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("channel");
    assertThatThrownBy(() -> builder.credit(0, Double.NaN, 1)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("finite");
    builder.credit(1, 1, 1);
    assertThatThrownBy(builder::build).isInstanceOf(InvalidFieldException.class).hasMessageContaining("not ended");
  }

  private static void assertRowsWellFormed(JourneyCredits credits, String label) {
    Journeys journeys = credits.journeys();
    for (int r = 0; r < credits.size(); r++) {
      assertThat(credits.conversions(r) != 0 || credits.value(r) != 0).as(label + " row " + r).isTrue();
      if (r > 0) {
        boolean ordered = credits.journey(r) > credits.journey(r - 1)
            || (credits.journey(r) == credits.journey(r - 1) && credits.channel(r) > credits.channel(r - 1));
        assertThat(ordered).as(label + " row order at " + r).isTrue();
      }
      boolean touched = false;
      for (int i = journeys.start(credits.journey(r)); i < journeys.end(credits.journey(r)); i++) {
        touched |= journeys.channelAt(i) == credits.channel(r);
      }
      assertThat(touched).as(label + " row " + r + " credits a channel its journey touched").isTrue();
    }
  }

  /** Conversion and value sums per channel, adding the rows in row order. */
  private static double[][] rowSums(JourneyCredits credits) {
    int channels = credits.journeys().channels().size();
    double[][] sums = new double[2][channels];
    for (int r = 0; r < credits.size(); r++) {
      sums[0][credits.channel(r)] += credits.conversions(r);
      sums[1][credits.channel(r)] += credits.value(r);
    }
    return sums;
  }
}
