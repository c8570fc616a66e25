package org.engagement.attribution.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.assertj.core.data.Offset;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.ToyPaths;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {
  private static final Offset<Double> EXACT = within(1e-12);
  private static final AttributionModels MODELS = AttributionModels.defaults();

  /**
   * The toy dataset of the attribution reference, section 7 ("Test vectors on the toy dataset").
   *
   * <p>Worked by hand (conversions / value per path, credit per channel):
   *
   * <pre>
   * path        conv value  first      last       linear (per touch)
   * A > B > C   2    20     A 2/20     C 2/20     A, B, C 2/3 and 20/3 each
   * A > A > B   3    45     A 3/45     B 3/45     A 2/30, B 1/15
   * B > C       1    5      B 1/5      C 1/5      B, C 1/2 and 5/2 each
   * C           1    10     C 1/10     C 1/10     C 1/10
   * A           0    0      -          -          -
   * B > A > C   1    12     B 1/12     C 1/12     A, B, C 1/3 and 4 each
   * </pre>
   *
   * First touch: A 5 / 65, B 2 / 17, C 1 / 10. Last touch: A 0 / 0, B 3 / 45, C 5 / 47. Linear: A 3 /
   * 20/3 + 30 + 4 = 122/3, B 5/2 / 20/3 + 15 + 5/2 + 4 = 169/6, C 5/2 / 20/3 + 5/2 + 10 + 4 = 139/6. Each
   * model's totals are 8 conversions and 92 in value.
   */
  static JourneySet toy() {
    return ToyPaths.toy();
  }

  private static List<AttributionModel> models(String... names) {
    return Arrays.stream(names).map(MODELS::create).toList();
  }

  @Test
  void tablesFirstLastAndLinearOnTheToyDataset() throws IOException {
    ModelComparison table = ModelComparison.run(toy(), models("first-touch", "last-touch", "linear"));
    assertThat(table.channels()).containsExactly("A", "B", "C");
    assertThat(table.models()).containsExactly("first-touch", "last-touch", "linear");

    double[][] conversions = {{5, 2, 1}, {0, 3, 5}, {3, 2.5, 2.5}};
    double[][] values = {{65, 17, 10}, {0, 45, 47}, {122.0 / 3, 169.0 / 6, 139.0 / 6}};
    for (int m = 0; m < 3; m++) {
      String model = table.models().get(m);
      for (int c = 0; c < 3; c++) {
        String channel = table.channels().get(c);
        assertThat(table.conversions(channel, model)).as(channel + " " + model).isCloseTo(conversions[m][c], EXACT);
        assertThat(table.value(channel, model)).as(channel + " " + model).isCloseTo(values[m][c], EXACT);
        ModelComparison.Row row = table.rows().get(c);
        assertThat(row.channel()).isEqualTo(channel);
        assertThat(row.conversions().get(m)).isCloseTo(conversions[m][c], EXACT);
        assertThat(row.values().get(m)).isCloseTo(values[m][c], EXACT);
      }
      assertThat(table.totalConversions(model)).isCloseTo(8, EXACT);
      assertThat(table.totalValue(model)).isCloseTo(92, EXACT);
    }
    assertThat(table.journeyConversions()).isEqualTo(8);
    assertThat(table.journeyValue()).isCloseTo(92, EXACT);
    assertThat(table.result("linear").model()).isEqualTo("linear");
    assertThat(table.results()).extracting(AttributionResult::model)
        .containsExactly("first-touch", "last-touch", "linear");
  }

  /**
   * Participation gives each path's conversions and value in full to each of its channels: A is on paths
   * with 2 + 3 + 1 = 6 conversions and 20 + 45 + 12 = 77 value, B on 2 + 3 + 1 + 1 = 7 and 82, C on
   * 2 + 1 + 1 + 1 = 5 and 47; its totals (18, 206) exceed the journeys' (8, 92).
   */
  @Test
  void aNonAdditiveModelsTotalsExceedTheJourneys() throws IOException {
    ModelComparison table = ModelComparison.run(toy(), models("participation", "linear-unique"));
    assertThat(table.conversions("A", "participation")).isCloseTo(6, EXACT);
    assertThat(table.conversions("B", "participation")).isCloseTo(7, EXACT);
    assertThat(table.conversions("C", "participation")).isCloseTo(5, EXACT);
    assertThat(table.totalConversions("participation")).isCloseTo(18, EXACT);
    assertThat(table.totalValue("participation")).isCloseTo(206, EXACT);
    assertThat(table.journeyConversions()).isEqualTo(8);
    // Linear over unique channels equals Zhao's simplified Shapley: 5/2, 3, 5/2 (reference, section 7).
    assertThat(table.conversions("A", "linear-unique")).isCloseTo(2.5, EXACT);
    assertThat(table.conversions("B", "linear-unique")).isCloseTo(3, EXACT);
    assertThat(table.conversions("C", "linear-unique")).isCloseTo(2.5, EXACT);
    assertThat(table.totalConversions("linear-unique")).isCloseTo(8, EXACT);
  }

  @Test
  void rowsFollowTheChannelOrderAndColumnsTheOrderGiven() {
    JourneySet set = JourneySet.builder()
        .add(List.of("zeta", "alpha"), 1, 10, 0)
        .add(List.of("mid", "zeta"), 1, 4, 2)
        .build();
    ModelComparison table = ModelComparison.run(set, models("last-touch", "first-touch"));
    assertThat(table.channels()).containsExactly("alpha", "mid", "zeta");
    assertThat(table.rows()).extracting(ModelComparison.Row::channel).containsExactly("alpha", "mid", "zeta");
    assertThat(table.models()).containsExactly("last-touch", "first-touch");
    assertThat(table.rows().get(2).conversions()).containsExactly(1.0, 1.0);
    assertThat(table.rows().get(2).values()).containsExactly(4.0, 10.0);
    assertThat(table.rows().get(1).conversions()).containsExactly(0.0, 1.0);
  }

  @Test
  void resultsComputedElsewhereGiveTheSameTable() throws IOException {
    JourneySet toy = toy();
    List<AttributionModel> models = models("first-touch", "position-based");
    ModelComparison run = ModelComparison.run(toy, models);
    ModelComparison of = ModelComparison.of(models.stream().map(m -> m.attribute(toy)).toList());
    assertThat(of.rows()).isEqualTo(run.rows());
    // U-shaped 40/20/40 on the toy (reference, section 7): 2.8, 2.5, 2.7.
    assertThat(of.conversions("A", "position-based")).isCloseTo(2.8, EXACT);
    assertThat(of.conversions("B", "position-based")).isCloseTo(2.5, EXACT);
    assertThat(of.conversions("C", "position-based")).isCloseTo(2.7, EXACT);
  }

  @Test
  void unknownChannelsAreZeroAndUnknownModelsAnError() throws IOException {
    ModelComparison table = ModelComparison.run(toy(), models("first-touch"));
    assertThat(table.conversions("Z", "first-touch")).isZero();
    assertThat(table.value("Z", "first-touch")).isZero();
    assertThatThrownBy(() -> table.conversions("A", "linear"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no model 'linear' in this comparison; models: [first-touch]");
  }

  @Test
  void refusesNoModelsDuplicateNamesAndResultsFromOtherJourneys() throws IOException {
    JourneySet toy = toy();
    assertThatThrownBy(() -> ModelComparison.run(toy, List.of()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("at least one model");
    assertThatThrownBy(() -> ModelComparison.of(List.of()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("at least one model");
    AttributionModel weighted = MODELS.create("position-based",
        ModelParameters.of(Map.of("first", "0.3", "middle", "0.4", "last", "0.3")));
    assertThatThrownBy(() -> ModelComparison.run(toy, List.of(MODELS.create("position-based"), weighted)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("models 'position-based' is invalid: must have distinct names");
    JourneySet other = JourneySet.builder().add(List.of("B", "A"), 1, 1, 0).build();
    AttributionModel first = MODELS.create("first-touch");
    assertThatThrownBy(() -> ModelComparison.of(List.of(first.attribute(toy),
        MODELS.create("last-touch").attribute(other))))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must all be computed on the same journeys");
  }

  @Test
  void isImmutable() throws IOException {
    ModelComparison table = ModelComparison.run(toy(), models("first-touch"));
    assertThatThrownBy(() -> table.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> table.models().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> table.rows().get(0).conversions().set(0, 9.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void defaultsHoldEveryBuiltInModel() {
    // and split-ends, the third-party model the test class path adds (src/test/resources/META-INF/services)
    assertThat(MODELS.names()).containsExactly("additive-hazard", "custom", "exposure-hazard", "first-touch",
        "interaction-hazard",
        "inverse-j", "j-shaped", "last-non-direct", "last-touch", "linear", "linear-unique", "markov", "participation", "position-based",
        "recommended", "shao-li", "shapley", "shapley-ordered", "shapley-simplified", "split-ends", "time-decay",
        "w-shaped");
  }

  /**
   * Markov order 1 on the toy: removal effects 203/384, 77/96 = 308/384, 5/8 = 240/384 (reference, section
   * 7), so conversions 8 * 203/751 = 1624/751, 2464/751, 1920/751; the simplified Shapley value is 5/2, 3,
   * 5/2 like linear over unique channels.
   */
  @Test
  void comparesTheDataDrivenModelsToo() throws IOException {
    ModelComparison table = ModelComparison.run(toy(), models("markov", "shapley-simplified", "linear-unique"));
    assertThat(table.conversions("A", "markov")).isCloseTo(1624.0 / 751, within(1e-9));
    assertThat(table.conversions("B", "markov")).isCloseTo(2464.0 / 751, within(1e-9));
    assertThat(table.conversions("C", "markov")).isCloseTo(1920.0 / 751, within(1e-9));
    assertThat(table.totalConversions("markov")).isCloseTo(8, within(1e-9));
    assertThat(table.totalValue("markov")).isCloseTo(92, within(1e-9));
    for (String channel : table.channels()) {
      assertThat(table.conversions(channel, "shapley-simplified"))
          .isCloseTo(table.conversions(channel, "linear-unique"), EXACT);
    }
  }

  @Test
  void aModelThatRefusesTheJourneysFailsTheComparison() throws IOException {
    JourneySet toy = toy();
    List<AttributionModel> models = models("first-touch", "time-decay");
    assertThatThrownBy(() -> ModelComparison.run(toy, models)).isInstanceOf(IllegalArgumentException.class);
  }
}
