package org.engagement.spark.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.engagement.attribution.Attribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which models run per partition and which on the driver, as the models themselves say (no Spark here). */
class JourneyLocalityTest {

  @ParameterizedTest
  @CsvSource({"first-touch, true", "linear, true", "time-decay, true", "w-shaped, true", "markov, false",
      "shapley, false", "shao-li, false"})
  void theModelSaysWhetherItCreditsJourneyByJourney(String model, boolean local) {
    assertThat(SparkAttribution.journeyLocal(Attribution.model(model))).isEqualTo(local);
  }
}
