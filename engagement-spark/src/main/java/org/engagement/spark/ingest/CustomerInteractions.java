package org.engagement.spark.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Interactions laid out as every per-customer step needs them: each customer's rows in one partition,
 * contiguous and in time order within it. Made by one shuffle ({@code repartition(customer_id)} and
 * {@code sortWithinPartitions(customer_id, timestamp)}); every operation of the module given these rather
 * than a plain Dataset reads them as they are, so a pipeline that {@linkplain #persist() persists} them once
 * shuffles the interactions once, however many stages (journeys, attribution, scores, RFM, tiers, CLV,
 * aggregates) read them. Unpersisted, each action that reads them runs the shuffle again, as a plain Dataset
 * would.
 *
 * <p>Time order makes the input order of each customer's interactions, and so the rounding of
 * order-sensitive sums (decayed scores), the same on every run whatever the shuffle.
 *
 * <p>Immutable; {@link #persist()} and {@link #unpersist()} change the session's cache, as Spark's own
 * methods do. Thread-safe as Spark Datasets are.
 *
 * <pre>{@code
 * CustomerInteractions byCustomer = CustomerInteractions.of(ingested.accepted()).persist();
 * AttributionResult markov = SparkAttribution.attribute(byCustomer, rules, "markov");
 * Dataset<Row> scores = SparkEngagementScores.scores(byCustomer, scorer, asOf);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CustomerInteractions {
  private final Dataset<Row> rows;

  private CustomerInteractions(Dataset<Row> rows) {
    this.rows = rows;
  }

  /**
   * {@code interactions} (in {@link InteractionRows#SCHEMA}) partitioned by customer and sorted by customer
   * and time within each partition; lazy (the shuffle runs with the first action that reads them).
   */
  public static CustomerInteractions of(Dataset<Row> interactions) {
    return new CustomerInteractions(requireNonNull(interactions, "interactions")
        .repartition(col(InteractionRows.CUSTOMER_ID))
        .sortWithinPartitions(InteractionRows.CUSTOMER_ID, InteractionRows.TIMESTAMP));
  }

  /**
   * Keeps the partitioned rows in memory and on local disk once first computed
   * ({@code StorageLevel.MEMORY_AND_DISK}), so that later operations read them without shuffling again.
   *
   * @return this
   */
  public CustomerInteractions persist() {
    return persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Keeps the partitioned rows at {@code level} once first computed.
   *
   * @return this
   */
  public CustomerInteractions persist(StorageLevel level) {
    rows.persist(requireNonNull(level, "level"));
    return this;
  }

  /**
   * Drops the kept rows, if any.
   *
   * @return this
   */
  public CustomerInteractions unpersist() {
    rows.unpersist();
    return this;
  }

  /** The partitioned, sorted rows, in {@link InteractionRows#SCHEMA}. */
  public Dataset<Row> rows() {
    return rows;
  }

  @Override
  public String toString() {
    return "CustomerInteractions[" + rows.storageLevel().description() + "]";
  }
}
