package org.engagement.attribution.markov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Rows;
import org.junit.jupiter.api.Test;

/**
 * The solver by strongly connected components ({@link ComponentOrder}, {@link AbsorptionSolver}) against the
 * one it replaced, Gauss–Seidel sweeps over the whole chain (kept here as {@link #wholeChain}): the same
 * absorption probabilities and removal effects within the solver's tolerance, and the solving order is a
 * topological order of the components.
 */
class ComponentSolverTest {

  @Provide
  Arbitrary<Rows> rows() {
    return Rows.arbitrary(5);
  }

  @Property(tries = 300)
  void removalEffectsAreThoseOfTheWholeChainSolver(@ForAll("rows") Rows rows,
      @ForAll @IntRange(min = 1, max = 6) int order, @ForAll boolean collapse) {
    JourneySet set = rows.toSet();
    MarkovAnalysis analysis = MarkovModel.of(order, collapse).analyse(set);
    MarkovChain chain = analysis.chain();
    double p = wholeChain(chain, -1);
    assertThat(analysis.conversionProbability()).isCloseTo(p, within(1e-12));
    for (int c = 0; c < set.channels().size(); c++) {
      double expected = p > 0 ? Math.min(1, Math.max(0, 1 - wholeChain(chain, c) / p)) : 0;
      assertThat(analysis.removalEffect(c)).as("channel %s", set.channels().name(c))
          .isCloseTo(expected, within(1e-11));
    }
  }

  @Property(tries = 300)
  void everyComponentComesAfterTheComponentsItLeadsTo(@ForAll("rows") Rows rows,
      @ForAll @IntRange(min = 1, max = 6) int order, @ForAll boolean collapse) {
    MarkovChain chain = MarkovChain.of(rows.toSet(), order, collapse);
    ComponentOrder components = ComponentOrder.of(chain);
    int[] componentOf = componentsOf(chain, components);
    long cyclic = 0;
    for (int s = 0; s < chain.stateCount(); s++) {
      if (s == MarkovChain.CONVERSION || s == MarkovChain.NULL) {
        assertThat(componentOf[s]).isEqualTo(-1);
        continue;
      }
      assertThat(componentOf[s]).as("state %s is solved", chain.stateName(s)).isGreaterThanOrEqualTo(0);
      int k = componentOf[s];
      if (components.end(k) - components.start(k) > 1) {
        cyclic += chain.transitionEnd(s) - chain.transitionStart(s);
      }
      for (int e = chain.transitionStart(s); e < chain.transitionEnd(s); e++) {
        int t = chain.target(e);
        if (t != MarkovChain.CONVERSION && t != MarkovChain.NULL) {
          assertThat(componentOf[t]).isLessThanOrEqualTo(k);
        }
      }
    }
    assertThat(components.cyclicTransitions()).isEqualTo(cyclic);
  }

  @Test
  void aChainWithoutCyclesIsSolvedInOneSweepPerSolve() {
    JourneySet set = JourneySet.builder().add(List.of("A", "B", "C"), 2, 30, 1).add(List.of("B", "C"), 1, 5, 3)
        .add(List.of("C"), 0, 0, 2).build();
    MarkovAnalysis analysis = MarkovModel.firstOrder().analyse(set);
    // Two solves for the chain and two for each of the three removals, each one pass in topological order.
    assertThat(analysis.sweeps()).isEqualTo(8);
    assertThat(analysis.conversionProbability()).isCloseTo(3.0 / 9, within(1e-15));
  }

  @Test
  void aPathOfHundredsOfThousandsOfStatesNeedsNoDeepStack() {
    // Order 12 over 10 channels: nearly every window of the path is a new state, one long chain of states
    // that a recursive depth-first search would follow 300,000 calls deep.
    SplittableRandom random = new SplittableRandom(16);
    List<String> path = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      path.add("c" + random.nextInt(10));
    }
    JourneySet set = JourneySet.builder().add(path, 1, 10, 0).add(path.subList(0, 1_000), 0, 0, 1).build();
    MarkovChain chain = MarkovChain.of(set, 12, true);
    assertThat(chain.stateCount()).isGreaterThan(290_000);
    ComponentOrder components = ComponentOrder.of(chain);
    assertThat(components.count()).isEqualTo(chain.stateCount() - 2);
    assertThat(components.cyclicTransitions()).isZero();
    assertThat(MarkovModel.of(12, true).analyse(set).conversionProbability()).isCloseTo(0.5, within(1e-15));
  }

  private static int[] componentsOf(MarkovChain chain, ComponentOrder components) {
    int[] componentOf = new int[chain.stateCount()];
    java.util.Arrays.fill(componentOf, -1);
    for (int k = 0; k < components.count(); k++) {
      for (int i = components.start(k); i < components.end(k); i++) {
        assertThat(componentOf[components.state(i)]).isEqualTo(-1);
        componentOf[components.state(i)] = k;
      }
    }
    return componentOf;
  }

  /**
   * The probability of conversion from {@code (start)} with the states holding {@code removed} (or none, if
   * negative) fixed at 0, by Gauss–Seidel sweeps over the whole chain from the highest index down, to a
   * relative change of 1e-15: the solver this package used before it solved by components.
   */
  private static double wholeChain(MarkovChain chain, int removed) {
    int n = chain.stateCount();
    double[] x = new double[n];
    for (int sweep = 0; sweep < 1_000_000; sweep++) {
      double delta = 0;
      double scale = 0;
      for (int s = n - 1; s >= 0; s--) {
        if (s == MarkovChain.CONVERSION || s == MarkovChain.NULL || (removed >= 0 && chain.contains(s, removed))) {
          continue;
        }
        double v = 0;
        double loop = 0;
        for (int e = chain.transitionStart(s); e < chain.transitionEnd(s); e++) {
          int t = chain.target(e);
          if (t == s) {
            loop = chain.probability(e);
          } else {
            v += chain.probability(e) * (t == MarkovChain.CONVERSION ? 1 : x[t]);
          }
        }
        v = loop > 0 ? v / (1 - loop) : v;
        delta = Math.max(delta, Math.abs(v - x[s]));
        scale = Math.max(scale, Math.abs(v));
        x[s] = v;
      }
      if (delta <= 1e-15 * scale) {
        return x[MarkovChain.START];
      }
    }
    throw new AssertionError("the whole-chain solve did not settle");
  }
}
