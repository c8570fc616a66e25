package org.engagement.attribution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.HazardWorld;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.PoissonResample;
import org.engagement.attribution.hazard.AdditiveHazardModel;
import org.engagement.attribution.hazard.ExposureHazardModel;
import org.engagement.attribution.hazard.InteractionHazardModel;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.markov.MarkovModel;
import org.engagement.attribution.shapley.ShaoLiModel;
import org.engagement.attribution.shapley.SimplifiedShapleyModel;
import org.junit.jupiter.api.Test;

class RecommendedModelTest {
  private static final AttributionModels MODELS = AttributionModels.defaults();

  /** On an additive-hazard world the additive fit predicts as well as the saturated rates and is chosen. */
  @Test
  void onAnAdditiveWorldItChoosesTheAdditiveHazardFitAndSaysWhy() {
    JourneySet journeys = HazardWorld.of(1, 10_000, null).journeys();
    AttributionModel model = MODELS.create("recommended");
    AttributionResult result = model.attribute(journeys);
    AttributionResult hazard = AdditiveHazardModel.create().attribute(journeys);
    assertThat(result.model()).isEqualTo("recommended");
    for (String channel : HazardWorld.CHANNELS) {
      assertThat(result.conversions(channel)).isCloseTo(hazard.conversions(channel), within(1e-9));
    }
    assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("recommended: additive-hazard"));
    assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("held-out log-loss").contains("predictive"));
    assertThat(RecommendedModel.create().choose(journeys).model().name()).isEqualTo("additive-hazard");
    assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("recommended: additivity test")
        .doesNotContain("contradict"));
  }

  /**
   * When two channels work much better together than apart, effects do not add on the hazard scale; the
   * one-sided screen keeps the pair and the additive fit widened by it is chosen. The two-sided additivity test,
   * reported in the notes, rejects too.
   */
  @Test
  void whenTwoChannelsWorkBetterTogetherItChoosesTheWidenedFit() {
    JourneySet journeys = JourneySet.builder()
        .add(List.of("a"), 20, 200, 980).add(List.of("b"), 20, 200, 980)
        .add(List.of("a", "b"), 400, 4_000, 600).add(List.of("c"), 100, 1_000, 900)
        .add(List.of("a", "c"), 110, 1_100, 890).add(List.of("b", "c"), 110, 1_100, 890).build();
    RecommendedModel.Choice choice = RecommendedModel.create().choose(journeys);
    assertThat(choice.model().name()).isEqualTo("interaction-hazard");
    assertThat(choice.notes().get(0)).startsWith("recommended: interaction-hazard, because")
        .contains("finds synergy a with b");
    assertThat(choice.notes()).anySatisfy(n -> assertThat(n).startsWith("recommended: additivity test (score test"
        + " of 3 pairwise terms").contains("the data contradict effects that add"));
    AttributionResult result = MODELS.create("recommended").attribute(journeys);
    AttributionResult widened = InteractionHazardModel.create().attribute(journeys);
    assertThat(result.conversions("a")).isCloseTo(widened.conversions("a"), within(1e-9));
  }

  /**
   * Its resample form is the form of the model it chooses on the whole input, so a bootstrap chooses once: on
   * the synergy journeys above, interaction-hazard's, whose credits on a resample are a fresh fit's (to 1e-9).
   */
  @Test
  void itsResampleFormIsTheChosenModels() {
    JourneySet journeys = JourneySet.builder()
        .add(List.of("a"), 20, 200, 980).add(List.of("b"), 20, 200, 980)
        .add(List.of("a", "b"), 400, 4_000, 600).add(List.of("c"), 100, 1_000, 900)
        .add(List.of("a", "c"), 110, 1_100, 890).add(List.of("b", "c"), 110, 1_100, 890).build();
    AttributionModel resampling = RecommendedModel.create().forResamplesOf(journeys);
    assertThat(resampling.name()).isEqualTo(InteractionHazardModel.NAME);
    JourneySet resample = PoissonResample.of(journeys, 1);
    AttributionResult fresh = InteractionHazardModel.create().attribute(resample);
    for (String channel : List.of("a", "b", "c")) {
      assertThat(resampling.attribute(resample).conversions(channel))
          .isCloseTo(fresh.conversions(channel), within(1e-9 * fresh.conversions(channel)));
    }
  }

  /**
   * When the journey's last channel decides the outcome (a journey ending on "a" converts 40 % of the time, on
   * "b" 5 %, on "c" 20 %, whatever came before), the set of channels cannot tell [a, b] from [b, a]: the last
   * channel predicts held-out conversion better than the set and the additive fit, so the journeys are
   * path-dependent and Markov is chosen. With the same paths converting by their set instead, it is not.
   */
  @Test
  void whenTheLastChannelDecidesItChoosesMarkov() {
    Map<String, Double> byLast = Map.of("a", 0.4, "b", 0.05, "c", 0.2);
    JourneySet.Builder pathDependent = JourneySet.builder();
    JourneySet.Builder bySet = JourneySet.builder();
    for (String first : List.of("a", "b", "c")) {
      for (String last : List.of("a", "b", "c")) {
        List<String> path = first.equals(last) ? List.of(last) : List.of(first, last);
        double rate = byLast.get(last);
        pathDependent.add(path, 400 * rate, 4_000 * rate, 400 * (1 - rate));
        double setRate = path.size() == 1 ? rate : (byLast.get(first) + rate) / 2;
        bySet.add(path, 400 * setRate, 4_000 * setRate, 400 * (1 - setRate));
      }
    }
    RecommendedModel.Choice choice = RecommendedModel.create().choose(pathDependent.build());
    assertThat(choice.model().name()).isEqualTo("markov");
    assertThat(choice.notes().get(0)).startsWith("recommended: markov order 1").contains("last channel alone");
    assertThat(RecommendedModel.create().choose(bySet.build()).model().name()).isNotEqualTo("markov");
  }

  @Test
  void withoutNonConversionsItFallsBackToTheSimplifiedShapleyValue() {
    JourneySet journeys = JourneySet.builder().add(List.of("a", "b"), 3, 30, 0).add(List.of("b"), 2, 10, 0).build();
    AttributionResult result = MODELS.create("recommended").attribute(journeys);
    AttributionResult simplified = SimplifiedShapleyModel.create().attribute(journeys);
    assertThat(result.conversions("a")).isEqualTo(simplified.conversions("a"));
    assertThat(result.conversions("b")).isEqualTo(simplified.conversions("b"));
    assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("shapley-simplified")
        .contains("no journey ended without a conversion"));
  }

  /**
   * On the additive-hazard world, whose truth is known, the recommended credits' shares are nearer the true
   * shares than last touch's and Markov order 1's, in every seed.
   */
  @Test
  void recoversTrueSharesBetterThanLastTouchAndMarkov() {
    for (long seed = 1; seed <= 3; seed++) {
      HazardWorld world = HazardWorld.of(seed, 30_000, null);
      double recommended = error(MODELS.create("recommended").attribute(world.journeys()), world);
      assertThat(recommended).as("seed " + seed)
          .isLessThan(error(MODELS.create("last-touch").attribute(world.journeys()), world))
          .isLessThan(error(MODELS.create("markov").attribute(world.journeys()), world));
    }
  }

  /** Too few non-conversions to fit in every fold: the additive fit is not scored and shao-li is chosen. */
  @Test
  void withTooFewNonConversionsToValidateTheAdditiveFitItChoosesShaoLi() {
    JourneySet journeys = JourneySet.builder().add(List.of("a", "b"), 3, 30, 0).add(List.of("b"), 2, 10, 1).build();
    RecommendedModel.Choice choice = RecommendedModel.create().choose(journeys);
    assertThat(choice.model().name()).isEqualTo("shao-li");
    assertThat(MODELS.create("recommended").attribute(journeys).conversions("b")).isPositive();
  }

  @Test
  void parametersRoundTrip() {
    AttributionModel model = MODELS.create("recommended", ModelParameters.of(Map.of("folds", "3", "seed", "9")));
    assertThat(model.parameters().asText()).containsEntry("folds", "3").containsEntry("seed", "9");
    assertThat(MODELS.create("recommended").parameters().isEmpty()).isTrue();
    assertThat(MODELS.create("recommended", model.parameters())).hasToString(model.toString());
  }

  /**
   * The registry's one-line description names every model the rule can run: it missed {@code exposure-hazard},
   * which the rule runs on timed journeys whose lookback set nothing aside (the report's).
   */
  @Test
  void theDescriptionNamesEveryModelTheRuleCanPick() {
    String description = new RecommendedModelProvider().description();
    for (String name : List.of(MarkovModel.NAME, AdditiveHazardModel.NAME, InteractionHazardModel.NAME,
        ExposureHazardModel.NAME, ShaoLiModel.NAME, SimplifiedShapleyModel.NAME)) {
      assertThat(description).as(name).contains(name);
    }
  }

  /** Mean absolute error of conversion shares against the world's true shares. */
  private static double error(AttributionResult result, HazardWorld world) {
    double total = result.totalConversions();
    return world.trueShares().entrySet().stream()
        .mapToDouble(e -> Math.abs(result.conversions(e.getKey()) / total - e.getValue())).average().orElseThrow();
  }
}
