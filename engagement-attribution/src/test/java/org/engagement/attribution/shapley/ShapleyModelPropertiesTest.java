package org.engagement.attribution.shapley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.attribution.CreditChecks.assertEqualCredit;
import static org.engagement.attribution.CreditChecks.assertSameCredits;
import static org.engagement.attribution.CreditChecks.tolerance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Rows;
import org.engagement.core.domain.InvalidFieldException;

/** The properties of the Shapley models (each registered name and each worth) and of Shao and Li's model. */
class ShapleyModelPropertiesTest {
  private static final AttributionModels MODELS = AttributionModels.builder().registerAll(ShapleyModelProviders.all()).build();
  private static final ModelParameters SUBSETS = ModelParameters.of(Map.of(ShapleyModel.WORTH.name(), "subsets"));

  @Provide
  Arbitrary<AttributionModel> models() {
    return Arbitraries.of(MODELS.create("shapley"), MODELS.create("shapley", SUBSETS),
        MODELS.create("shapley-simplified"), MODELS.create("shapley-ordered"), ShaoLiModel.create());
  }

  /**
   * Rows with journeys that did not convert whenever they have conversions: the conversion-rate models
   * refuse the others ({@link #rateModelsRefuseConversionsWithoutNonConversions}).
   */
  @Provide
  Arbitrary<Rows> rows() {
    return Rows.arbitrary(5).filter(rows -> rows.toSet().totalNulls() > 0 || rows.toSet().totalConversions() == 0);
  }

  @Provide
  Arbitrary<Rows> wideRows() {
    return Rows.arbitrary(8);
  }

  @Property(tries = 300)
  void creditsAddUpToTheTotals(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows) {
    JourneySet set = rows.toSet();
    AttributionResult result = model.attribute(set);
    double conversions = 0;
    double value = 0;
    for (int c = 0; c < set.channels().size(); c++) {
      assertThat(result.conversions(c)).isGreaterThanOrEqualTo(0);
      assertThat(result.value(c)).isGreaterThanOrEqualTo(0);
      conversions += result.conversions(c);
      value += result.value(c);
    }
    assertThat(result.additive()).isTrue();
    assertThat(conversions).isCloseTo(set.totalConversions(), within(tolerance(set.totalConversions())));
    assertThat(value).isCloseTo(set.totalValue(), within(tolerance(set.totalValue())));
  }

  @Property(tries = 200)
  void rateModelsRefuseConversionsWithoutNonConversions(@ForAll("models") AttributionModel model,
      @ForAll("rows") Rows rows) {
    // Issue 12: with no journey that did not convert, every rate is 1 or 0; shapley gave 5 of 8 channels 0.
    List<Rows.Row> converting = new ArrayList<>();
    for (Rows.Row row : rows.rows()) {
      converting.add(new Rows.Row(row.path(), row.conversions() + 1, row.value(), 0));
    }
    JourneySet set = new Rows(converting).toSet();
    if (model.name().equals("shapley") || model.name().equals("shao-li")) {
      assertThatThrownBy(() -> model.attribute(set)).isInstanceOf(InvalidFieldException.class)
          .hasMessageStartingWith("totalNulls '0' is invalid: must be above 0 for " + model.name());
    } else {
      assertThat(model.attribute(set).conversionsByChannel().values().stream().mapToDouble(d -> d).sum())
          .isCloseTo(set.totalConversions(), within(tolerance(set.totalConversions())));
    }
  }

  @Property(tries = 300)
  void orderedCreditsSumOverPositionsToTheSimplifiedShapley(@ForAll("rows") Rows rows) {
    JourneySet set = rows.toSet();
    OrderedShapleyModel.ByPosition byPosition = OrderedShapleyModel.create().byPosition(set);
    AttributionResult simplified = SimplifiedShapleyModel.create().attribute(set);
    for (int c = 0; c < set.channels().size(); c++) {
      double conversions = 0;
      double value = 0;
      for (int i = 1; i <= byPosition.positions(); i++) {
        conversions += byPosition.conversions(c, i);
        value += byPosition.value(c, i);
      }
      assertThat(conversions).isCloseTo(simplified.conversions(c), within(tolerance(set.totalConversions())));
      assertThat(value).isCloseTo(simplified.value(c), within(tolerance(set.totalValue())));
    }
  }

  @Property(tries = 300)
  void aChannelOnNoConvertingPathGetsNoCredit(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows) {
    // "ghost" is only on non-converting journeys: v(S ∪ {ghost}) = 0 for every S, so its Shapley value is
    // at most 0 in the general game, and it shares no conversion in the simplified and ordered ones.
    Rows withGhost = rows.plus(List.of(new Rows.Row(List.of("ghost", "ch1"), 0, 0, 3),
        new Rows.Row(List.of("ch2", "ghost", "ghost"), 0, 0, 1)));
    AttributionResult result = model.attribute(withGhost.toSet());
    assertThat(result.conversions("ghost")).isZero();
    assertThat(result.value("ghost")).isZero();
  }

  @Property(tries = 300)
  void symmetricChannelsGetEqualCredit(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows) {
    // The mirror image of every row with ch1 and ch2 swapped makes the two channels interchangeable.
    Rows mirrored = rows.mirrored("ch1", "ch2");
    AttributionResult result = model.attribute(mirrored.toSet());
    assertEqualCredit(result, "ch1", "ch2");
  }

