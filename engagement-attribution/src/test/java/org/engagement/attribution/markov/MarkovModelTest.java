package org.engagement.attribution.markov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.attribution.journey.ToyPaths.toy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelLimitException;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class MarkovModelTest {
  private static final Offset<Double> EXACT = within(1e-12);

  private static JourneySet set(Object[]... rows) {
    JourneySet.Builder builder = JourneySet.builder();
    for (Object[] row : rows) {
      builder.add(List.of(((String) row[0]).split(" > ")), ((Number) row[1]).doubleValue(),
          ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue());
    }
    return builder.build();
  }

  private static Object[] row(String path, double conversions, double value, double nulls) {
    return new Object[] {path, conversions, value, nulls};
  }

  private static int state(MarkovChain chain, String name) {
    int s = chain.stateNames().indexOf(name);
    assertThat(s).as("state %s in %s", name, chain.stateNames()).isGreaterThanOrEqualTo(0);
    return s;
  }

  @Test
  void toyRemovalEffectsMatchTheReference() throws IOException {
    // Reference table: Markov order 1 removal effect (exact) A 203/384, B 77/96, C 5/8; P(conv) = 1/3.
    MarkovAnalysis analysis = MarkovModel.firstOrder().analyse(toy());
    assertThat(analysis.conversionProbability()).isCloseTo(1.0 / 3, EXACT);
    assertThat(analysis.removalEffects().get("A")).isCloseTo(203.0 / 384, EXACT);
    assertThat(analysis.removalEffects().get("B")).isCloseTo(77.0 / 96, EXACT);
    assertThat(analysis.removalEffects().get("C")).isCloseTo(5.0 / 8, EXACT);
  }

  @Test
  void toyCreditsMatchTheReference() throws IOException {
    // Reference: 2.162450, 3.280959, 2.556591 = RE / (751/384) * 8, i.e. 1624/751, 2464/751, 1920/751 (ours).
    AttributionResult result = MarkovModel.firstOrder().attribute(toy());
    assertThat(result.conversions("A")).isCloseTo(1624.0 / 751, EXACT).isCloseTo(2.162450, within(1e-6));
    assertThat(result.conversions("B")).isCloseTo(2464.0 / 751, EXACT).isCloseTo(3.280959, within(1e-6));
    assertThat(result.conversions("C")).isCloseTo(1920.0 / 751, EXACT).isCloseTo(2.556591, within(1e-6));
    assertThat(result.value("A") + result.value("B") + result.value("C")).isCloseTo(92, within(1e-9));
    assertThat(result.additive()).isTrue();
    assertThat(result.model()).isEqualTo("markov");
  }

  @Test
  void toyChainHasNoSelfLoopsWhenCollapsed() throws IOException {
    MarkovChain chain = MarkovModel.firstOrder().analyse(toy()).chain();
    assertThat(chain.stateNames()).containsExactly("(start)", "(conversion)", "(null)", "A", "B", "C");
    int a = state(chain, "A");
    // A > A > B counts as A > B: A -> A never, A -> B from rows 1, 2 (5 + 4), A -> C from row 6 (2),
    // A -> null from row 5 (5); total 16.
    assertThat(chain.probability(a, a)).isZero();
    assertThat(chain.probability(a, state(chain, "B"))).isCloseTo(9.0 / 16, EXACT);
    assertThat(chain.probability(a, state(chain, "C"))).isCloseTo(2.0 / 16, EXACT);
    assertThat(chain.probability(a, MarkovChain.NULL)).isCloseTo(5.0 / 16, EXACT);
    assertThat(chain.probability(a, MarkovChain.CONVERSION)).isZero();
    MarkovChain loops = MarkovModel.of(1, false).analyse(toy()).chain();
    assertThat(loops.probability(a, a)).isCloseTo(4.0 / 20, EXACT);
  }

  /**
   * Worked by hand: A > B (1 conv, 10, 1 null), B (1, 30, 1), A (0, 0, 2), B > A (1, 50, 0).
   * start -> A 4/7, -> B 3/7; A -> B 2/5, null 2/5, conv 1/5; B -> A 1/5, null 2/5, conv 2/5.
   * h(A) = 9/23, h(B) = 11/23, P = 3/7; without A: P = 3/7 * 2/5, RE 3/5; without B: P = 4/7 * 1/5,
   * RE 11/15. Mean values: A 50, B 20; V = 90/7; without A: 24/7 (RE 11/15); without B: 40/7 (RE 5/9).
   */
  @Test
  void handWorkedChain() {
    JourneySet set = set(row("A > B", 1, 10, 1), row("B", 1, 30, 1), row("A", 0, 0, 2), row("B > A", 1, 50, 0));
    MarkovAnalysis analysis = MarkovModel.firstOrder().analyse(set);
    MarkovChain chain = analysis.chain();
    int a = state(chain, "A");
    int b = state(chain, "B");
    assertThat(chain.probability(MarkovChain.START, a)).isCloseTo(4.0 / 7, EXACT);
    assertThat(chain.probability(MarkovChain.START, b)).isCloseTo(3.0 / 7, EXACT);
    assertThat(chain.probability(a, b)).isCloseTo(2.0 / 5, EXACT);
    assertThat(chain.probability(b, a)).isCloseTo(1.0 / 5, EXACT);
    assertThat(chain.probability(b, MarkovChain.CONVERSION)).isCloseTo(2.0 / 5, EXACT);
    assertThat(chain.meanValue(a)).isEqualTo(50);
    assertThat(chain.meanValue(b)).isEqualTo(20);
    assertThat(analysis.conversionProbability()).isCloseTo(3.0 / 7, EXACT);
    assertThat(analysis.conversionValue()).isCloseTo(90.0 / 7, EXACT);
    assertThat(analysis.removalEffect(0)).isCloseTo(3.0 / 5, EXACT);
    assertThat(analysis.removalEffect(1)).isCloseTo(11.0 / 15, EXACT);
    assertThat(analysis.valueRemovalEffect(0)).isCloseTo(11.0 / 15, EXACT);
    assertThat(analysis.valueRemovalEffect(1)).isCloseTo(5.0 / 9, EXACT);
    AttributionResult result = analysis.result();
    assertThat(result.conversions("A")).isCloseTo(27.0 / 20, EXACT);
    assertThat(result.conversions("B")).isCloseTo(33.0 / 20, EXACT);
    assertThat(result.value("A")).isCloseTo(1485.0 / 29, EXACT);
    assertThat(result.value("B")).isCloseTo(1125.0 / 29, EXACT);
  }

  /**
   * Order 2 by hand: A > B > C (1 conv), B > C (1 null), A (1 conv, 1 null), A > B (1 null). States AB, BC, A
   * (the short path is its own state). start -> AB 2/5, BC 1/5, A 2/5; AB -> BC 1/2, null 1/2; BC and A
   * convert with 1/2. P = 2/5; without A (AB, A): 1/10, RE 3/4; without B (AB, BC): 1/5, RE 1/2; without C
   * (BC): 1/5, RE 1/2. Credits over 2 conversions: 6/7, 4/7, 4/7.
   */
  @Test
  void secondOrderByHand() {
    JourneySet set = set(row("A > B > C", 1, 0, 0), row("B > C", 0, 0, 1), row("A", 1, 0, 1),
        row("A > B", 0, 0, 1));
    MarkovAnalysis analysis = MarkovModel.of(2, true).analyse(set);
    MarkovChain chain = analysis.chain();
    assertThat(chain.order()).isEqualTo(2);
    assertThat(chain.stateNames()).containsExactly("(start)", "(conversion)", "(null)", "A", "A > B", "B > C");
    assertThat(chain.probability(MarkovChain.START, state(chain, "A > B"))).isCloseTo(2.0 / 5, EXACT);
    assertThat(chain.probability(state(chain, "A > B"), state(chain, "B > C"))).isCloseTo(1.0 / 2, EXACT);
    assertThat(analysis.conversionProbability()).isCloseTo(2.0 / 5, EXACT);
    assertThat(analysis.removalEffects()).containsOnlyKeys("A", "B", "C");
    assertThat(analysis.removalEffects().get("A")).isCloseTo(3.0 / 4, EXACT);
    assertThat(analysis.removalEffects().get("B")).isCloseTo(1.0 / 2, EXACT);
    assertThat(analysis.removalEffects().get("C")).isCloseTo(1.0 / 2, EXACT);
    AttributionResult result = analysis.result();
    assertThat(result.conversions("A")).isCloseTo(6.0 / 7, EXACT);
    assertThat(result.conversions("B")).isCloseTo(4.0 / 7, EXACT);
    assertThat(result.conversions("C")).isCloseTo(4.0 / 7, EXACT);
  }

  @Test
  void collapseMergesIdenticalConsecutiveStatesAtHigherOrder() {
    JourneySet set = set(row("A > A > A > B", 1, 0, 0));
    MarkovChain collapsed = MarkovModel.of(2, true).analyse(set).chain();
    int aa = state(collapsed, "A > A");
    assertThat(collapsed.probability(aa, aa)).isZero();
    assertThat(collapsed.probability(aa, state(collapsed, "A > B"))).isEqualTo(1);
    assertThat(collapsed.stateChannels(aa)).containsExactly(0, 0);
    MarkovChain loops = MarkovModel.of(2, false).analyse(set).chain();
    assertThat(loops.probability(aa, aa)).isCloseTo(0.5, EXACT);
    assertThat(loops.transitionCount()).isEqualTo(4);
    int transitions = 0;
    for (int s = 0; s < loops.stateCount(); s++) {
      double sum = 0;
      for (int e = loops.transitionStart(s); e < loops.transitionEnd(s); e++) {
        sum += loops.probability(e);
        assertThat(loops.target(e)).isBetween(0, loops.stateCount() - 1);
        transitions++;
      }
      if (loops.transitionEnd(s) > loops.transitionStart(s)) {
        assertThat(sum).isCloseTo(1, EXACT);
      }
    }
    assertThat(transitions).isEqualTo(loops.transitionCount());
  }

  @Test
  void fractionalCountsAreWeights() {
    JourneySet whole = set(row("A > B", 2, 20, 6), row("B", 4, 8, 2));
    JourneySet halves = set(row("A > B", 1, 10, 3), row("B", 2, 4, 1));
    JourneySet fractions = set(row("A > B", 0.25, 2.5, 0.75), row("B", 0.5, 1, 0.25));
    Map<String, Double> expected = MarkovModel.firstOrder().analyse(whole).removalEffects();
    assertThat(MarkovModel.firstOrder().analyse(halves).removalEffects().get("A")).isCloseTo(expected.get("A"), EXACT);
    assertThat(MarkovModel.firstOrder().analyse(fractions).removalEffects().get("A"))
        .isCloseTo(expected.get("A"), EXACT);
  }

  @Test
  void aSetWithoutConversionsGetsNoCredit() {
    AttributionResult result = MarkovModel.firstOrder().attribute(set(row("A > B", 0, 0, 3)));
    assertThat(result.conversions("A")).isZero();
    assertThat(result.conversions("B")).isZero();
  }

  @Test
  void highOrdersWork() throws IOException {
    for (int order = 1; order <= 9; order++) {
      MarkovAnalysis analysis = MarkovModel.of(order, true).analyse(toy());
      double sum = 0;
      for (String channel : List.of("A", "B", "C")) {
        sum += analysis.result().conversions(channel);
      }
      assertThat(sum).as("order %d", order).isCloseTo(8, within(1e-9));
    }
  }

  /**
   * A generated set large enough to grow the state table and to give (start) more than 32 targets: rows stay
   * sorted and stochastic, and P(conversion) is the observed conversion rate (the chain conserves the flow of
   * the paths it is built from).
   */
  @Test
  void largeGeneratedChainsAreConsistent() {
    java.util.Random random = new java.util.Random(7);
    JourneySet.Builder builder = JourneySet.builder();
    for (int j = 0; j < 4_000; j++) {
      int length = 1 + random.nextInt(10);
      List<String> path = new java.util.ArrayList<>();
      for (int i = 0; i < length; i++) {
        path.add("c" + random.nextInt(6));
      }
      boolean converted = random.nextInt(4) == 0;
      builder.add(path, converted ? 1 : 0, converted ? random.nextInt(100) : 0, converted ? 0 : 1.5);
    }
    JourneySet set = builder.build();
    for (int order : new int[] {1, 4, 8}) {
      MarkovAnalysis analysis = MarkovModel.of(order, true).analyse(set);
      MarkovChain chain = analysis.chain();
      assertThat(chain.transitionEnd(MarkovChain.START) - chain.transitionStart(MarkovChain.START))
          .isGreaterThan(order == 1 ? 5 : 32);
      for (int s = 0; s < chain.stateCount(); s++) {
        double sum = 0;
        for (int e = chain.transitionStart(s); e < chain.transitionEnd(s); e++) {
          if (e > chain.transitionStart(s)) {
            assertThat(chain.target(e)).isGreaterThan(chain.target(e - 1));
          }
          assertThat(chain.probability(s, chain.target(e))).isEqualTo(chain.probability(e));
          sum += chain.probability(e);
        }
        if (s != MarkovChain.CONVERSION && s != MarkovChain.NULL) {
          assertThat(sum).as("row %s", chain.stateName(s)).isCloseTo(1, within(1e-12));
        }
      }
      assertThat(analysis.conversionProbability())
          .isCloseTo(set.totalConversions() / (set.totalConversions() + set.totalNulls()), within(1e-12));
      double credits = 0;
      for (int c = 0; c < set.channels().size(); c++) {
        credits += analysis.result().conversions(c);
      }
      assertThat(credits).isCloseTo(set.totalConversions(), within(1e-9));
    }
  }

  @Test
  void selfLoopsDoNotSlowTheSolver() {
    // Without collapsing, 2,000 touches of A give p(A -> A) = 1999/2000: solved exactly within each update.
    List<String> path = new java.util.ArrayList<>(java.util.Collections.nCopies(2_000, "A"));
    path.add("B");
    JourneySet set = JourneySet.builder().add(path, 1, 5, 0).add(List.of("A"), 0, 0, 1).build();
    MarkovAnalysis analysis = MarkovModel.of(1, false).withSolver(1e-14, 3).analyse(set);
    MarkovChain chain = analysis.chain();
    assertThat(chain.probability(3, 3)).isCloseTo(1999.0 / 2001, EXACT);
    assertThat(analysis.conversionProbability()).isCloseTo(0.5, EXACT);
    assertThat(analysis.removalEffects().get("A")).isCloseTo(1, EXACT);
    assertThat(analysis.removalEffects().get("B")).isCloseTo(1, EXACT);
  }

  @Test
  void nonConvergenceIsReported() throws IOException {
    MarkovModel model = MarkovModel.firstOrder().withSolver(1e-14, 1);
    assertThatThrownBy(() -> model.attribute(toy())).isInstanceOf(ModelLimitException.class)
        .hasMessageContaining("did not converge within 1 Gauss-Seidel sweeps");
  }

  @Test
  void oneJourneyOfAHundredThousandTouchesIsSolvedByDefault() {
    // Issue 12: "did not converge within 100000 Gauss-Seidel sweeps"; the limit now adapts to the longest path.
    SplittableRandom random = new SplittableRandom(1);
    List<String> path = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      path.add("c" + random.nextInt(10));
    }
    JourneySet set = JourneySet.builder().add(path, 1, 10, 0).build();
    MarkovModel model = MarkovModel.firstOrder();
    assertThat(model.maxIterations()).isZero();
    assertThat(model.sweepLimit(set)).isEqualTo(6_400_000);
    MarkovAnalysis analysis = model.analyse(set);
    // The chain is nearly singular (a state's exit to conversion has probability about 1e-5), so the
    // stopping rule on the change per sweep leaves an error of about 1e-9 rather than 1e-14.
    assertThat(analysis.conversionProbability()).isCloseTo(1, within(1e-8));
    double credits = analysis.result().conversionsByChannel().values().stream().mapToDouble(d -> d).sum();
    assertThat(credits).isCloseTo(1, within(1e-9));
    // Only the last touch's channel leads to the conversion, so removing it loses every conversion; removing
    // another loses all but the walks that reach the conversion before the removed channel (about 1e-4).
    String last = path.get(path.size() - 1);
    assertThat(analysis.removalEffects().get(last)).isEqualTo(1);
    for (double effect : analysis.removalEffects().values()) {
      assertThat(effect).isCloseTo(1, within(1e-3));
    }
    // The one path converts, so the result says that the removal effects are not about conversion chances.
    assertThat(analysis.result().notes()).singleElement().asString().startsWith("markov: no journey in this set"
        + " ended without a conversion");
    // A fixed limit is still a limit.
    assertThatThrownBy(() -> model.withSolver(1e-14, 100_000).analyse(set)).isInstanceOf(ModelLimitException.class)
        .hasMessageContaining("did not converge within 100,000 Gauss-Seidel sweeps")
        .hasMessageContaining("raise the parameter max-iterations");
    assertThat(MarkovModel.firstOrder().sweepLimit(toy())).isEqualTo(MarkovModel.MIN_ADAPTIVE_ITERATIONS);
  }

  @Test
  void tenThousandChannelsAreRefusedBeforeTheRemovalSolves() {
    // Issue 12: 10,000 channels took 356 s; the removal solves would need more than max-work.
    SplittableRandom random = new SplittableRandom(2);
    JourneySet.Builder builder = JourneySet.builder();
    for (int j = 0; j < 30_000; j++) {
      List<String> path = new ArrayList<>();
      for (int i = 1 + random.nextInt(8); i > 0; i--) {
        path.add("ch" + random.nextInt(10_000));
      }
      builder.add(path, random.nextInt(4), random.nextInt(100), random.nextInt(6));
    }
    JourneySet set = builder.build();
    assertThatThrownBy(() -> MarkovModel.firstOrder().attribute(set))
        .isInstanceOfSatisfying(ModelLimitException.class, refused -> {
          assertThat(refused.model()).isEqualTo("markov");
          assertThat(refused.parameter()).isEqualTo("max-work");
          assertThat(refused.limit()).isEqualTo(MarkovModel.DEFAULT_MAX_WORK);
        })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("markov: removing each of the 10,000 channels of this chain")
        .hasMessageContaining("more than max-work (30,000,000,000); raise the parameter max-work");
  }

  @Test
  void anAnalysisThatRunsOverItsWorkLimitIsStopped() throws IOException {
    // The toy's chain has 12 transitions, 7 of them out of its one cycle (A and B), and its 8 solves visit 456
    // transitions: 400 passes the check before the removals (each needs one pass and a second sweep of the
    // cycle) and is reached during them.
    MarkovModel small = MarkovModel.firstOrder().withMaxWork(400);
    assertThatThrownBy(() -> small.attribute(toy())).isInstanceOf(ModelLimitException.class)
        .hasMessageStartingWith("markov: stopped at its work limit max-work (400 transition visits)");
    assertThat(MarkovModel.firstOrder().withMaxWork(100_000).attribute(toy()).conversions("C"))
        .isCloseTo(1920.0 / 751, EXACT);
    assertThat(small.parameters().asText()).containsEntry("max-work", "400");
    assertThatThrownBy(() -> MarkovModel.firstOrder().withMaxWork(0)).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void registeredWithParameters() throws IOException {
    AttributionModels models = AttributionModels.builder().register(new MarkovModelProvider()).build();
    assertThat(models.names()).containsExactly("markov");
    AttributionModel byDefault = models.create("markov");
    assertThat(byDefault.parameters().asText()).containsExactly(Map.entry("order", "1"), Map.entry("collapse", "true"));
    assertThat(byDefault.attribute(toy()).conversions("C")).isCloseTo(1920.0 / 751, EXACT);
    MarkovModel third = (MarkovModel) models.create("markov",
        ModelParameters.of(Map.of("order", "3", "collapse", "FALSE", "tolerance", "1e-12", "max-iterations", "500")));
    assertThat(third.order()).isEqualTo(3);
    assertThat(third.collapse()).isFalse();
    assertThat(third.tolerance()).isEqualTo(1e-12);
    assertThat(third.maxIterations()).isEqualTo(500);
    assertThatThrownBy(() -> models.create("markov", ModelParameters.of(Map.of("ordre", "2"))))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("ordre");
    assertThatThrownBy(() -> models.create("markov", ModelParameters.of(Map.of("order", "0"))))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> models.create("markov", ModelParameters.of(Map.of("order", "1.5"))))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> models.create("markov", ModelParameters.of(Map.of("collapse", "maybe"))))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> MarkovModel.of(MarkovModel.MAX_ORDER + 1, true)).isInstanceOf(InvalidFieldException.class);
    assertThat(MarkovModel.of(8, true).order()).isEqualTo(8);
  }
}
