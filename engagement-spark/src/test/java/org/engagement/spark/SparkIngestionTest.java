package org.engagement.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.simulator.SampleWorld;
import org.engagement.simulator.WorldWriter;
import org.engagement.spark.ingest.Ingested;
import org.engagement.spark.ingest.IngestionCounts;
import org.engagement.spark.ingest.InteractionRows;
import org.engagement.spark.ingest.SparkIngestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingestion from Spark sources against the in-process CSV import of the same rows. */
class SparkIngestionTest extends SparkTestBase {
  private static final String HEADER = "customer_id,timestamp,type,channel,value,currency\n";
  private static final String BAD_ROWS = HEADER
      + "c1,2024-01-01T10:00:00Z,click,email,,\n"
      + ",2024-01-01T10:00:00Z,click,email,,\n"
      + "c2,2024-01-01T10:00:00,click,email,,\n"
      + "c3,2024-01-01T10:00:00Z,teleport,email,,\n"
      + "c4,2024-01-01T10:00:00Z,purchase,email,-3,EUR\n"
      + "c5,2024-01-01T10:00:00Z,purchase,email,12.50,\n"
      + "c6,2024-01-01T10:00:00Z,purchase,email,1e3,EUR\n"
      + "c7,2024-01-01T10:00:00.000000001Z,click,email,,\n"
      + "c8,2024-01-02T10:00:00Z,purchase,email,12.50,EUR\n";

  @TempDir
  Path dir;

  @Test
  void theBundledWorldIsAcceptedWholeAsInProcess() throws IOException {
    Path file = dir.resolve("interactions.csv");
    try (InputStream in = SampleWorld.open(WorldWriter.INTERACTIONS)) {
      Files.copy(in, file);
    }
    Ingested ingested = SparkIngestion.interactions(read(file));
    List<Interaction> expected = worldInteractions().stream().map(SparkIngestionTest::withoutAttributes).toList();

    IngestionCounts counts = ingested.counts();
    assertThat(counts).isEqualTo(new IngestionCounts(expected.size(), expected.size(), 0));
    List<Interaction> accepted = ingested.accepted().collectAsList().stream()
        .map(InteractionRows::toInteraction).toList();
    assertThat(accepted).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void rejectedRowsCarryTheInProcessReasonsAndCountsAddUp() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, BAD_ROWS, StandardCharsets.UTF_8);
    List<Rejection> expected = new ArrayList<>();
    InteractionImporter.builder().rejectionListener(expected::add).build()
        .run(new CsvInteractionAdapter(), new ByteArrayInputStream(BAD_ROWS.getBytes(StandardCharsets.UTF_8)), i -> { });

    Ingested ingested = SparkIngestion.interactions(read(file).coalesce(1));
    List<Row> rejected = ingested.rejected().orderBy("row").collectAsList();
    IngestionCounts counts = ingested.counts();

    // The core rejects 5 of these rows; Spark's timestamps add the nanosecond row (microseconds at most).
    assertThat(expected).hasSize(5);
    assertThat(counts).isEqualTo(new IngestionCounts(9, 3, 6));
    List<String> reasons = rejected.stream().map(r -> r.getString(2) + ": " + r.getString(4)).toList();
    assertThat(reasons).containsAll(expected.stream().map(r -> r.field() + ": " + r.reason()).toList());
    assertThat(reasons).contains("timestamp: must have at most microsecond precision (Spark's)");
    assertThat(rejected.stream().map(r -> r.getLong(1)).toList()).containsExactly(1L, 2L, 3L, 4L, 5L, 7L);
  }

  @Test
  void typedColumnsAreJudgedAsTheirText() {
    StructType schema = new StructType().add("customer_id", DataTypes.StringType)
        .add("timestamp", DataTypes.TimestampType).add("type", DataTypes.StringType)
        .add("channel", DataTypes.StringType).add("value", DataTypes.DoubleType).add("currency", DataTypes.StringType);
    Dataset<Row> typed = spark.createDataFrame(List.of(
        RowFactory.create("c1", java.sql.Timestamp.from(java.time.Instant.parse("2024-05-01T08:00:00Z")), "purchase",
            "web", 1.0e7, "EUR"),
        RowFactory.create("c2", null, "click", "web", null, null)), schema);
    Ingested ingested = SparkIngestion.interactions(typed);
    Interaction first = InteractionRows.toInteraction(ingested.accepted().collectAsList().get(0));
    assertThat(first.value()).isNotNull();
    assertThat(first.value().amount()).isEqualByComparingTo("10000000");
    assertThat(ingested.rejected().collectAsList()).singleElement()
        .satisfies(r -> assertThat(r.getString(2)).isEqualTo("timestamp"));
  }

  @Test
  void aSourceWithoutARequiredColumnIsRefusedBeforeAnyJob() {
    Dataset<Row> noType = spark.createDataFrame(List.of(RowFactory.create("c1", "2024-01-01T00:00:00Z")),
        new StructType().add("customer_id", DataTypes.StringType).add("timestamp", DataTypes.StringType));
    assertThatThrownBy(() -> SparkIngestion.interactions(noType)).isInstanceOf(InvalidSourceException.class);
  }

  private static Dataset<Row> read(Path file) {
    return spark.read().option("header", "true").option("multiLine", "true").csv(file.toString());
  }

  private static Interaction withoutAttributes(Interaction i) {
    return new Interaction(i.customerId(), i.channel(), i.timestamp(), i.type(), i.direction(), i.value(),
        i.sourceId(), Attributes.empty());
  }
}
