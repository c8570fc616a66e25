package org.engagement.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.engagement.attribution.Attribution;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.core.domain.Interaction;
import org.engagement.simulator.SampleWorld;
import org.engagement.simulator.WorldWriter;
import org.engagement.spark.ingest.IngestionCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example job, run in local mode as spark-submit would run it, on the simulator's interactions file. */
class EngagementJobTest extends SparkTestBase {
  @TempDir
  Path dir;

  @Test
  void writesCreditsScoresAndPredictionsAsParquet() throws IOException {
    Path input = dir.resolve("interactions.csv");
    try (InputStream in = SampleWorld.open(WorldWriter.INTERACTIONS)) {
      Files.copy(in, input);
    }
    List<Interaction> interactions = worldInteractions();
    Instant asOf = asOf(interactions);
    String out = dir.resolve("out").toString();

    IngestionCounts counts = EngagementJob.run(spark, input.toString(), out, asOf, Currency.getInstance("EUR"),
        List.of("linear", "markov"));

    assertThat(counts).isEqualTo(new IngestionCounts(interactions.size(), interactions.size(), 0));
    AttributionResult markov = Attribution.model("markov")
        .attribute(JourneyRules.defaults().withAsOf(asOf).journeys(interactions).toJourneySet());
    Dataset<Row> credits = spark.read().parquet(out + "/credits");
    assertThat(credits.count()).isEqualTo(2L * markov.channels().size());
    double total = credits.filter("model = 'markov'").agg(org.apache.spark.sql.functions.sum("conversions"))
        .first().getDouble(0);
    assertThat(total).isCloseTo(markov.totalConversions(), org.assertj.core.api.Assertions.within(1e-9));
    long customers = interactions.stream().map(Interaction::customerId).distinct().count();
    assertThat(spark.read().parquet(out + "/scores").count()).isEqualTo(customers);
    assertThat(spark.read().parquet(out + "/clv").count()).isPositive();
    assertThat(spark.read().parquet(out + "/rejected").count()).isZero();
  }
}
