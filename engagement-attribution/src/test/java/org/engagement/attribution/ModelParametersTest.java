package org.engagement.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/** Typed parameters: each type read from text and taken typed, rules, defaults, resolution. */
class ModelParametersTest {
  enum Fallback { FIRST_TOUCH, LAST_TOUCH }

  private static <T> T read(ParameterType<T> type, Object given) {
    return type.convert("p", given);
  }

  private static void refused(ParameterType<?> type, Object given, String message) {
    assertThatThrownBy(() -> type.convert("p", given)).as(String.valueOf(given))
        .isInstanceOf(InvalidFieldException.class).hasMessage(message);
  }

  @Test
  void integersAreWholeNumbersAsLong() {
    ParameterType<Long> integer = ParameterType.integer();
    assertThat(read(integer, "3")).isEqualTo(3L);
    assertThat(read(integer, " -7 ")).isEqualTo(-7L);
    assertThat(read(integer, "3.0")).isEqualTo(3L);
    assertThat(read(integer, "1e3")).isEqualTo(1000L);
    assertThat(read(integer, "0.000")).isEqualTo(0L);
    assertThat(read(integer, 3)).isEqualTo(3L);
    assertThat(read(integer, (short) 3)).isEqualTo(3L);
    refused(integer, "1.5", "p '1.5' is invalid: must be a whole number such as 1000");
    refused(integer, "three", "p 'three' is invalid: must be a whole number such as 1000");
    refused(integer, "", "p '' is invalid: must be a whole number such as 1000");
    refused(integer, "9223372036854775808",
        "p '9223372036854775808' is invalid: must be a whole number from -9223372036854775808 to 9223372036854775807");
    refused(integer, 3.0, "p '3.0' is invalid: must be a whole number (Long or Integer); got Double");
    assertThat(integer.format(-7L)).isEqualTo("-7");
  }

  @Test
  void decimalsAreFiniteNumbersAsDouble() {
    ParameterType<Double> decimal = ParameterType.decimal();
    assertThat(read(decimal, "0.4")).isEqualTo(0.4);
    assertThat(read(decimal, " 1e-12 ")).isEqualTo(1e-12);
    assertThat(read(decimal, 1)).isEqualTo(1.0);
    assertThat(read(decimal, new java.math.BigDecimal("0.25"))).isEqualTo(0.25);
    refused(decimal, "0,4", "p '0,4' is invalid: must be a decimal number such as 0.4");
    refused(decimal, "NaN", "p 'NaN' is invalid: must be a decimal number such as 0.4");
    refused(decimal, Double.POSITIVE_INFINITY, "p 'Infinity' is invalid: must be a finite number");
    refused(decimal, true, "p 'true' is invalid: must be a finite number; got Boolean");
    assertThat(decimal.format(7.0)).isEqualTo("7.0");
    assertThat(read(decimal, decimal.format(1e-14))).isEqualTo(1e-14);
  }

  @Test
  void booleansTextAndChoices() {
    assertThat(read(ParameterType.bool(), " FALSE")).isFalse();
    assertThat(read(ParameterType.bool(), true)).isTrue();
    refused(ParameterType.bool(), "yes", "p 'yes' is invalid: must be true or false");
    assertThat(read(ParameterType.text(), " as given ")).isEqualTo(" as given ");
    refused(ParameterType.text(), 1, "p '1' is invalid: must be a String; got Integer");

    ParameterType<Fallback> choice = ParameterType.choice(Fallback.class);
    assertThat(choice.name()).isEqualTo("one of first-touch, last-touch");
    assertThat(read(choice, " Last-Touch ")).isEqualTo(Fallback.LAST_TOUCH);
    assertThat(read(choice, Fallback.FIRST_TOUCH)).isEqualTo(Fallback.FIRST_TOUCH);
    assertThat(choice.format(Fallback.LAST_TOUCH)).isEqualTo("last-touch");
    refused(choice, "last_touch", "p 'last_touch' is invalid: must be one of first-touch, last-touch");
    refused(choice, java.time.DayOfWeek.MONDAY,
        "p 'MONDAY' is invalid: must be one of first-touch, last-touch; got DayOfWeek");
  }

