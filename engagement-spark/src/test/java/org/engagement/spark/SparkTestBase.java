package org.engagement.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.simulator.SampleWorld;
import org.engagement.simulator.WorldWriter;
import org.engagement.spark.ingest.InteractionRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local[2] SparkSession per test class (Spark starts in seconds, not milliseconds), bound to the
 * loopback address, with no UI and few shuffle partitions; and the bundled simulator world read in-process.
 */
abstract class SparkTestBase {
  static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("engagement-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "3")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  /** The bundled world's interactions, imported in-process with the default CSV adapter. */
  static List<Interaction> worldInteractions() {
    List<Interaction> out = new ArrayList<>();
    try (InputStream in = SampleWorld.open(WorldWriter.INTERACTIONS)) {
      ImportReport report = InteractionImporter.defaults().run(new CsvInteractionAdapter(), in, out::add);
      if (!report.isClean()) {
        throw new IllegalStateException(report.summary());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The window end the tests use: one second after the world's latest interaction. */
  static Instant asOf(List<Interaction> interactions) {
    return interactions.stream().map(Interaction::timestamp).max(Comparator.naturalOrder()).orElseThrow()
        .plusSeconds(1);
  }

  /** {@code interactions} as a Dataset in the module's schema, spread over three partitions. */
  static Dataset<Row> dataset(List<Interaction> interactions) {
    return spark.createDataFrame(interactions.stream().map(InteractionRows::toRow).toList(), InteractionRows.SCHEMA)
        .repartition(3);
  }
}
