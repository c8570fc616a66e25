package org.engagement.spark.engagement;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.engagement.EngagementScores;
import org.engagement.spark.ingest.CustomerInteractions;
import org.engagement.spark.ingest.InteractionRows;
import org.engagement.spark.internal.ChunkRows;

/**
 * Engagement scores per customer on Spark: each partition feeds its customers (each whole in one) to the
 * core's {@link EngagementScores} as of an instant, the mergeable decayed state, and reads every
 * customer's score at that instant. The scores are the in-process scores bit for bit (a customer's
 * interactions are never split), and they stay distributed: one row per customer, nothing on the driver.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class SparkEngagementScores {
  /** One row per customer with an interaction at or before the as-of instant. */
  public static final StructType SCHEMA = new StructType()
      .add(InteractionRows.CUSTOMER_ID, DataTypes.StringType, false)
      .add("score", DataTypes.DoubleType, false);

  private SparkEngagementScores() {}

  /**
   * Each customer's score at {@code asOf} under {@code scorer}, as
   * {@code EngagementScores.asOf(scorer, asOf).addAll(interactions).scoresAt(asOf)} gives it; interactions
   * after {@code asOf} are left out, as there.
   */
  public static Dataset<Row> scores(Dataset<Row> interactions, EngagementScorer scorer, Instant asOf) {
    return scores(CustomerInteractions.of(interactions), scorer, asOf);
  }

  /** {@link #scores(Dataset, EngagementScorer, Instant)} on interactions already partitioned by customer. */
  public static Dataset<Row> scores(CustomerInteractions interactions, EngagementScorer scorer, Instant asOf) {
    requireNonNull(scorer, "scorer");
    requireNonNull(asOf, "asOf");
    MapPartitionsFunction<Row, Row> step = rows -> ChunkRows.of(rows, chunk -> {
      Map<String, Double> scores = new TreeMap<>(EngagementScores.asOf(scorer, asOf).addAll(chunk).scoresAt(asOf));
      List<Row> out = new ArrayList<>(scores.size());
      scores.forEach((customer, score) -> out.add(RowFactory.create(customer, score)));
      return out;
    });
    return requireNonNull(interactions, "interactions").rows().mapPartitions(step, Encoders.row(SCHEMA));
  }
}
