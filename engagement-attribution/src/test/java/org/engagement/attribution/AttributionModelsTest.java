package org.engagement.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.junit.jupiter.api.Test;

class AttributionModelsTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private static AttributionModel constant(String name) {
    return new AttributionModel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public ModelParameters parameters() {
        return ModelParameters.none();
      }

      @Override
      public AttributionResult attribute(JourneySet journeys) {
        double[] zero = new double[journeys.channels().size()];
        return AttributionResult.of(name, journeys.channels(), zero, zero, 0, 0, true);
      }
    };
  }

  private static AttributionModelProvider provider(String name) {
    return new AttributionModelProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "no credit to anyone";
      }

      @Override
      public AttributionModel create(ModelParameters parameters) {
        return constant(name);
      }
    };
  }

  @Test
  void findsModelsByNameAndListsTheNamesOfUnknownOnes() {
    AttributionModels models = AttributionModels.builder()
        .register(provider("zeta"))
        .register(provider("alpha"))
        .build();
    assertThat(models.names()).containsExactly("alpha", "zeta");
    assertThat(models.create("zeta").name()).isEqualTo("zeta");
    assertThatThrownBy(() -> models.create("beta"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no attribution model named 'beta'; available: [alpha, zeta]");
  }

  @Test
  void refusesBadOrDuplicateNames() {
    AttributionModels.Builder builder = AttributionModels.builder().register(provider("a"));
    assertThatThrownBy(() -> builder.register(provider("a")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.register(provider("First Touch")))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("model name 'First Touch' is invalid");
  }

  private static ModelParameter<Double> decimal(String name, double defaultValue) {
    return ModelParameter.optional(name, ParameterType.decimal(), defaultValue, "a number");
  }

  @Test
  void parametersAreTypedAndCheckedForUnknownKeys() {
    ModelParameters parameters = ModelParameters.of(Map.of("first", "0.5", "bad", "x"));
    assertThat(parameters.get(decimal("first", 0))).isEqualTo(0.5);
    assertThat(parameters.get(decimal("missing", 7))).isEqualTo(7);
    assertThat(parameters.asText().get("bad")).isEqualTo("x");
    assertThatThrownBy(() -> parameters.get(decimal("bad", 0)))
        .hasMessage("bad 'x' is invalid: must be a decimal number such as 0.4");
    assertThatThrownBy(() -> ModelParameters.of(Map.of("w", "1e999")).get(decimal("w", 0)))
        .hasMessage("w '1e999' is invalid: must be a finite number");
    assertThatThrownBy(() -> parameters.resolve("m", List.of(decimal("first", 0), decimal("last", 0))))
        .hasMessage("parameter 'bad' is invalid: is not a parameter of this model; known: [first, last]");
    assertThatThrownBy(() -> ModelParameters.of(Map.of(" ", "1"))).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void largestRemainderRoundingAddsUpToTheWhole() {
    // 100.00 split in thirds: 33.34 + 33.33 + 33.33, the extra cent to the lowest id among equal remainders.
    assertThat(AttributionResult.largestRemainder(new double[] {1, 1, 1}, 10_000))
        .containsExactly(3334, 3333, 3333);
    // exact shares 0.5, 1.5, 3.0 of 5: floors 0, 1, 3; the unit left goes to the tie of remainders 0.5
    // with the lower id.
    assertThat(AttributionResult.largestRemainder(new double[] {0.5, 1.5, 3}, 5)).containsExactly(1, 1, 3);
    assertThat(AttributionResult.largestRemainder(new double[] {0, 0}, 0)).containsExactly(0, 0);
    assertThatThrownBy(() -> AttributionResult.largestRemainder(new double[] {0, 0}, 1))
        .hasMessage("total '1' is invalid: cannot be split: every credit is zero");
    assertThatThrownBy(() -> AttributionResult.largestRemainder(new double[] {-1, 2}, 1))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void showsValueCreditsAsMoneyThatAddsUp() {
    JourneySet set = JourneySet.builder().add(List.of("a", "b", "c"), 1, 100, 0).build();
    double third = 100.0 / 3;
    AttributionResult result = AttributionResult.of("linear", set.channels(), new double[] {1.0 / 3, 1.0 / 3,
        1.0 / 3}, new double[] {third, third, third}, 1, 100, true);
    Map<String, Money> money = result.valueAsMoney(Money.ofMinor(10_000, EUR));
    assertThat(money).containsExactly(Map.entry("a", Money.ofMinor(3334, EUR)),
        Map.entry("b", Money.ofMinor(3333, EUR)), Map.entry("c", Money.ofMinor(3333, EUR)));
    assertThat(result.conversions("a")).isEqualTo(1.0 / 3);
    assertThat(result.value("zz")).isZero();
    assertThat(result.conversionsByChannel()).containsKeys("a", "b", "c");
    assertThat(result.channelNames()).containsExactly("a", "b", "c");
  }

  @Test
  void refusesCreditsThatDoNotFitTheChannels() {
    JourneySet set = JourneySet.builder().add(List.of("a"), 1, 1, 0).build();
    assertThatThrownBy(() -> AttributionResult.of("m", set.channels(), new double[2], new double[1], 1, 1, true))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> AttributionResult.of("m", set.channels(), new double[] {Double.NaN},
        new double[1], 1, 1, true)).isInstanceOf(InvalidFieldException.class);
  }
}