  @Property(tries = 300)
  void creditsDoNotDependOnRowOrder(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows,
      @ForAll long seed) {
    AttributionResult original = model.attribute(rows.toSet());
    AttributionResult shuffled = model.attribute(rows.shuffled(seed).toSet());
    assertSameCredits(original, shuffled, UnaryOperator.identity());
  }

  @Property(tries = 300)
  void creditsDoNotDependOnChannelNames(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows) {
    AttributionResult original = model.attribute(rows.toSet());
    AttributionResult renamed = model.attribute(rows.renamed(Rows::farName).toSet());
    assertSameCredits(original, renamed, Rows::farName);
  }

  @Property(tries = 200)
  void shapleyValuesAddUpToTheWorthOfTheGrandCoalition(@ForAll("wideRows") Rows rows) {
    JourneySet set = rows.toSet();
    int n = set.channels().size();
    double[] phi = ShapleyModel.create().shapleyValues(set);
    double sum = 0;
    for (double p : phi) {
      sum += p;
    }
    // v(N): the conversion rate of the journeys exposed to every channel of the set.
    double converted = 0;
    double exposed = 0;
    for (int p = 0; p < set.pathCount(); p++) {
      if (Arrays.stream(set.path(p)).distinct().count() == n) {
        converted += set.conversions(p);
        exposed += set.conversions(p) + set.nulls(p);
      }
    }
    assertThat(sum).isCloseTo(exposed > 0 ? converted / exposed : 0, within(1e-12));
  }

  @Property(tries = 200)
  void subsetsShapleyValuesAddUpToTheOverallConversionRate(@ForAll("wideRows") Rows rows) {
    JourneySet set = rows.toSet();
    double[] phi = ShapleyModel.create().withWorth(CoalitionWorth.SUBSETS).shapleyValues(set);
    // v(N) in the subsets game: every journey's channel set is a subset of N.
    double all = set.totalConversions() + set.totalNulls();
    assertThat(Arrays.stream(phi).sum()).isCloseTo(all > 0 ? set.totalConversions() / all : 0, within(1e-12));
  }

  @Property(tries = 100)
  void subsetsShapleyMatchesTheDefinitionEvaluatedPerCoalition(@ForAll("rows") Rows rows) {
    // The zeta transform against the definition: v(S) summed directly over the paths whose set is within S.
    JourneySet set = rows.toSet();
    int n = set.channels().size();
    double[] v = new double[1 << n];
    for (int mask = 0; mask < v.length; mask++) {
      double converted = 0;
      double exposed = 0;
      for (int p = 0; p < set.pathCount(); p++) {
        int pathMask = Arrays.stream(set.path(p)).map(c -> 1 << c).reduce(0, (a, b) -> a | b);
        if ((pathMask & ~mask) == 0) {
          converted += set.conversions(p);
          exposed += set.conversions(p) + set.nulls(p);
        }
      }
      v[mask] = exposed > 0 ? converted / exposed : 0;
    }
    double[] phi = ShapleyModel.create().withWorth(CoalitionWorth.SUBSETS).shapleyValues(set);
    for (int c = 0; c < n; c++) {
      assertThat(phi[c]).as("channel %d", c).isCloseTo(shapleyByPermutations(v, n, c), within(1e-12));
    }
  }

  /** φ_c as the mean marginal contribution over all n! orders (n at most 5 here), independent of the model. */
  private static double shapleyByPermutations(double[] v, int n, int c) {
    double total = 0;
    long orders = 0;
    for (List<Integer> order : permutations(n)) {
      int before = 0;
      for (int player : order) {
        if (player == c) {
          break;
        }
        before |= 1 << player;
      }
      total += v[before | 1 << c] - v[before];
      orders++;
    }
    return total / orders;
  }

  private static List<List<Integer>> permutations(int n) {
    List<List<Integer>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (int k = 0; k < n; k++) {
      List<List<Integer>> next = new ArrayList<>();
      for (List<Integer> prefix : out) {
        for (int i = 0; i <= prefix.size(); i++) {
          List<Integer> grown = new ArrayList<>(prefix);
          grown.add(i, k);
          next.add(grown);
        }
      }
      out = next;
    }
    return out;
  }

  @Property(tries = 100)
  void sampledEstimatesAreWithinTheStatedBoundOfTheExactValues(@ForAll("wideRows") Rows rows,
      @ForAll long seed, @ForAll @IntRange(min = 200, max = 2_000) int samples, @ForAll CoalitionWorth worth) {
    JourneySet set = rows.toSet();
    int n = set.channels().size();
    double[] exact = ShapleyModel.create().withWorth(worth).shapleyValues(set);
    ShapleyModel sampler = ShapleyModel.of(samples, seed, 0).withWorth(worth);
    assertThat(sampler.isExact(n)).isFalse();
    double[] sampled = sampler.shapleyValues(set);
    assertThat(ShapleyModel.of(samples, seed, 0).withWorth(worth).shapleyValues(set)).containsExactly(sampled);
    // δ = 1e-6: a failure would have probability at most one in a million per try.
    double bound = ShapleyModel.errorBound(n, samples, ShapleyModel.maxWorth(set), 1e-6);
    for (int c = 0; c < n; c++) {
      assertThat(Math.abs(sampled[c] - exact[c])).as("channel %d", c).isLessThanOrEqualTo(bound + 1e-12);
    }
  }
}
