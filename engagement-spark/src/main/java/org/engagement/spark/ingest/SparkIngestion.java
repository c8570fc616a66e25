package org.engagement.spark.ingest;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;

/**
 * Interactions from any Spark source (Parquet, CSV, JDBC, Delta: any {@code Dataset<Row>}) judged by the
 * core's rules: each partition's rows go through the core's {@link CsvInteractionAdapter}, so a row is
 * accepted or rejected, with the same column, value and rule, exactly as the same row in a CSV file
 * imported in-process would be. The source's columns are named as the adapter's CSV columns
 * ({@code customer_id}, {@code timestamp}, {@code type}, {@code channel}, {@code value}, {@code currency},
 * ...); typed columns are read as their text (a {@code TIMESTAMP} as an ISO-8601 instant, numbers in plain
 * decimal notation).
 *
 * <p>Two differences from an in-process import, both stated in the result: duplicates by {@code source_id}
 * are not recognised (that needs a global index; {@code dropDuplicates("source_id")} before ingestion does
 * it the Spark way), and an instant finer than a microsecond is rejected (a Spark timestamp cannot hold it).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class SparkIngestion {
  /** The schema of a rejected row: where it was, and what the core's rules said of it. */
  public static final StructType REJECTED_SCHEMA = new StructType()
      .add("partition", DataTypes.IntegerType, false)
      .add("row", DataTypes.LongType, false)
      .add("column", DataTypes.StringType, true)
      .add("value", DataTypes.StringType, true)
      .add("rule", DataTypes.StringType, false);

  private static final StructType PARSED = new StructType()
      .add("accepted", InteractionRows.SCHEMA, true)
      .add("rejected", REJECTED_SCHEMA, true);

  private SparkIngestion() {}

  /**
   * The interactions of {@code source} under the default CSV adapter.
   *
   * @throws InvalidSourceException if the source's columns are unusable (a required one missing, one named
   *     twice, a misspelt one), before any job runs
   */
  public static Ingested interactions(Dataset<Row> source) {
    return interactions(source, CsvInteractionAdapter::new);
  }

  /**
   * The interactions of {@code source} under the channels, classification and limits of the adapter that
   * {@code factory} makes on each executor.
   *
   * @throws InvalidSourceException if the source's columns are unusable, before any job runs
   */
  public static Ingested interactions(Dataset<Row> source, AdapterFactory factory) {
    requireNonNull(source, "source");
    requireNonNull(factory, "factory");
    String[] header = source.columns();
    checkHeader(factory.adapter(), header);
    Dataset<Row> parsed = source.mapPartitions(new InteractionParser(factory, header), Encoders.row(PARSED));
    return new Ingested(parsed);
  }

  /** Opens the adapter on the header alone: the whole source is refused here, on the driver. */
  private static void checkHeader(CsvInteractionAdapter adapter, String[] header) {
    byte[] bytes = new CsvCells(header).bytes();
    try (RecordReader reader = adapter.open(new ByteArrayInputStream(bytes))) {
      reader.next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
