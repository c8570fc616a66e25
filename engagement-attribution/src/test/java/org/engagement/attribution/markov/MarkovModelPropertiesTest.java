package org.engagement.attribution.markov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.attribution.CreditChecks.assertEqualCredit;
import static org.engagement.attribution.CreditChecks.assertSameCredits;
import static org.engagement.attribution.CreditChecks.tolerance;

import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Rows;

/** Properties of the exact Markov model, for orders 1 to 3, with and without collapsing. */
class MarkovModelPropertiesTest {

  @Provide
  Arbitrary<Rows> rows() {
    return Rows.arbitrary(5);
  }

  @Property(tries = 300)
  void creditsAddUpToTheTotals(@ForAll("rows") Rows rows, @ForAll @IntRange(min = 1, max = 3) int order,
      @ForAll boolean collapse) {
    JourneySet set = rows.toSet();
    Assume.that(set.totalConversions() > 0);
    AttributionResult result = MarkovModel.of(order, collapse).attribute(set);
    double conversions = 0;
    double value = 0;
    for (int c = 0; c < set.channels().size(); c++) {
      assertThat(result.conversions(c)).isGreaterThanOrEqualTo(0);
      assertThat(result.value(c)).isGreaterThanOrEqualTo(0);
      conversions += result.conversions(c);
      value += result.value(c);
    }
    assertThat(conversions).isCloseTo(set.totalConversions(), within(tolerance(set.totalConversions())));
    assertThat(value).isCloseTo(set.totalValue(), within(tolerance(set.totalValue())));
  }

  @Property(tries = 300)
  void removalEffectsAreBetweenZeroAndOne(@ForAll("rows") Rows rows, @ForAll @IntRange(min = 1, max = 3) int order,
      @ForAll boolean collapse) {
    MarkovAnalysis analysis = MarkovModel.of(order, collapse).analyse(rows.toSet());
    for (double effect : analysis.removalEffects().values()) {
      assertThat(effect).isBetween(0.0, 1.0);
    }
    for (double effect : analysis.valueRemovalEffects().values()) {
      assertThat(effect).isBetween(0.0, 1.0);
    }
    JourneySet set = rows.toSet();
    double journeys = set.totalConversions() + set.totalNulls();
    // The chain conserves the flow of the paths, so P(conversion) is the observed conversion rate.
    assertThat(analysis.conversionProbability())
        .isCloseTo(journeys > 0 ? set.totalConversions() / journeys : 0, within(1e-12));
  }

  @Property(tries = 300)
  void aChannelOnNoConvertingPathGetsNoCredit(@ForAll("rows") Rows rows,
      @ForAll @IntRange(min = 1, max = 3) int order, @ForAll boolean collapse) {
    // The ghost channel ends non-converting paths only, so no state with it leads to a conversion. (A channel
    // in the middle of non-converting paths can get credit: the chain forgets where a walk came from.)
    Rows withGhost = rows.plus(List.of(new Rows.Row(List.of("ch1", "ghost"), 0, 0, 3),
        new Rows.Row(List.of("ch2", "ghost", "ghost"), 0, 0, 1), new Rows.Row(List.of("ghost"), 0, 0, 2)));
    MarkovAnalysis analysis = MarkovModel.of(order, collapse).analyse(withGhost.toSet());
    assertThat(analysis.removalEffects().get("ghost")).isCloseTo(0, within(1e-12));
    assertThat(analysis.result().conversions("ghost")).isCloseTo(0, within(1e-9));
    assertThat(analysis.result().value("ghost")).isCloseTo(0, within(1e-9));
  }

  @Property(tries = 200)
  void creditsDoNotDependOnRowOrder(@ForAll("rows") Rows rows, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int order) {
    MarkovModel model = MarkovModel.of(order, true);
    AttributionResult original = model.attribute(rows.toSet());
    AttributionResult shuffled = model.attribute(rows.shuffled(seed).toSet());
    assertSameCredits(original, shuffled, UnaryOperator.identity());
  }

  @Property(tries = 200)
  void creditsDoNotDependOnChannelNames(@ForAll("rows") Rows rows, @ForAll @IntRange(min = 1, max = 3) int order) {
    MarkovModel model = MarkovModel.of(order, true);
    AttributionResult original = model.attribute(rows.toSet());
    AttributionResult renamed = model.attribute(rows.renamed(Rows::farName).toSet());
    assertSameCredits(original, renamed, Rows::farName);
  }

  @Property(tries = 200)
  void symmetricChannelsGetEqualCredit(@ForAll("rows") Rows rows, @ForAll @IntRange(min = 1, max = 3) int order,
      @ForAll boolean collapse) {
    Rows mirrored = rows.mirrored("ch1", "ch2");
    MarkovAnalysis analysis = MarkovModel.of(order, collapse).analyse(mirrored.toSet());
    AttributionResult result = analysis.result();
    assertEqualCredit(result, "ch1", "ch2");
  }
}
