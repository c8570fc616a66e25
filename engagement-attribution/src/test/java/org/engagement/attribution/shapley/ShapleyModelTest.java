package org.engagement.attribution.shapley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.attribution.journey.ToyPaths.toy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelLimitException;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class ShapleyModelTest {
  private static final Offset<Double> EXACT = within(1e-12);

  private static final AttributionModels MODELS = AttributionModels.builder().registerAll(ShapleyModelProviders.all()).build();

  private static void assertCredits(AttributionResult result, String channel, double conversions, double value) {
    assertThat(result.conversions(channel)).as(channel + " conversions").isCloseTo(conversions, EXACT);
    assertThat(result.value(channel)).as(channel + " value").isCloseTo(value, EXACT);
  }

  @Test
  void simplifiedShapleyMatchesTheToyVector() throws IOException {
    // Reference section 7, toy table, row "Zhao simplified Shapley": A 5/2, B 3, C 5/2.
    AttributionResult result = SimplifiedShapleyModel.create().attribute(toy());
    // Values by hand: each path's value split equally among its distinct channels.
    // A = 20/3 (A>B>C) + 45/2 (A>A>B) + 12/3 (B>A>C) = 199/6
    // B = 20/3 + 45/2 + 5/2 (B>C) + 12/3 = 107/3
    // C = 20/3 + 5/2 + 10 (C) + 12/3 = 139/6; together 92, the total value.
    assertCredits(result, "A", 5.0 / 2, 199.0 / 6);
    assertCredits(result, "B", 3, 107.0 / 3);
    assertCredits(result, "C", 5.0 / 2, 139.0 / 6);
    assertThat(result.model()).isEqualTo("shapley-simplified");
    assertThat(result.additive()).isTrue();
  }

  @Test
  void orderedShapleyMatchesTheToyVector() throws IOException {
    // Reference section 7, toy table, row "Zhao ordered (1/occurrences), by position 1/2/3":
    // A 17/12, 13/12, -; B 5/6, 2/3, 3/2; C 1, 1/2, 1.
    JourneySet toy = toy();
    OrderedShapleyModel.ByPosition byPosition = OrderedShapleyModel.create().byPosition(toy);
    assertThat(byPosition.positions()).isEqualTo(3);
    int a = toy.channels().id("A").orElseThrow();
    int b = toy.channels().id("B").orElseThrow();
    int c = toy.channels().id("C").orElseThrow();
    double[][] expected = {{17.0 / 12, 13.0 / 12, 0}, {5.0 / 6, 2.0 / 3, 3.0 / 2}, {1, 1.0 / 2, 1}};
    int[] ids = {a, b, c};
    for (int k = 0; k < 3; k++) {
      for (int i = 1; i <= 3; i++) {
        assertThat(byPosition.conversions(ids[k], i)).as("channel %d position %d", k, i)
            .isCloseTo(expected[k][i - 1], EXACT);
      }
    }
    // Worked by hand for A's value: A>B>C gives A@1 20/3; A>A>B gives A 45/2 split over two touches,
    // A@1 45/4 and A@2 45/4; B>A>C gives A@2 12/3.
    assertThat(byPosition.value(a, 1)).isCloseTo(20.0 / 3 + 45.0 / 4, EXACT);
    assertThat(byPosition.value(a, 2)).isCloseTo(45.0 / 4 + 4, EXACT);
    assertThat(byPosition.value(a, 3)).isZero();
    // Summed over positions: the simplified Shapley value (efficiency).
    AttributionResult result = OrderedShapleyModel.create().attribute(toy);
    assertCredits(result, "A", 5.0 / 2, 199.0 / 6);
    assertCredits(result, "B", 3, 107.0 / 3);
    assertCredits(result, "C", 5.0 / 2, 139.0 / 6);
    assertThatThrownBy(() -> byPosition.conversions(a, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> byPosition.conversions(a, 4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void generalShapleyOnTheToyWorkedByHand() throws IOException {
    // The reference gives no vector for the conversion-rate game, so this one is ours, worked by hand.
    // v(S) = conversions / (conversions + nulls) of the paths whose distinct channel set is exactly S:
    //   v(A) = 0/5 = 0, v(B) = 0 (no journeys), v(C) = 1/3, v(AB) = 3/(3+1) = 3/4 (A>A>B),
    //   v(AC) = 0 (no journeys), v(BC) = 1/5, v(ABC) = (2+1)/(2+3+1+1) = 3/7 (A>B>C and B>A>C).
    // Weights for n = 3: |S| = 0 -> 1/3, |S| = 1 -> 1/6, |S| = 2 -> 1/3.
    //   φA = 1/3 (0 - 0) + 1/6 (3/4 - 0) + 1/6 (0 - 1/3) + 1/3 (3/7 - 1/5) = 367/2520
    //   φB = 1/3 (0 - 0) + 1/6 (3/4 - 0) + 1/6 (1/5 - 1/3) + 1/3 (3/7 - 0) = 619/2520
    //   φC = 1/3 (1/3 - 0) + 1/6 (0 - 0) + 1/6 (1/5 - 0) + 1/3 (3/7 - 3/4) = 94/2520
    //   sum = 1080/2520 = 3/7 = v(ABC) (efficiency of the game).
    JourneySet toy = toy();
    ShapleyModel model = ShapleyModel.create();
    double[] phi = model.shapleyValues(toy);
    assertThat(phi[toy.channels().id("A").orElseThrow()]).isCloseTo(367.0 / 2520, EXACT);
    assertThat(phi[toy.channels().id("B").orElseThrow()]).isCloseTo(619.0 / 2520, EXACT);
    assertThat(phi[toy.channels().id("C").orElseThrow()]).isCloseTo(94.0 / 2520, EXACT);
    // Credits: φ / (3/7) × 8 conversions and × 92 value.
    AttributionResult result = model.attribute(toy);
    assertCredits(result, "A", 367.0 / 135, 8441.0 / 270);
    assertCredits(result, "B", 619.0 / 135, 14237.0 / 270);
    assertCredits(result, "C", 94.0 / 135, 1081.0 / 135);
    assertThat(ShapleyModel.maxWorth(toy)).isCloseTo(3.0 / 4, EXACT);
  }

  @Test
  void subsetsShapleyOnTheToyWorkedByHand() {
    // Ours, worked by hand. Per exact channel set, conversions / (conversions + nulls):
    //   A 0/5, AB 3/4 (A>A>B), BC 1/5, C 1/3, ABC 3/7 (A>B>C 2/5 and B>A>C 1/2); B and AC unseen.
    // v(S) sums both over the subsets of S:
    //   v(A) = 0/5 = 0, v(B) = 0 (no journeys), v(C) = 1/3, v(AB) = (0+3)/(5+4) = 1/3,
    //   v(AC) = (0+1)/(5+3) = 1/8, v(BC) = (1+1)/(5+3) = 1/4, v(ABC) = 8/24 = 1/3 (every journey).
    // Weights for n = 3: |S| = 0 -> 1/3, |S| = 1 -> 1/6, |S| = 2 -> 1/3.
    //   φA = 1/3 (0 - 0) + 1/6 (1/3 - 0) + 1/6 (1/8 - 1/3) + 1/3 (1/3 - 1/4) = (0 + 8 - 5 + 4)/144 = 7/144
    //   φB = 1/3 (0 - 0) + 1/6 (1/3 - 0) + 1/6 (1/4 - 1/3) + 1/3 (1/3 - 1/8) = (0 + 8 - 2 + 10)/144 = 16/144
    //   φC = 1/3 (1/3 - 0) + 1/6 (1/8 - 0) + 1/6 (1/4 - 0) + 1/3 (1/3 - 1/3) = (16 + 3 + 6 + 0)/144 = 25/144
    //   sum = 48/144 = 1/3 = v(ABC).
    JourneySet toy = toy();
    ShapleyModel model = ShapleyModel.create().withWorth(CoalitionWorth.SUBSETS);
    double[] phi = model.shapleyValues(toy);
    assertThat(phi[toy.channels().id("A").orElseThrow()]).isCloseTo(7.0 / 144, EXACT);
    assertThat(phi[toy.channels().id("B").orElseThrow()]).isCloseTo(16.0 / 144, EXACT);
    assertThat(phi[toy.channels().id("C").orElseThrow()]).isCloseTo(25.0 / 144, EXACT);
    // Credits: φ / (1/3) = 7/48, 16/48, 25/48 of 8 conversions and of 92 value.
    AttributionResult result = model.attribute(toy);
    assertCredits(result, "A", 7.0 / 6, 161.0 / 12);
    assertCredits(result, "B", 8.0 / 3, 92.0 / 3);
    assertCredits(result, "C", 25.0 / 6, 575.0 / 12);
    // The sampler agrees with the exact values within the stated bound (δ = 1e-6).
    double[] sampled = ShapleyModel.of(5_000, 11, 0).withWorth(CoalitionWorth.SUBSETS).shapleyValues(toy);
    double bound = ShapleyModel.errorBound(3, 5_000, ShapleyModel.maxWorth(toy), 1e-6);
    assertThat(sampled).containsExactly(phi, within(bound));
    assertThat(sampled[0] + sampled[1] + sampled[2]).isCloseTo(1.0 / 3, EXACT);
  }

  @Test
  void subsetsThreeChannelsWorkedByHand() {
    // Conversions/nulls: A 1/3, B>A 2/0, B>C 0/2; B and C never appear alone.
    // Subsets game: v(A) = 1/4, v(B) = v(C) = 0 (no journeys),
    //   v(AB) = (1+2)/(4+2) = 1/2, v(AC) = 1/4, v(BC) = 0/2 = 0, v(ABC) = 3/8.
    //   φB = 1/3 (0) + 1/6 (1/2 - 1/4) + 1/6 (0 - 0) + 1/3 (3/8 - 1/4) = 1/24 + 1/24 = 1/12
    //   φC = 1/3 (0) + 1/6 (1/4 - 1/4) + 1/6 (0 - 0) + 1/3 (3/8 - 1/2) = -1/24
    //   φA = 3/8 - 1/12 + 1/24 = 1/3; after clamping C, A gets 4/5 and B 1/5 of the 3 conversions.
    JourneySet set = JourneySet.builder()
        .add(List.of("A"), 1, 10, 3)
        .add(List.of("B", "A"), 2, 20, 0)
        .add(List.of("B", "C"), 0, 0, 2)
        .build();
    ShapleyModel model = ShapleyModel.create().withWorth(CoalitionWorth.SUBSETS);
    assertThat(model.shapleyValues(set)).containsExactly(new double[] {1.0 / 3, 1.0 / 12, -1.0 / 24}, EXACT);
    AttributionResult result = model.attribute(set);
    assertCredits(result, "A", 12.0 / 5, 24);
    assertCredits(result, "B", 3.0 / 5, 6);
    assertCredits(result, "C", 0, 0);
  }

  @Test
  void shaoLiMatchesTheToyVector() {
    // Attribution reference, section 7: "Shao & Li as in eeghor (raw, before normalising)":
    // A 7093/4928, B 337/176, C 1223/1344, from P(y|A) = 3/8, P(y|B) = 7/16, P(y|C) = 1/3,
    // P(y|A,B) = 6/11, P(y|A,C) = 3/7, P(y|B,C) = 1/3. Checking A by hand: on A>B>C and B>A>C (3 conversions)
    // c_A = 3/8 + 1/4 ((6/11 - 3/8 - 7/16) + (3/7 - 3/8 - 1/3)) = 3/8 - 47/1408 - 47/672, on A>A>B
    // (3 conversions) c_A = 3/8 + 1/2 (6/11 - 3/8 - 7/16) = 3/8 - 47/352; 3 (0.238306) + 3 (0.241477) = 1.439326.
    JourneySet toy = toy();
    double[] raw = ShaoLiModel.create().contributions(toy);
    assertThat(raw).containsExactly(new double[] {7093.0 / 4928, 337.0 / 176, 1223.0 / 1344}, EXACT);
    // Over the common denominator 14784 the raw values are 21279, 28308 and 13453 (sum 63040); the credits
    // are those shares of 8 conversions and 92 value.
    AttributionResult result = ShaoLiModel.create().attribute(toy);
    assertCredits(result, "A", 8.0 * 21279 / 63040, 92.0 * 21279 / 63040);
    assertCredits(result, "B", 8.0 * 28308 / 63040, 92.0 * 28308 / 63040);
    assertCredits(result, "C", 8.0 * 13453 / 63040, 92.0 * 13453 / 63040);
    assertThat(result.model()).isEqualTo("shao-li");
    assertThat(ShaoLiModel.create().parameters().isEmpty()).isTrue();
    // No conversions: no contribution, so the (zero) simplified Shapley credits.
    AttributionResult none = ShaoLiModel.create().attribute(JourneySet.builder().add(List.of("A"), 0, 0, 3).build());
    assertCredits(none, "A", 0, 0);
  }

  @Test
  void twoChannelsWorkedByHand() {
    // A: 1 conversion, 1 null -> v(A) = 1/2; B: 0/4 -> v(B) = 0; A>B: 3/1 -> v(AB) = 3/4.
    // φA = 1/2 (1/2 - 0) + 1/2 (3/4 - 0) = 5/8; φB = 1/2 (0 - 0) + 1/2 (3/4 - 1/2) = 1/8; sum 3/4 = v(AB).
    // Credits of the 4 conversions (value 40): A = 4 × (5/8)/(3/4) = 10/3, B = 4 × (1/8)/(3/4) = 2/3.
    JourneySet set = JourneySet.builder()
        .add(List.of("A"), 1, 10, 1)
        .add(List.of("B"), 0, 0, 4)
        .add(List.of("A", "B", "A"), 3, 30, 1)
        .build();
    ShapleyModel model = ShapleyModel.create();
    assertThat(model.shapleyValues(set)).containsExactly(new double[] {5.0 / 8, 1.0 / 8}, EXACT);
    AttributionResult result = model.attribute(set);
    assertCredits(result, "A", 10.0 / 3, 100.0 / 3);
    assertCredits(result, "B", 2.0 / 3, 20.0 / 3);
  }

  @Test
  void negativeShapleyValuesAreClampedToZero() {
    // A: 9/1 -> v(A) = 0.9; A>B: 1/9 -> v(AB) = 0.1; v(B) = 0 (no journeys).
    // φA = 1/2 (0.9) + 1/2 (0.1 - 0) = 0.5; φB = 1/2 (0 - 0) + 1/2 (0.1 - 0.9) = -0.4.
    // B is clamped to 0, so A gets all 10 conversions and all the value.
    JourneySet set = JourneySet.builder()
        .add(List.of("A"), 9, 90, 1)
        .add(List.of("A", "B"), 1, 5, 9)
        .build();
    ShapleyModel model = ShapleyModel.create();
    assertThat(model.shapleyValues(set)).containsExactly(new double[] {0.5, -0.4}, EXACT);
    AttributionResult result = model.attribute(set);
    assertCredits(result, "A", 10, 95);
    assertCredits(result, "B", 0, 0);
  }

  @Test
  void withoutPositiveShapleyValuesTheCreditsAreTheSimplifiedShapley() {
    // v(A) = v(B) = 1/2, v(AB) = 0: φA = 1/2 (1/2) + 1/2 (0 - 1/2) = 0, and φB = 0 likewise.
    // The game does not say how to split the 2 conversions: simplified Shapley gives A 1 and B 1.
    JourneySet set = JourneySet.builder()
        .add(List.of("A"), 1, 7, 1)
        .add(List.of("B"), 1, 3, 1)
        .add(List.of("A", "B"), 0, 0, 2)
        .build();
    assertThat(ShapleyModel.create().shapleyValues(set)).containsExactly(new double[] {0, 0}, EXACT);
    AttributionResult result = ShapleyModel.create().attribute(set);
    assertCredits(result, "A", 1, 7);
    assertCredits(result, "B", 1, 3);
    // No conversions at all: every credit is zero.
    JourneySet none = JourneySet.builder().add(List.of("A", "B"), 0, 0, 5).build();
    AttributionResult zero = ShapleyModel.create().attribute(none);
    assertCredits(zero, "A", 0, 0);
    assertCredits(zero, "B", 0, 0);
  }

  @Test
  void samplingBeyondTwentyChannelsIsSeededAndAddsUp() {
    JourneySet.Builder builder = JourneySet.builder();
    for (int i = 0; i < 24; i++) {
      builder.add(List.of("c" + i, "c" + ((i + 1) % 24)), i % 3, i, 2);
      builder.add(List.of("c" + i), 1, 1, i % 4);
    }
    JourneySet set = builder.build();
    ShapleyModel model = ShapleyModel.of(3_000, 42, 20);
    assertThat(model.isExact(24)).isFalse();
    double[] first = model.shapleyValues(set);
    assertThat(ShapleyModel.of(3_000, 42, 20).shapleyValues(set)).containsExactly(first);
    assertThat(ShapleyModel.of(3_000, 43, 20).shapleyValues(set)).isNotEqualTo(first);
    double sum = 0;
    for (double phi : first) {
      sum += phi;
    }
    // Estimates add up to v(N) exactly (telescoping), and no journey was exposed to all 24 channels.
    assertThat(sum).isCloseTo(0, within(1e-12));
    AttributionResult result = model.attribute(set);
    double conversions = 0;
    double value = 0;
    for (int c = 0; c < 24; c++) {
      conversions += result.conversions(c);
      value += result.value(c);
    }
    assertThat(conversions).isCloseTo(set.totalConversions(), within(1e-9));
    assertThat(value).isCloseTo(set.totalValue(), within(1e-9));
  }

  @Test
  void twentyChannelsAreExactAndAgreeWithSampling() {
    // Twenty channels in a ring of two-channel paths plus single-channel paths: exact by 2^20 bitmasks.
    JourneySet.Builder builder = JourneySet.builder();
    for (int i = 0; i < 20; i++) {
      builder.add(List.of("c" + i, "c" + ((i + 1) % 20)), 1 + i % 3, 10, 2);
      builder.add(List.of("c" + i), i % 2, 1, 3);
    }
    JourneySet set = builder.build();
    ShapleyModel model = ShapleyModel.create();
    assertThat(model.isExact(20)).isTrue();
    double[] exact = model.shapleyValues(set);
    // No journey saw all 20 channels, so v(N) = 0 and the Shapley values add up to 0; the estimate from
    // 20,000 permutations is within the stated bound at δ = 1e-6.
    double sum = 0;
    for (double phi : exact) {
      sum += phi;
    }
    assertThat(sum).isCloseTo(0, within(1e-12));
    double[] sampled = ShapleyModel.of(20_000, 1, 0).shapleyValues(set);
    double bound = ShapleyModel.errorBound(20, 20_000, ShapleyModel.maxWorth(set), 1e-6);
    for (int c = 0; c < 20; c++) {
      assertThat(Math.abs(sampled[c] - exact[c])).isLessThanOrEqualTo(bound);
    }
  }

  @Test
  void samplingHandlesMoreChannelsThanBitsInALong() {
    JourneySet.Builder builder = JourneySet.builder();
    for (int i = 0; i < 70; i++) {
      builder.add(List.of("c" + i, "c" + ((i * 7 + 3) % 70), "c" + i), 1, 2, i % 5);
      builder.add(List.of("c" + i), i % 2, 1, 1);
    }
    JourneySet set = builder.build();
    AttributionResult result = ShapleyModel.of(500, 9, 20).attribute(set);
    double conversions = 0;
    double value = 0;
    for (int c = 0; c < 70; c++) {
      assertThat(result.conversions(c)).isGreaterThanOrEqualTo(0);
      conversions += result.conversions(c);
      value += result.value(c);
    }
    assertThat(conversions).isCloseTo(set.totalConversions(), within(1e-9));
    assertThat(value).isCloseTo(set.totalValue(), within(1e-9));
  }

  @Test
  void errorBoundAndSampleCount() {
    // ε = w sqrt(2 ln(2n/δ) / m): n = 50, m = 20,000, δ = 0.05, w = 1 -> sqrt(2 ln 2000 / 20000).
    assertThat(ShapleyModel.errorBound(50, 20_000, 1, 0.05))
        .isCloseTo(Math.sqrt(2 * Math.log(2000) / 20_000), EXACT)
        .isLessThan(0.029);
    assertThat(ShapleyModel.errorBound(50, 20_000, 0.5, 0.05))
        .isCloseTo(0.5 * ShapleyModel.errorBound(50, 20_000, 1, 0.05), EXACT);
    long m = ShapleyModel.samplesFor(50, 0.01, 1, 0.05);
    assertThat(m).isEqualTo((long) Math.ceil(2 * Math.log(2000) / 1e-4));
    assertThat(ShapleyModel.errorBound(50, m, 1, 0.05)).isLessThanOrEqualTo(0.01);
    assertThat(ShapleyModel.errorBound(50, m - 1, 1, 0.05)).isGreaterThan(0.01);
    assertThatThrownBy(() -> ShapleyModel.errorBound(0, 10, 1, 0.05)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ShapleyModel.errorBound(3, 10, 1, 1)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ShapleyModel.samplesFor(3, 0, 1, 0.05)).isInstanceOf(InvalidFieldException.class);
  }

  /** One journey through {@code channels} distinct channels that converted, and one that did not. */
  private static JourneySet oneLongJourney(int channels) {
    List<String> path = new ArrayList<>(channels);
    for (int c = 0; c < channels; c++) {
      path.add(String.format("d%06d", c));
    }
    return JourneySet.builder().add(path, 1, 10, 0).add(List.of("d000000"), 0, 0, 1).build();
  }

  @Test
  void shaoLiRefusesPathsWithTooManyDistinctChannelsBeforeTheWork() {
    // Issue 12: one journey of 100,000 distinct channels took 5.8 GB and no answer in 120 s. Its pairs take
    // 10^10 steps, more than max-work; memory no longer grows with the pairs.
    JourneySet huge = oneLongJourney(100_000);
    assertThatThrownBy(() -> ShaoLiModel.create().attribute(huge))
        .isInstanceOfSatisfying(ModelLimitException.class, e -> {
          assertThat(e.model()).isEqualTo("shao-li");
          assertThat(e.parameter()).isEqualTo("max-work");
          assertThat(e.limit()).isEqualTo(ShaoLiModel.DEFAULT_MAX_WORK);
        })
        .hasMessageContaining("take 10,000,000,001 steps").hasMessageContaining("raise the parameter max-work");
    // Within the limit the pairs are gathered a channel at a time: 2,000 distinct channels, 4 million steps.
    JourneySet wide = oneLongJourney(2_000);
    AttributionResult result = ShaoLiModel.create().attribute(wide);
    assertThat(result.conversionsByChannel().values().stream().mapToDouble(d -> d).sum()).isCloseTo(1, EXACT);
    assertThatThrownBy(() -> ShaoLiModel.create().withMaxWork(1_000_000).attribute(wide))
        .isInstanceOf(ModelLimitException.class);
    AttributionModel limited = MODELS.create("shao-li", ModelParameters.of(Map.of("max-work", "5000000")));
    assertThat(limited.parameters().asText()).containsExactly(Map.entry("max-work", "5000000"));
    assertThat(limited.attribute(wide).conversions("d000001")).isEqualTo(result.conversions("d000001"));
  }

  @Test
  void orderedShapleyKeepsOnlyTheCellsWithCredit() {
    // Issue 12: per channel and position, 100,000 distinct channels on one path were 10^10 cells.
    JourneySet huge = oneLongJourney(100_000);
    OrderedShapleyModel.ByPosition byPosition = OrderedShapleyModel.create().byPosition(huge);
    assertThat(byPosition.positions()).isEqualTo(100_000);
    int first = huge.channels().id("d000000").orElseThrow();
    int last = huge.channels().id("d099999").orElseThrow();
    assertThat(byPosition.conversions(first, 1)).isEqualTo(1e-5);
    assertThat(byPosition.conversions(first, 2)).isZero();
    assertThat(byPosition.conversions(last, 100_000)).isEqualTo(1e-5);
    assertThat(byPosition.value(last, 100_000)).isCloseTo(1e-4, EXACT);
    assertThat(OrderedShapleyModel.create().attribute(huge).conversions("d050000")).isEqualTo(1e-5);
  }

  @Test
  void samplingBeyondTheWorkLimitIsRefused() {
    // 100,000 channels sampled 40,000 times are 4 × 10^9 look-ups of 32 steps, more than max-work.
    JourneySet huge = oneLongJourney(100_000);
    assertThatThrownBy(() -> ShapleyModel.of(40_000, 0, 20).attribute(huge))
        .isInstanceOfSatisfying(ModelLimitException.class, e -> assertThat(e.parameter()).isEqualTo("max-work"))
        .hasMessageStartingWith("shapley: 100,000 channels are more than exact-up-to (20), and sampling 40,000"
            + " permutations of them takes 128,000,000,000 steps, more than max-work (100,000,000,000)");
    ShapleyModel fewer = ShapleyModel.of(100, 0, 20);
    assertThat(fewer.attribute(huge).totalConversions()).isEqualTo(1);
    assertThatThrownBy(() -> fewer.withMaxWork(319_999_999).attribute(huge)).isInstanceOf(ModelLimitException.class);
    // The subsets worth walks the members of the channel sets instead: 10,000 × (100,000 + 100,001) steps.
    assertThatThrownBy(() -> ShapleyModel.of(10_000, 0, 20).withWorth(CoalitionWorth.SUBSETS)
        .withMaxWork(2_000_000_000L).attribute(huge))
        .isInstanceOf(ModelLimitException.class).hasMessageContaining("takes 2,000,010,000 steps");
    ShapleyModel raised = (ShapleyModel) MODELS.create("shapley", ModelParameters.of(Map.of("max-work", "7")));
    assertThat(raised.maxWork()).isEqualTo(7);
    assertThat(raised.parameters().asText()).containsEntry("max-work", "7");
  }

  @Test
  void registryNamesAndParameters() throws IOException {
    assertThat(MODELS.names()).containsExactly("shao-li", "shapley", "shapley-ordered", "shapley-simplified");
    AttributionModel model = MODELS.create("shapley",
        ModelParameters.of(Map.of("samples", "500", "seed", "-7", "exact-up-to", "0")));
    assertThat(model).isInstanceOf(ShapleyModel.class);
    ShapleyModel shapley = (ShapleyModel) model;
    assertThat(shapley.samples()).isEqualTo(500);
    assertThat(shapley.seed()).isEqualTo(-7);
    assertThat(shapley.exactUpTo()).isZero();
    assertThat(shapley.worth()).isEqualTo(CoalitionWorth.EXACT);
    assertThat(shapley.parameters().asText()).containsExactly(Map.entry("samples", "500"), Map.entry("seed", "-7"),
        Map.entry("exact-up-to", "0"), Map.entry("worth", "exact"));
    assertThat(MODELS.create("shapley").parameters().asText()).containsEntry("samples", "20000")
        .containsEntry("worth", "exact");
    ShapleyModel subsets = (ShapleyModel) MODELS.create("shapley", ModelParameters.of(Map.of("worth", " Subsets ")));
    assertThat(subsets.worth()).isEqualTo(CoalitionWorth.SUBSETS);
    assertThat(subsets.parameters().asText()).containsEntry("worth", "subsets");
    assertThat(MODELS.create("shapley", subsets.parameters())).hasToString(subsets.toString());
    assertThat(subsets.attribute(toy()).conversions("A")).isCloseTo(7.0 / 6, EXACT);
    assertThat(MODELS.create("shapley", ModelParameters.of(Map.of("worth", "exact"))).attribute(toy())
        .conversions("A")).isCloseTo(367.0 / 135, EXACT);
    assertThatThrownBy(() -> MODELS.create("shapley", ModelParameters.of(Map.of("worth", "superset"))))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("worth").hasMessageContaining("subsets");
    assertThat(MODELS.create("shapley-simplified").name()).isEqualTo("shapley-simplified");
    assertThat(MODELS.create("shapley-ordered").name()).isEqualTo("shapley-ordered");
    assertThat(MODELS.create("shapley").attribute(toy()).conversions("A")).isCloseTo(367.0 / 135, EXACT);
    List<Map<String, String>> bad = new ArrayList<>();
    bad.add(Map.of("sample", "10"));
    bad.add(Map.of("samples", "0"));
    bad.add(Map.of("samples", "1.5"));
    bad.add(Map.of("seed", "x"));
    bad.add(Map.of("exact-up-to", "21"));
    bad.add(Map.of("exact-up-to", "-1"));
    bad.add(Map.of("worth", ""));
    for (Map<String, String> parameters : bad) {
      assertThatThrownBy(() -> MODELS.create("shapley", ModelParameters.of(parameters)))
          .as(parameters.toString()).isInstanceOf(InvalidFieldException.class);
    }
    for (String name : Set.of("shapley-simplified", "shapley-ordered")) {
      assertThatThrownBy(() -> MODELS.create(name, ModelParameters.of(Map.of("seed", "1"))))
          .isInstanceOf(InvalidFieldException.class).hasMessageContaining("seed");
    }
    assertThatThrownBy(() -> ShapleyModel.of(0, 0, 20)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ShapleyModel.of(10, 0, 21)).isInstanceOf(InvalidFieldException.class);
  }
}
