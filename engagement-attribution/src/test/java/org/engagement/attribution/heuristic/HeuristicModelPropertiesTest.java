package org.engagement.attribution.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.attribution.CreditChecks.assertEqualCredit;
import static org.engagement.attribution.CreditChecks.assertSameCredits;
import static org.engagement.attribution.CreditChecks.tolerance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Rows;

/** The properties every path-based heuristic model has, checked for each registered name. */
class HeuristicModelPropertiesTest {
  private static final AttributionModels MODELS = AttributionModels.builder().registerAll(HeuristicModelProviders.all()).build();

  @Provide
  Arbitrary<AttributionModel> models() {
    List<AttributionModel> models = new ArrayList<>();
    for (String name : MODELS.names()) {
      if (name.equals("time-decay") || name.equals("w-shaped")) {
        continue; // need touch times and types: TimeDecayModelTest, WShapedModelTest
      }
      models.add(name.equals("custom")
          ? MODELS.create(name, ModelParameters.of(Map.of("first", "0.5", "middle", "0.3", "last", "0.2")))
          : name.equals("last-non-direct")
              ? MODELS.create(name, ModelParameters.of(Map.of("direct", "ch0,ch3")))
              : MODELS.create(name));
    }
    return Arbitraries.of(models);
  }

  @Provide
  Arbitrary<Rows> rows() {
    return Rows.arbitrary(5);
  }

  @Property
  void creditsAddUpToTheTotals(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows) {
    JourneySet set = rows.toSet();
    AttributionResult result = model.attribute(set);
    double conversions = 0;
    double value = 0;
    for (int c = 0; c < set.channels().size(); c++) {
      conversions += result.conversions(c);
      value += result.value(c);
      assertThat(result.conversions(c)).isGreaterThanOrEqualTo(0);
    }
    assertThat(result.totalConversions()).isEqualTo(set.totalConversions());
    assertThat(result.totalValue()).isEqualTo(set.totalValue());
    if (result.additive()) {
      assertThat(conversions).isCloseTo(set.totalConversions(), within(tolerance(set.totalConversions())));
      assertThat(value).isCloseTo(set.totalValue(), within(tolerance(set.totalValue())));
    } else {
      // Participation: each channel's credit is at most the total, and together they cover it.
      for (int c = 0; c < set.channels().size(); c++) {
        assertThat(result.conversions(c)).isLessThanOrEqualTo(set.totalConversions() + 1e-9);
      }
      assertThat(conversions).isGreaterThanOrEqualTo(set.totalConversions() - tolerance(set.totalConversions()));
    }
  }

  @Property
  void aChannelOnNoConvertingPathGetsNoCredit(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows) {
    Rows withGhost = rows.plus(List.of(new Rows.Row(List.of("ghost", "ch1"), 0, 0, 3),
        new Rows.Row(List.of("ch2", "ghost", "ghost"), 0, 0, 1)));
    AttributionResult result = model.attribute(withGhost.toSet());
    assertThat(result.conversions("ghost")).isZero();
    assertThat(result.value("ghost")).isZero();
  }

  @Property
  void creditsDoNotDependOnRowOrder(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows,
      @ForAll long seed) {
    AttributionResult original = model.attribute(rows.toSet());
    AttributionResult shuffled = model.attribute(rows.shuffled(seed).toSet());
    assertSameCredits(original, shuffled, UnaryOperator.identity());
  }

  @Property
  void creditsDoNotDependOnChannelNames(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows) {
    // Rename chK to a name that sorts and hashes differently; the direct channels of last-non-direct are
    // renamed with them.
    AttributionModel renamedModel = model.name().equals("last-non-direct")
        ? MODELS.create("last-non-direct",
            ModelParameters.of(Map.of("direct", Rows.farName("ch0") + "," + Rows.farName("ch3"))))
        : model;
    AttributionResult original = model.attribute(rows.toSet());
    AttributionResult renamed = renamedModel.attribute(rows.renamed(Rows::farName).toSet());
    // Renamed channels sort differently, so the canonical path order and with it the order of the sums
    // change: equal up to rounding.
    assertSameCredits(original, renamed, Rows::farName);
  }

  @Property
  void lastTouchesAddUpAndAssistsNeverExceedParticipation(@ForAll("rows") Rows rows) {
    JourneySet set = rows.toSet();
    AssistedConversions assists = AssistedConversions.of(set);
    AttributionResult participation = HeuristicModel.participation().attribute(set);
    AttributionResult last = HeuristicModel.lastTouch().attribute(set);
    double lastTouches = 0;
    for (int c = 0; c < set.channels().size(); c++) {
      lastTouches += assists.lastTouch(c);
      assertThat(assists.lastTouch(c)).isCloseTo(last.conversions(c), within(1e-9));
      assertThat(assists.assisted(c)).isLessThanOrEqualTo(participation.conversions(c) + 1e-9);
      assertThat(assists.assisted(c) + assists.lastTouch(c))
          .isGreaterThanOrEqualTo(participation.conversions(c) - 1e-9);
    }
    assertThat(lastTouches).isCloseTo(set.totalConversions(), within(tolerance(set.totalConversions())));
  }

  @Property
  void symmetricChannelsGetEqualCredit(@ForAll("models") AttributionModel model, @ForAll("rows") Rows rows) {
    // Add the mirror image of every row with ch1 and ch2 swapped: the two channels are then interchangeable.
    Rows mirrored = rows.mirrored("ch1", "ch2");
    AttributionResult result = model.attribute(mirrored.toSet());
    assertEqualCredit(result, "ch1", "ch2");
  }
}
