package org.engagement.spark.value;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import com.google.common.collect.Iterators;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.profile.ProfileSettings;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTierRules;
import org.engagement.core.value.tier.ValueTiers;
import org.engagement.spark.ingest.CustomerInteractions;
import org.engagement.spark.ingest.InteractionRows;
import org.engagement.spark.internal.ChunkRows;
import org.engagement.spark.internal.Shipped;
import org.jspecify.annotations.Nullable;

/**
 * Value tiers on Spark, with the tiers of {@link ValueTiers#of(ValueTierRules, ValuePredictor,
 * java.util.Collection)} on the same profiles: the profiles are made per customer by the core's
 * {@link CustomerProfiles} in the partitions; the two cut-offs (the {@link ValueTiers#topCount}-th largest
 * value among the buyers, and engagement among everyone) are exact order statistics from a distributed
 * sort; and each profile's tier is decided in the partitions by the core's {@link ValueTiers#tier} on
 * {@link ValueTiers#withCutoffs}. Only the two cut-offs reach the driver.
 *
 * <p>Immutable and thread-safe; {@link #of} runs Spark jobs, {@link #assign} gives a lazy Dataset.
 *
 * @since 0.1.0
 */
public final class SparkValueTiers {
  /** One row per customer: the built-in profile metrics of {@link CustomerProfiles}. */
  public static final StructType PROFILE_SCHEMA = new StructType()
      .add(InteractionRows.CUSTOMER_ID, DataTypes.StringType, false)
      .add("first_seen", DataTypes.TimestampType, false)
      .add(MetricNames.VALUE, DataTypes.DoubleType, false)
      .add(MetricNames.ENGAGEMENT, DataTypes.DoubleType, false)
      .add(MetricNames.RECENCY_DAYS, DataTypes.DoubleType, false);

  /** One row per customer of {@link #assign}: the tier's {@linkplain org.engagement.core.value.tier.ValueTier#label() label}. */
  public static final StructType TIER_SCHEMA = new StructType()
      .add(InteractionRows.CUSTOMER_ID, DataTypes.StringType, false)
      .add("tier", DataTypes.StringType, false);

  private final double retainShare;
  private final double growEngagementShare;
  private final double lapsedAfterDays;
  private final double valueCutoff;
  private final double engagementCutoff;

  private SparkValueTiers(ValueTierRules rules, double valueCutoff, double engagementCutoff) {
    this.retainShare = rules.retainShare();
    this.growEngagementShare = rules.growEngagementShare();
    this.lapsedAfterDays = rules.lapsedAfterDays();
    this.valueCutoff = valueCutoff;
    this.engagementCutoff = engagementCutoff;
  }

  /**
   * The profile of every customer among {@code interactions} at or before {@code asOf}, as
   * {@code CustomerProfiles.of(new ProfileSettings(rule, scorer, currency)).profiles(interactions, asOf)}
   * gives them, in {@link #PROFILE_SCHEMA}. The currency is fixed: the in-process default (the currency
   * most purchases carry) is a global vote. Persist it when it is ranked: {@link #of} reads it five times.
   *
   * @throws InvalidFieldException if the rule is not serialisable
   */
  public static Dataset<Row> profiles(Dataset<Row> interactions, ConversionRule rule, EngagementScorer scorer,
      Currency currency, Instant asOf) {
    return profiles(CustomerInteractions.of(interactions), rule, scorer, currency, asOf);
  }

  /**
   * {@link #profiles(Dataset, ConversionRule, EngagementScorer, Currency, Instant)} on interactions already
   * partitioned by customer.
   */
  public static Dataset<Row> profiles(CustomerInteractions interactions, ConversionRule rule,
      EngagementScorer scorer, Currency currency, Instant asOf) {
    Shipped.requireSerializable(rule);
    requireNonNull(scorer, "scorer");
    requireNonNull(currency, "currency");
    requireNonNull(asOf, "asOf");
    MapPartitionsFunction<Row, Row> step = rows -> ChunkRows.of(rows, chunk -> {
      List<Row> out = new ArrayList<>();
      for (CustomerProfile p : CustomerProfiles.of(new ProfileSettings(rule, scorer, currency)).profiles(chunk, asOf)) {
        out.add(RowFactory.create(p.customer().id(), Timestamp.from(p.customer().firstSeen()),
            p.metric(MetricNames.VALUE).orElse(0), p.metric(MetricNames.ENGAGEMENT).orElse(0),
            p.metric(MetricNames.RECENCY_DAYS).orElse(0)));
      }
      return out;
    });
    return requireNonNull(interactions, "interactions").rows().mapPartitions(step, Encoders.row(PROFILE_SCHEMA));
  }

