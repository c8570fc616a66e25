package org.engagement.spark;

import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.clv.LifetimeValueSettings;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.value.tier.ValueTierRules;
import org.engagement.spark.attribution.SparkAttribution;
import org.engagement.spark.clv.LifetimeValueFit;
import org.engagement.spark.clv.SparkLifetimeValue;
import org.engagement.spark.engagement.SparkEngagementScores;
import org.engagement.spark.ingest.CustomerInteractions;
import org.engagement.spark.ingest.Ingested;
import org.engagement.spark.ingest.SparkIngestion;
import org.engagement.spark.value.ApproximateQuantiles;
import org.engagement.spark.value.SparkRfm;
import org.engagement.spark.value.SparkValueTiers;

/**
 * The entry point of the SDK on Apache Spark: one place to find every Dataset operation, each the answer
 * the in-process API gives on the same interactions. Use the in-process API when the data fit one JVM
 * (it is faster there and needs no cluster); use this module when they do not, or when they already live
 * in a data lake that Spark reads.
 *
 * <pre>{@code
 * Ingested in = EngagementSpark.ingest(spark.read().parquet("s3://.../interactions"));
 * CustomerInteractions byCustomer = EngagementSpark.byCustomer(in.accepted()).persist();
 * AttributionResult markov = EngagementSpark.attribute(byCustomer, rules.withAsOf(end), "markov");
 * Dataset<Row> scores = EngagementSpark.scores(byCustomer, EngagementScorer.defaults(), end);
 * }</pre>
 *
 * <p>Every operation takes accepted interactions in {@link org.engagement.spark.ingest.InteractionRows#SCHEMA}
 * and never collects events to the driver. Given a plain Dataset, an operation shuffles it by customer
 * itself; given {@link CustomerInteractions} (persisted), it reads them as they are, so a pipeline of many
 * operations shuffles the interactions once. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class EngagementSpark {
  private EngagementSpark() {}

  /** Interactions of any source under the core's rules: see {@link SparkIngestion#interactions(Dataset)}. */
  public static Ingested ingest(Dataset<Row> source) {
    return SparkIngestion.interactions(source);
  }

  /**
   * The interactions partitioned by customer and sorted, once for every operation that reads them: see
   * {@link CustomerInteractions}; persist them when more than one operation reads them.
   */
  public static CustomerInteractions byCustomer(Dataset<Row> interactions) {
    return CustomerInteractions.of(interactions);
  }

  /** The journeys grouped by path and merged: see {@link SparkAttribution#journeySet}. */
  public static JourneySet journeySet(Dataset<Row> interactions, JourneyRules rules) {
    return SparkAttribution.journeySet(interactions, rules);
  }

  /** A registry model's credits: see {@link SparkAttribution#attribute(Dataset, JourneyRules, String, Map)}. */
  public static AttributionResult attribute(Dataset<Row> interactions, JourneyRules rules, String model,
      Map<String, String> parameters) {
    return SparkAttribution.attribute(interactions, rules, model, parameters);
  }

  /** A registry model's credits with its default parameters. */
  public static AttributionResult attribute(Dataset<Row> interactions, JourneyRules rules, String model) {
    return SparkAttribution.attribute(interactions, rules, model);
  }

  /** Engagement scores per customer: see {@link SparkEngagementScores#scores}. */
  public static Dataset<Row> scores(Dataset<Row> interactions, EngagementScorer scorer, Instant asOf) {
    return SparkEngagementScores.scores(interactions, scorer, asOf);
  }

  /** The BG/NBD and Gamma-Gamma fit: see {@link SparkLifetimeValue#fit}. */
  public static LifetimeValueFit fitLifetimeValue(Dataset<Row> interactions, LifetimeValueSettings settings,
      ConversionRule rule, Currency currency, Instant asOf) {
    return SparkLifetimeValue.fit(interactions, settings, rule, currency, asOf);
  }

  /** Predictions per customer: see {@link SparkLifetimeValue#predictions}. */
  public static Dataset<Row> predictLifetimeValue(Dataset<Row> interactions, LifetimeValueFit fit) {
    return SparkLifetimeValue.predictions(interactions, fit);
  }

  /** Each buyer's recency, frequency and monetary value: see {@link SparkRfm#buyers}. */
  public static Dataset<Row> buyers(Dataset<Row> interactions, ConversionRule rule, Currency currency, Instant asOf) {
    return SparkRfm.buyers(interactions, rule, currency, asOf);
  }

  /** RFM scores and segments of the buyers, from exact global ranks: see {@link SparkRfm#scores}. */
  public static Dataset<Row> rfm(Dataset<Row> buyers) {
    return SparkRfm.scores(buyers);
  }

  /** Each customer's profile metrics: see {@link SparkValueTiers#profiles}. */
  public static Dataset<Row> profiles(Dataset<Row> interactions, ConversionRule rule, EngagementScorer scorer,
      Currency currency, Instant asOf) {
    return SparkValueTiers.profiles(interactions, rule, scorer, currency, asOf);
  }

  /** Value tiers with exact cut-offs over all the profiles: see {@link SparkValueTiers#of}. */
  public static SparkValueTiers valueTiers(Dataset<Row> profiles, ValueTierRules rules) {
    return SparkValueTiers.of(profiles, rules);
  }

  /** Approximate quantiles with a stated rank error: see {@link ApproximateQuantiles#of}. */
  public static ApproximateQuantiles approximateQuantiles(Dataset<Row> rows, String column, double[] probabilities,
      double relativeError) {
    return ApproximateQuantiles.of(rows, column, probabilities, relativeError);
  }

  /** {@link #journeySet(Dataset, JourneyRules)} with no shuffle of its own. */
  public static JourneySet journeySet(CustomerInteractions interactions, JourneyRules rules) {
    return SparkAttribution.journeySet(interactions, rules);
  }

  /** {@link #attribute(Dataset, JourneyRules, String, Map)} with no shuffle of its own. */
  public static AttributionResult attribute(CustomerInteractions interactions, JourneyRules rules, String model,
      Map<String, String> parameters) {
    return SparkAttribution.attribute(interactions, rules, model, parameters);
  }

  /** {@link #attribute(Dataset, JourneyRules, String)} with no shuffle of its own. */
  public static AttributionResult attribute(CustomerInteractions interactions, JourneyRules rules, String model) {
    return SparkAttribution.attribute(interactions, rules, model);
  }

  /** {@link #scores(Dataset, EngagementScorer, Instant)} with no shuffle of its own. */
  public static Dataset<Row> scores(CustomerInteractions interactions, EngagementScorer scorer, Instant asOf) {
    return SparkEngagementScores.scores(interactions, scorer, asOf);
  }

  /** {@link #fitLifetimeValue(Dataset, LifetimeValueSettings, ConversionRule, Currency, Instant)} with no shuffle of its own. */
  public static LifetimeValueFit fitLifetimeValue(CustomerInteractions interactions, LifetimeValueSettings settings,
      ConversionRule rule, Currency currency, Instant asOf) {
    return SparkLifetimeValue.fit(interactions, settings, rule, currency, asOf);
  }

  /** {@link #predictLifetimeValue(Dataset, LifetimeValueFit)} with no shuffle of its own. */
  public static Dataset<Row> predictLifetimeValue(CustomerInteractions interactions, LifetimeValueFit fit) {
    return SparkLifetimeValue.predictions(interactions, fit);
  }

  /** {@link #buyers(Dataset, ConversionRule, Currency, Instant)} with no shuffle of its own. */
  public static Dataset<Row> buyers(CustomerInteractions interactions, ConversionRule rule, Currency currency,
      Instant asOf) {
    return SparkRfm.buyers(interactions, rule, currency, asOf);
  }

  /** {@link #profiles(Dataset, ConversionRule, EngagementScorer, Currency, Instant)} with no shuffle of its own. */
  public static Dataset<Row> profiles(CustomerInteractions interactions, ConversionRule rule,
      EngagementScorer scorer, Currency currency, Instant asOf) {
    return SparkValueTiers.profiles(interactions, rule, scorer, currency, asOf);
  }
}
