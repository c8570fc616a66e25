package org.engagement.roi.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MixModel#evaluate}: a split chosen elsewhere is valued as {@link MixModel#recommend} values its own, on
 * a small made-up series (40 weeks, two channels: "search" with a strong immediate effect, "display" with a weak
 * one), so that the report can value each single move of a plan with the same curves and uncertainty.
 */
class MixModelEvaluateTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static MixModel model;

  @BeforeAll
  static void fit() {
    MixData.Builder builder = MixData.builder();
    for (int t = 0; t < 40; t++) {
      double search = 100 + 60 * ((t / 4) % 3);
      double display = 80 + 50 * ((t / 5) % 2);
      builder.spend(START.plusWeeks(t), "search", search).spend(START.plusWeeks(t), "display", display)
          .outcome(START.plusWeeks(t), 1_000 + 3 * search + 0.5 * display + 20 * Math.sin(t));
    }
    model = MarketingMix.fit(builder.build(), MixSettings.weekly().withResamples(8));
  }

  private static Map<String, Double> current() {
    Map<String, Double> split = new LinkedHashMap<>();
    for (String channel : model.data().channels()) {
      split.put(channel, model.data().totalSpend(channel) / model.data().periods().size());
    }
    return split;
  }

  @Test
  void theCurrentSplitGainsNothing() {
    BudgetPlan plan = model.evaluate(current());
    assertThat(plan.gain()).isCloseTo(0, within(1e-9));
    assertThat(plan.gainInterval().lower()).isCloseTo(0, within(1e-9));
    assertThat(plan.gainInterval().upper()).isCloseTo(0, within(1e-9));
    plan.allocations().forEach(a -> assertThat(a.recommended()).isCloseTo(a.current(), within(1e-9)));
  }

  @Test
  void theRecommendedSplitIsValuedAsTheOptimiserValuesIt() {
    double total = current().values().stream().mapToDouble(Double::doubleValue).sum();
    BudgetPlan recommended = model.recommend(BudgetRequest.of(total));
    Map<String, Double> split = new LinkedHashMap<>();
    recommended.allocations().forEach(a -> split.put(a.channel(), a.recommended()));
    BudgetPlan valued = model.evaluate(split);
    assertThat(valued.gain()).isCloseTo(recommended.gain(), within(1e-6));
    assertThat(valued.gainInterval().lower()).isCloseTo(recommended.gainInterval().lower(), within(1e-6));
    assertThat(valued.gainInterval().upper()).isCloseTo(recommended.gainInterval().upper(), within(1e-6));
    assertThat(valued.allocation("search").current()).isCloseTo(recommended.allocation("search").current(),
        within(1e-6));
  }

  @Test
  void movingMoneyFromTheWeakChannelToTheStrongGains() {
    Map<String, Double> split = current();
    split.merge("display", -20.0, Double::sum);
    split.merge("search", 20.0, Double::sum);
    assertThat(model.evaluate(split).gain()).isPositive();
  }

  @Test
  void everyChannelMustBeGivenAndKnown() {
    assertThatThrownBy(() -> model.evaluate(Map.of("search", 10.0))).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("display");
    Map<String, Double> unknown = current();
    unknown.put("radio", 1.0);
    assertThatThrownBy(() -> model.evaluate(unknown)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("radio");
    Map<String, Double> negative = current();
    negative.put("search", -1.0);
    assertThatThrownBy(() -> model.evaluate(negative)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("not negative");
  }
}