  /**
   * Fixes the cut-offs of {@code rules} on {@code profiles} (in {@link #PROFILE_SCHEMA}, extra columns
   * allowed): two counts and two distributed sorts.
   */
  public static SparkValueTiers of(Dataset<Row> profiles, ValueTierRules rules) {
    requireNonNull(profiles, "profiles");
    requireNonNull(rules, "rules");
    Dataset<Row> buyers = profiles.filter(col(MetricNames.VALUE).gt(0));
    return new SparkValueTiers(rules, cutoff(buyers, MetricNames.VALUE, rules.retainShare()),
        cutoff(profiles, MetricNames.ENGAGEMENT, rules.growEngagementShare()));
  }

  /** The {@code topCount(share, n)}-th largest of {@code column}, or +infinity when that count is 0. */
  private static double cutoff(Dataset<Row> rows, String column, double share) {
    long n = rows.count();
    long top = ValueTiers.topCount(share, n);
    if (top == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return OrderStatistics.smallest(rows, col(column), n, new long[] {n - top + 1})[0];
  }

  /** The value at or above which a buyer is retained, as {@link ValueTiers#valueCutoff()}. */
  public double valueCutoff() {
    return valueCutoff;
  }

  /** The engagement at or above which a customer is highly engaged, as {@link ValueTiers#engagementCutoff()}. */
  public double engagementCutoff() {
    return engagementCutoff;
  }

  /** These tiers in-process, for profiles a host holds (one customer's, say). */
  public ValueTiers tiers(ValuePredictor predictor) {
    return ValueTiers.withCutoffs(rules(), predictor, valueCutoff, engagementCutoff);
  }

  /** Each profile's tier with no predicted value ({@link ValuePredictor#none()}), in {@link #TIER_SCHEMA}. */
  public Dataset<Row> assign(Dataset<Row> profiles) {
    return assign(profiles, null);
  }

  /**
   * Each profile's tier, in {@link #TIER_SCHEMA}, the predicted value read from the double column
   * {@code predictedValue} of {@code profiles} (a customer's CLV joined in, say; null reads as 0), or
   * nothing predicted when it is null.
   *
   * @throws InvalidFieldException in the job, if a predicted value is not finite
   */
  public Dataset<Row> assign(Dataset<Row> profiles, @Nullable String predictedValue) {
    requireNonNull(profiles, "profiles");
    double[] form = {retainShare, growEngagementShare, lapsedAfterDays, valueCutoff, engagementCutoff};
    MapPartitionsFunction<Row, Row> step = rows -> {
      ValueTiers tiers = ValueTiers.withCutoffs(new ValueTierRules(form[0], form[1], form[2]),
          predictedValue == null ? ValuePredictor.none() : ValuePredictor.fromMetric(predictedValue),
          form[3], form[4]);
      return Iterators.transform(rows, row -> {
        CustomerProfile profile = profile(row, predictedValue);
        return RowFactory.create(profile.customer().id(), tiers.tier(profile).label());
      });
    };
    return profiles.mapPartitions(step, Encoders.row(TIER_SCHEMA));
  }

  private ValueTierRules rules() {
    return new ValueTierRules(retainShare, growEngagementShare, lapsedAfterDays);
  }

  private static CustomerProfile profile(Row row, @Nullable String predictedValue) {
    Map<String, Double> metrics = new HashMap<>();
    metrics.put(MetricNames.VALUE, row.<Double>getAs(MetricNames.VALUE));
    metrics.put(MetricNames.ENGAGEMENT, row.<Double>getAs(MetricNames.ENGAGEMENT));
    metrics.put(MetricNames.RECENCY_DAYS, row.<Double>getAs(MetricNames.RECENCY_DAYS));
    if (predictedValue != null) {
      Object predicted = row.getAs(predictedValue);
      metrics.put(predictedValue, predicted == null ? 0.0 : ((Number) predicted).doubleValue());
    }
    Object seen = row.getAs("first_seen");
    Instant firstSeen = seen instanceof Timestamp t ? t.toInstant() : (Instant) seen;
    return new CustomerProfile(Customer.of(row.getAs(InteractionRows.CUSTOMER_ID), firstSeen), metrics);
  }

  @Override
  public String toString() {
    return "SparkValueTiers[" + rules() + ", valueCutoff=" + valueCutoff + ", engagementCutoff=" + engagementCutoff
        + "]";
  }
}
