package org.engagement.spark;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.clv.LifetimeValueSettings;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.spark.clv.LifetimeValueFit;
import org.engagement.spark.ingest.CustomerInteractions;
import org.engagement.spark.ingest.Ingested;
import org.engagement.spark.ingest.IngestionCounts;

/**
 * The example job for {@code spark-submit}: reads an interactions CSV (the simulator's
 * {@code interactions.csv}, or any file or folder of that shape), and writes as Parquet under the output
 * folder the per-channel credits of each model asked for ({@code credits}), the engagement scores
 * ({@code scores}), the CLV predictions ({@code clv}) and the rejected rows ({@code rejected}).
 *
 * <pre>
 * spark-submit --class org.engagement.spark.EngagementJob --master local[2] engagement-spark-0.1.0-SNAPSHOT-job.jar \
 *   INTERACTIONS.csv OUTPUT_DIR AS_OF [CURRENCY] [MODELS]
 * </pre>
 *
 * <p>{@code AS_OF} is an ISO-8601 instant ending the window; {@code CURRENCY} defaults to USD; {@code MODELS}
 * is a comma-separated list of registry names (default {@code last-touch,linear,time-decay,markov,shapley}).
 * The job uses the session {@code spark-submit} made (or an active one). Not thread-safe: one run per call.
 *
 * @since 0.1.0
 */
public final class EngagementJob {
  private static final StructType CREDITS = new StructType()
      .add("model", DataTypes.StringType, false)
      .add("channel", DataTypes.StringType, false)
      .add("conversions", DataTypes.DoubleType, false)
      .add("value", DataTypes.DoubleType, false);

  private final SparkSession spark;

  private EngagementJob(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Runs the job; see the class comment for the arguments.
   *
   * @param args interactions, output folder, as-of, optional currency and models
   */
  public static void main(String[] args) {
    if (args.length < 3 || args.length > 5) {
      throw new IllegalArgumentException(
          "usage: EngagementJob INTERACTIONS OUTPUT_DIR AS_OF [CURRENCY] [MODELS]; got " + args.length + " arguments");
    }
    SparkSession spark = SparkSession.builder().appName("engagement").getOrCreate();
    String models = args.length > 4 ? args[4] : "last-touch,linear,time-decay,markov,shapley";
    new EngagementJob(spark).run(args[0], args[1], Instant.parse(args[2]),
        Currency.getInstance(args.length > 3 ? args[3] : "USD"), List.of(models.split(",")));
  }

  /**
   * Runs the job in {@code spark}, for hosts and tests that hold a session.
   *
   * @return the ingestion counts (every row read accepted or rejected)
   */
  public static IngestionCounts run(SparkSession spark, String interactions, String output, Instant asOf,
      Currency currency, List<String> models) {
    return new EngagementJob(requireNonNull(spark, "spark")).run(interactions, output, asOf, currency, models);
  }

  private IngestionCounts run(String interactionsPath, String output, Instant asOf, Currency currency,
      List<String> models) {
    Ingested ingested = EngagementSpark.ingest(spark.read().option("header", "true").option("multiLine", "true")
        .csv(interactionsPath));
    ingested.parsed().persist(StorageLevel.MEMORY_AND_DISK());
    IngestionCounts counts = ingested.counts();
    ingested.rejected().write().mode(SaveMode.Overwrite).parquet(output + "/rejected");
    // One shuffle by customer for every stage below, kept until the last one has read it.
    CustomerInteractions interactions = EngagementSpark.byCustomer(ingested.accepted()).persist();
    JourneyRules rules = JourneyRules.defaults().withAsOf(asOf);
    List<Row> credits = new ArrayList<>();
    for (String model : models) {
      AttributionResult result = EngagementSpark.attribute(interactions, rules, model.strip(), Map.of());
      for (int c = 0; c < result.channels().size(); c++) {
        credits.add(RowFactory.create(result.model(), result.channels().name(c), result.conversions(c),
            result.value(c)));
      }
    }
    spark.createDataFrame(credits, CREDITS).coalesce(1).write().mode(SaveMode.Overwrite).parquet(output + "/credits");
    EngagementSpark.scores(interactions, EngagementScorer.defaults(), asOf)
        .write().mode(SaveMode.Overwrite).parquet(output + "/scores");
    LifetimeValueFit fit = EngagementSpark.fitLifetimeValue(interactions, LifetimeValueSettings.defaults(),
        ConversionRule.purchases(), currency, asOf);
    if (fit.reason().isPresent()) {
      throw new InvalidFieldException("interactions", interactionsPath, "gave no CLV fit: " + fit.reason().get());
    }
    EngagementSpark.predictLifetimeValue(interactions, fit).write().mode(SaveMode.Overwrite).parquet(output + "/clv");
    interactions.unpersist();
    ingested.parsed().unpersist();
    return counts;
  }
}
