package org.engagement.spark.value;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.profile.Buyer;
import org.engagement.core.profile.Purchases;
import org.engagement.core.value.rfm.RfmScores;
import org.engagement.core.value.rfm.RfmSegment;
import org.engagement.spark.ingest.CustomerInteractions;
import org.engagement.spark.ingest.InteractionRows;
import org.engagement.spark.internal.ChunkRows;
import org.engagement.spark.internal.Shipped;

/**
 * RFM on Spark, with the scores of {@code Purchases.of(interactions, rule, currency).rfm(asOf)}: each
 * buyer's recency, frequency and monetary value made by the core's {@link Purchases} in the partitions
 * (each customer whole in one), then the quintile scores from exact global order statistics. The core's
 * rule ({@link RfmScores#quintile}: 1 + &lfloor;5&middot;b/n&rfloor; for the b customers strictly worse)
 * never decreases in b, so a customer's score is 1 plus the number of the four thresholds their value
 * exceeds, each threshold being the value of the least b of the next score, found by a distributed sort
 * (three sorts, one per dimension; only twelve values reach the driver). Ties score together, exactly as
 * in-process.
 *
 * <p>Stateless and thread-safe; the methods that compute thresholds run Spark jobs.
 *
 * @since 0.1.0
 */
public final class SparkRfm {
  /** One row per buyer: days from the last purchase to the as-of date, purchases, total value. */
  public static final StructType BUYER_SCHEMA = new StructType()
      .add(InteractionRows.CUSTOMER_ID, DataTypes.StringType, false)
      .add("recency_days", DataTypes.LongType, false)
      .add("frequency", DataTypes.LongType, false)
      .add("monetary", DataTypes.DoubleType, false);

  private static final int LEVELS = 5;

  private SparkRfm() {}

  /**
   * Each buyer among {@code interactions} at or before {@code asOf}, as {@code Purchases.of(seen, rule,
   * currency).buyers()} gives them (conversions valued in another currency left out), in
   * {@link #BUYER_SCHEMA}; recency counts whole UTC days to the as-of date. Persist it when it is scored:
   * {@link #scores} reads it four times.
   *
   * @throws InvalidFieldException if the rule is not serialisable
   */
  public static Dataset<Row> buyers(Dataset<Row> interactions, ConversionRule rule, Currency currency,
      Instant asOf) {
    return buyers(CustomerInteractions.of(interactions), rule, currency, asOf);
  }

  /** {@link #buyers(Dataset, ConversionRule, Currency, Instant)} on interactions already partitioned by customer. */
  public static Dataset<Row> buyers(CustomerInteractions interactions, ConversionRule rule, Currency currency,
      Instant asOf) {
    Shipped.requireSerializable(rule);
    requireNonNull(currency, "currency");
    long day = LocalDate.ofInstant(requireNonNull(asOf, "asOf"), ZoneOffset.UTC).toEpochDay();
    MapPartitionsFunction<Row, Row> step = rows -> ChunkRows.of(rows, chunk -> {
      List<Interaction> seen = chunk.stream().filter(i -> !i.timestamp().isAfter(asOf)).toList();
      List<Row> out = new ArrayList<>();
      for (Buyer b : Purchases.of(seen, rule, currency).buyers()) {
        out.add(RowFactory.create(b.customerId(), day - b.lastPurchase().toEpochDay(), b.purchases(), b.value()));
      }
      return out;
    });
    return requireNonNull(interactions, "interactions").rows().mapPartitions(step, Encoders.row(BUYER_SCHEMA));
  }

  /**
   * The buyers of {@link #buyers} with their scores {@code r}, {@code f}, {@code m} (1..5), the code
   * {@code rfm} (100&middot;R + 10&middot;F + M) and the named {@code segment} (an {@link RfmSegment}
   * constant's name): the scores of {@link RfmScores#of} on all the buyers together. The thresholds are
   * computed now (four jobs: a count and three sorts); the scores are a lazy Dataset.
   */
  public static Dataset<Row> scores(Dataset<Row> buyers) {
    requireNonNull(buyers, "buyers");
    long n = buyers.count();
    if (n == 0) {
      return buyers.withColumn("r", lit(1)).withColumn("f", lit(1)).withColumn("m", lit(1))
          .withColumn("rfm", lit(111)).withColumn("segment", lit(RfmSegment.LOST.name()));
    }
    Column r = score(buyers, functions.negate(col("recency_days")), n).as("r");
    Column f = score(buyers, col("frequency"), n).as("f");
    Column m = score(buyers, col("monetary"), n).as("m");
    return buyers.select(col("*"), r, f, m)
        .withColumn("rfm", col("r").multiply(100).plus(col("f").multiply(10)).plus(col("m")))
        .withColumn("segment", element_at(segments(), col("r").multiply(10).plus(col("f"))));
  }

  /** The score column of {@code value} (higher is better) over the {@code n} buyers. */
  private static Column score(Dataset<Row> buyers, Column value, long n) {
    long[] ranks = new long[LEVELS - 1];
    int used = 0;
    for (int s = 2; s <= LEVELS; s++) {
      long least = leastBelow(s, n);
      if (least >= 0) {
        ranks[used++] = least;
      }
    }
    double[] thresholds = OrderStatistics.smallest(buyers, value, n, java.util.Arrays.copyOf(ranks, used));
    Column score = lit(1);
    for (double t : thresholds) {
      score = score.plus(when(value.cast(DataTypes.DoubleType).gt(t), 1).otherwise(0));
    }
    return score;
  }

  /**
   * The least count of worse customers b with a score of at least {@code s}, which is also the rank (from
   * 1, the smallest) of the value a customer must exceed for it; -1 when no customer can reach it.
   */
  static long leastBelow(int s, long n) {
    if (RfmScores.quintile(n - 1, n) < s) {
      return -1;
    }
    long lo = 0;
    long hi = n - 1;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (RfmScores.quintile(mid, n) >= s) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The named segment of every (R, F) cell, keyed 10&middot;R + F, from {@link RfmSegment#of}. */
  private static Column segments() {
    List<Column> entries = new ArrayList<>();
    for (int r = 1; r <= LEVELS; r++) {
      for (int f = 1; f <= LEVELS; f++) {
        entries.add(lit(10 * r + f));
        entries.add(lit(RfmSegment.of(r, f).name()));
      }
    }
    return functions.map(entries.toArray(new Column[0]));
  }
}
