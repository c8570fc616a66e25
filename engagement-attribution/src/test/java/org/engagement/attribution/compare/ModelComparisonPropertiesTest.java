package org.engagement.attribution.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Rows;

/** A comparison holds exactly what each model computes on its own, and additive totals add up. */
class ModelComparisonPropertiesTest {
  private static final AttributionModels MODELS = AttributionModels.defaults();
  private static final List<AttributionModel> COMPARED = List.of(MODELS.create("first-touch"),
      MODELS.create("last-touch"), MODELS.create("linear"), MODELS.create("linear-unique"),
      MODELS.create("position-based"), MODELS.create("participation"));

  @Provide
  Arbitrary<Rows> rows() {
    return Rows.arbitrary(5);
  }

  @Property
  void cellsAreEachModelsOwnCreditsAndTotalsAddUp(@ForAll("rows") Rows rows) {
    JourneySet set = rows.toSet();
    ModelComparison table = ModelComparison.run(set, COMPARED);
    assertThat(table.channels()).isEqualTo(set.channels().names());
    assertThat(table.rows()).hasSize(set.channels().size());
    for (int m = 0; m < COMPARED.size(); m++) {
      AttributionResult alone = COMPARED.get(m).attribute(set);
      String model = alone.model();
      for (int c = 0; c < set.channels().size(); c++) {
        assertThat(table.rows().get(c).conversions().get(m)).isEqualTo(alone.conversions(c));
        assertThat(table.rows().get(c).values().get(m)).isEqualTo(alone.value(c));
      }
      double tolerance = 1e-9 * Math.max(1, set.totalConversions() + set.totalValue());
      if (alone.additive()) {
        assertThat(table.totalConversions(model)).isCloseTo(set.totalConversions(), within(tolerance));
        assertThat(table.totalValue(model)).isCloseTo(set.totalValue(), within(tolerance));
      } else {
        assertThat(table.totalConversions(model)).isGreaterThanOrEqualTo(set.totalConversions() - tolerance);
      }
    }
  }
}
