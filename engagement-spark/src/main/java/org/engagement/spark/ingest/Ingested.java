package org.engagement.spark.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link SparkIngestion} made of a source: the accepted interactions and the rejected rows, from one
 * parse. Both are lazy views of {@link #parsed()}; a job that reads both, or counts and then computes,
 * should {@code persist()} the parsed Dataset first so that the source is read and judged once.
 *
 * <p>Immutable; thread-safe as Spark Datasets are.
 *
 * @param parsed one row per source row: a struct {@code accepted} in {@link InteractionRows#SCHEMA} or a
 *     struct {@code rejected} in {@link SparkIngestion#REJECTED_SCHEMA}, the other null
 * @since 0.1.0
 */
public record Ingested(Dataset<Row> parsed) {

  /** Requires the parsed Dataset. */
  public Ingested {
    requireNonNull(parsed, "parsed");
  }

  /** The accepted interactions, in {@link InteractionRows#SCHEMA}. */
  public Dataset<Row> accepted() {
    return parsed.filter(col("accepted").isNotNull()).select("accepted.*");
  }

  /**
   * The rejected rows, in {@link SparkIngestion#REJECTED_SCHEMA}: the partition and the row's index in it,
   * the column, value and rule that the core's reading policy or model refused (the same words an import of
   * the same rows as a CSV file gives).
   */
  public Dataset<Row> rejected() {
    return parsed.filter(col("rejected").isNotNull()).select("rejected.*");
  }

  /**
   * How many rows were read, accepted and rejected, counted in one Spark job (read = accepted + rejected
   * by construction: each source row gives exactly one outcome).
   */
  public IngestionCounts counts() {
    Row row = parsed.agg(org.apache.spark.sql.functions.count("*"),
        org.apache.spark.sql.functions.count(col("accepted")),
        org.apache.spark.sql.functions.count(col("rejected"))).first();
    return new IngestionCounts(row.getLong(0), row.getLong(1), row.getLong(2));
  }
}
