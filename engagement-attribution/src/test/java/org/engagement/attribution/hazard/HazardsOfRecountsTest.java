package org.engagement.attribution.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Rows;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * The fits of a set's recounts with its paths grouped once ({@link AdditiveHazardModel#hazardsOfRecounts}, issue 16:
 * a validation's training folds) equal, to the bit, the fits of {@link AdditiveHazardModel#hazards} grouping each
 * recount anew: the same channel sets in the same order with the same counts, so the same Newton steps.
 */
class HazardsOfRecountsTest {
  @Provide
  Arbitrary<Rows> rows() {
    return Rows.arbitrary(6);
  }

  @Property(tries = 300)
  void recountsFitAsIfGroupedAnew(@ForAll("rows") Rows rows, @ForAll long seed) {
    JourneySet set = rows.toSet();
    Function<JourneySet, double[]> fit = AdditiveHazardModel.create().hazardsOfRecounts(set);
    SplittableRandom random = new SplittableRandom(seed);
    for (int fold = 0; fold < 5; fold++) {
      JourneySet recount = recount(set, random);

      assertThat(outcome(() -> fit.apply(recount)))
          .isEqualTo(outcome(() -> AdditiveHazardModel.create().hazards(recount)));
    }
  }

  @Test
  void refusesASetWithOtherPaths() {
    JourneySet set = JourneySet.builder().add(List.of("a", "b"), 2, 20, 3).add(List.of("b"), 1, 10, 4).build();
    JourneySet other = JourneySet.builder().add(List.of("a"), 2, 20, 3).add(List.of("b"), 1, 10, 4).build();

    assertThatThrownBy(() -> AdditiveHazardModel.create().hazardsOfRecounts(set).apply(other))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("recount");
    assertThat(AdditiveHazardModel.create().hazardsOfRecounts(set).apply(set))
        .isEqualTo(AdditiveHazardModel.create().hazards(set));
  }

  /**
   * {@code set}'s paths with each count cut by a drawn part (a training fold's counts, in tenths so that adding them
   * in another order would change the last bits), values 0.
   */
  private static JourneySet recount(JourneySet set, SplittableRandom random) {
    int paths = set.pathCount();
    double[] conversions = new double[paths];
    double[] nulls = new double[paths];
    for (int p = 0; p < paths; p++) {
      conversions[p] = Math.max(0, set.conversions(p) - random.nextInt(4) * 0.3);
      nulls[p] = Math.max(0, set.nulls(p) - random.nextInt(4) * 0.3);
    }
    return set.withCounts(conversions, new double[paths], nulls);
  }

  /** The fit, or the error's type and message: a recount without non-conversions fails alike on both. */
  private static Object outcome(Supplier<double[]> fit) {
    try {
      return Arrays.toString(fit.get());
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