  @Test
  void listsAreSeparatedByCommas() {
    ParameterType<List<Double>> weights = ParameterType.listOf(ParameterType.decimal());
    assertThat(weights.name()).isEqualTo("list of decimal");
    assertThat(read(weights, "0.1, 0.2,0.7")).containsExactly(0.1, 0.2, 0.7);
    assertThat(read(weights, " ")).isEmpty();
    assertThat(read(weights, Arrays.asList(1, "0.5"))).containsExactly(1.0, 0.5);
    assertThat(weights.format(List.of(0.1, 2.0))).isEqualTo("0.1,2.0");
    refused(weights, "0.1,,0.2",
        "p '0.1,,0.2' is invalid: must be values of type decimal separated by commas, none empty");
    refused(weights, "0.1,x", "p 'x' is invalid: must be a decimal number such as 0.4");
    refused(weights, 0.1, "p '0.1' is invalid: must be a collection of a finite number; got Double");
    assertThatThrownBy(() -> read(weights, "0.1").add(1.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ParameterType.listOf(weights)).isInstanceOf(IllegalArgumentException.class);
    assertThat(read(ParameterType.listOf(ParameterType.text()), " b , a")).containsExactly("b", "a");
  }

  @Test
  void declarationsCarryADefaultARuleAndADescription() {
    ModelParameter<Long> order = ModelParameter.optional("order", ParameterType.integer(), 1L, "the order k")
        .withRule("must be from 1 to 4", k -> k >= 1 && k <= 4);
    assertThat(order.defaultValue()).contains(1L);
    assertThat(order.required()).isFalse();
    assertThat(order.rule()).isEqualTo("must be from 1 to 4");
    assertThat(order).hasToString("order (integer, default 1; must be from 1 to 4): the order k");
    assertThat(order.value("4")).isEqualTo(4L);
    assertThatThrownBy(() -> order.value(" 5.0 ")).isInstanceOf(InvalidFieldException.class)
        .hasMessage("order '5' is invalid: must be from 1 to 4");
    assertThatThrownBy(() -> order.withDefault(0L)).hasMessage("order '0' is invalid: must be from 1 to 4");
    assertThatThrownBy(() -> ModelParameter.optional("n", ParameterType.integer(), 0L, "n")
        .withRule("must be positive", k -> k > 0)).hasMessage("n '0' is invalid: must be positive");
    ModelParameter<String> label = ModelParameter.required("label", ParameterType.text(), "a label");
    assertThat(label.required()).isTrue();
    assertThat(label.defaultValue()).isEmpty();
    assertThat(label).hasToString("label (text, required): a label");
    assertThat(label.withDefault("x").required()).isFalse();
    assertThatThrownBy(() -> ModelParameter.required("Label", ParameterType.text(), "a label"))
        .hasMessageStartingWith("parameter name 'Label' is invalid");
    assertThatThrownBy(() -> ModelParameter.required("label", ParameterType.text(), " "))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void resolutionReadsChecksAndFillsInDefaultsInDeclarationOrder() {
    ModelParameter<Long> order = ModelParameter.optional("order", ParameterType.integer(), 1L, "the order");
    ModelParameter<Boolean> collapse = ModelParameter.optional("collapse", ParameterType.bool(), true, "merge");
    ModelParameter<Fallback> fallback = ModelParameter.required("fallback", ParameterType.choice(Fallback.class),
        "where credit goes");
    List<ModelParameter<?>> declared = List.of(order, collapse, fallback);

    Map<String, Object> text = new LinkedHashMap<>();
    text.put("fallback", "first-touch");
    text.put("order", "2");
    ModelParameters resolved = ModelParameters.of(text).resolve("m", declared);
    assertThat(resolved.asMap()).containsExactly(Map.entry("order", 2L), Map.entry("collapse", true),
        Map.entry("fallback", Fallback.FIRST_TOUCH));
    assertThat(resolved.asText()).containsExactly(Map.entry("order", "2"), Map.entry("collapse", "true"),
        Map.entry("fallback", "first-touch"));
    assertThat(resolved).hasToString("{order=2, collapse=true, fallback=first-touch}");
    assertThat(resolved.get(collapse)).isTrue();

    ModelParameters typed = ModelParameters.none().with(fallback, Fallback.FIRST_TOUCH).with("order", 2);
    assertThat(typed.resolve("m", declared)).isEqualTo(resolved);
    assertThat(ModelParameters.of(resolved.asText()).resolve("m", declared)).isEqualTo(resolved);
    assertThat(ModelParameters.of(text)).isNotEqualTo(resolved);

    assertThatThrownBy(() -> ModelParameters.of(Map.of("order", "2")).resolve("m", declared))
        .hasMessage("fallback is missing: is required by the m model");
    assertThatThrownBy(() -> ModelParameters.none().get(fallback))
        .hasMessage("fallback is missing: is required by the model");
    assertThatThrownBy(() -> ModelParameters.of(Map.of("fallback", "first-touch", "collapse", "maybe"))
        .resolve("m", declared)).hasMessage("collapse 'maybe' is invalid: must be true or false");
    assertThatThrownBy(() -> ModelParameters.of(Map.of("order", "1")).resolve("m", List.of()))
        .hasMessage("parameter 'order' is invalid: is not accepted: the model takes no parameters");
    assertThatThrownBy(() -> ModelParameters.none().with(" ", 1)).isInstanceOf(InvalidFieldException.class);
  }
}
