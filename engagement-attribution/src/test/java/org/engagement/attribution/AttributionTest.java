package org.engagement.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.Map;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.junit.jupiter.api.Test;

/** The entry point reaches journeys, the path format and models by name from one class. */
class AttributionTest {

  @Test
  void pathsAndModelsByNameFromTheEntryPoint() throws Exception {
    JourneySet journeys = Attribution.paths().read(new StringReader(
        "path,total_conversions,total_conversion_value,total_null\n"
            + "A > B,2,20,1\n"
            + "B,1,5,3\n"));

    AttributionResult last = Attribution.model("last-touch").attribute(journeys);
    assertThat(last.conversions("B")).isCloseTo(3, within(1e-12));
    assertThat(last.conversions("A")).isZero();

    AttributionResult custom = Attribution.model("custom", Map.of("first", 1, "middle", 0, "last", 0))
        .attribute(journeys);
    assertThat(custom.conversions("A")).isCloseTo(2, within(1e-12));
    assertThat(custom.value("B")).isCloseTo(5, within(1e-12));

    assertThat(Attribution.models().names()).contains("markov", "shapley", "first-touch");
    assertThat(Attribution.journeys()).isEqualTo(JourneyRules.defaults());
  }
}
