package org.engagement.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.profile.Buyer;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.profile.ProfileSettings;
import org.engagement.core.profile.Purchases;
import org.engagement.core.value.rfm.RfmScore;
import org.engagement.core.value.rfm.RfmScores;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTierRules;
import org.engagement.core.value.tier.ValueTiers;
import org.engagement.spark.value.ApproximateQuantiles;
import org.engagement.spark.value.SparkRfm;
import org.engagement.spark.value.SparkValueTiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFM, value tiers and approximate quantiles on Spark against the in-process API: RFM scores and tiers
 * identical on the bundled world (and RFM on heavily tied buyers), approximate quantiles within their
 * stated rank error of the exact answer.
 */
class SparkValueTest extends SparkTestBase {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static List<Interaction> interactions;
  private static Dataset<Row> rows;
  private static Instant asOf;

  @BeforeAll
  static void world() {
    interactions = worldInteractions();
    asOf = asOf(interactions);
    rows = dataset(interactions).cache();
  }

  @Test
  void rfmScoresEqualTheInProcessScores() {
    Purchases purchases = Purchases.of(interactions, ConversionRule.purchases(), EUR);
    RfmScores expected = purchases.rfm(LocalDate.ofInstant(asOf, ZoneOffset.UTC));
    Dataset<Row> buyers = SparkRfm.buyers(rows, ConversionRule.purchases(), EUR, asOf).cache();
    Map<String, Row> actual = byCustomer(SparkRfm.scores(buyers));

    assertThat(actual).hasSize(purchases.buyers().size());
    for (int i = 0; i < expected.size(); i++) {
      Buyer buyer = purchases.buyers().get(i);
      Row row = actual.get(buyer.customerId());
      assertThat(row.<Long>getAs("frequency")).isEqualTo(buyer.purchases());
      assertThat(row.<Double>getAs("monetary")).isCloseTo(buyer.value(), within(1e-9));
      assertScores(row, expected.score(i), expected.segment(i).name());
    }
    assertThat(actual.values().stream().map(r -> r.<Integer>getAs("r")).distinct()).hasSizeGreaterThan(2);
  }

  /** Most buyers bought once, on few distinct days: the thresholds fall inside blocks of ties. */
  @ParameterizedTest
  @ValueSource(ints = {4, 1_000})
  void rfmScoresOfTiedBuyersEqualTheInProcessScores(int n) {
    Random random = new Random(n);
    long[] recency = new long[n];
    long[] frequency = new long[n];
    double[] monetary = new double[n];
    List<Row> buyers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      recency[i] = random.nextInt(6) * 30L;
      frequency[i] = random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(3);
      monetary[i] = random.nextInt(4) * 12.5;
      buyers.add(RowFactory.create("c" + i, recency[i], frequency[i], monetary[i]));
    }
    RfmScores expected = RfmScores.of(recency, frequency, monetary);
    Map<String, Row> actual = byCustomer(SparkRfm.scores(spark.createDataFrame(buyers, SparkRfm.BUYER_SCHEMA)
        .repartition(3)));
    for (int i = 0; i < n; i++) {
      assertScores(actual.get("c" + i), expected.score(i), expected.segment(i).name());
    }
  }

  @Test
  void profilesAndTiersEqualTheInProcessTiers() {
    EngagementScorer scorer = EngagementScorer.defaults();
    List<CustomerProfile> expected = CustomerProfiles.of(new ProfileSettings(ConversionRule.purchases(), scorer, EUR))
        .profiles(interactions, asOf);
    Dataset<Row> profiles = SparkValueTiers.profiles(rows, ConversionRule.purchases(), scorer, EUR, asOf).cache();
    Map<String, Row> actual = byCustomer(profiles);
    assertThat(actual).hasSize(expected.size());
    for (CustomerProfile p : expected) {
      Row row = actual.get(p.customer().id());
      assertThat(row.<java.sql.Timestamp>getAs("first_seen").toInstant()).isEqualTo(p.customer().firstSeen());
      assertThat(row.<Double>getAs(MetricNames.VALUE)).isCloseTo(p.metric(MetricNames.VALUE).orElseThrow(), within(1e-9));
      double engagement = p.metric(MetricNames.ENGAGEMENT).orElseThrow();
      assertThat(row.<Double>getAs(MetricNames.ENGAGEMENT)).isCloseTo(engagement, within(1e-9 * Math.max(1, engagement)));
      assertThat(row.<Double>getAs(MetricNames.RECENCY_DAYS)).isEqualTo(p.metric(MetricNames.RECENCY_DAYS).orElseThrow());
    }

    ValueTierRules rules = ValueTierRules.defaults().withRetainShare(0.15);
    ValueTiers whole = ValueTiers.of(rules, ValuePredictor.none(), expected);
    SparkValueTiers tiers = SparkValueTiers.of(profiles, rules);
    assertThat(tiers.valueCutoff()).isEqualTo(whole.valueCutoff());
    assertThat(tiers.engagementCutoff()).isCloseTo(whole.engagementCutoff(), within(1e-9 * whole.engagementCutoff()));
    assertThat(labels(tiers.assign(profiles))).isEqualTo(labels(whole.assign(expected)));

    // A predicted value read from a column: engagement scaled, so some engaged-but-not-top customers grow.
    Dataset<Row> predicted = profiles.withColumn("clv", profiles.col(MetricNames.ENGAGEMENT).multiply(40.0));
    List<CustomerProfile> withClv = expected.stream().map(p -> {
      Map<String, Double> metrics = new HashMap<>(p.metrics());
      metrics.put("clv", p.metric(MetricNames.ENGAGEMENT).orElseThrow() * 40.0);
      return new CustomerProfile(p.customer(), metrics);
    }).toList();
    Map<String, String> byClv = labels(tiers.assign(predicted, "clv"));
    assertThat(byClv).isEqualTo(labels(ValueTiers.of(rules, ValuePredictor.fromMetric("clv"), withClv).assign(withClv)));
    assertThat(byClv.values()).contains("retain", "re-engage", "grow", "maintain");
  }

  /** Spark's Greenwald-Khanna bound: the rank of each answer within floor((p - e) n) and ceil((p + e) n). */
  @ParameterizedTest
  @ValueSource(doubles = {0.001, 0.01, 0.05})
  void approximateQuantilesHoldTheirStatedRankError(double error) {
    List<Row> values = new ArrayList<>();
    Random random = new Random(17);
    double[] exact = new double[20_000];
    for (int i = 0; i < exact.length; i++) {
      exact[i] = Math.floor(Math.exp(random.nextGaussian() * 1.5 + 3) * 100) / 100;
      values.add(RowFactory.create("c" + i, 0L, 1L, exact[i]));
    }
    Arrays.sort(exact);
    double[] p = {0, 0.1, 0.25, 0.5, 0.8, 0.9, 0.99, 1};
    ApproximateQuantiles q = ApproximateQuantiles.of(
        spark.createDataFrame(values, SparkRfm.BUYER_SCHEMA).repartition(3), "monetary", p, error);
    int n = exact.length;
    for (int i = 0; i < p.length; i++) {
      double v = q.values().get(i);
      long lowestRank = lowerBound(exact, v) + 1L;
      long highestRank = lowerBound(exact, Math.nextUp(v));
      assertThat(highestRank).as("p %s: %s is in the column", p[i], v).isGreaterThanOrEqualTo(lowestRank);
      assertThat(Math.max(lowestRank, (long) Math.floor((p[i] - error) * n)))
          .as("p %s, value %s, ranks %d..%d", p[i], v, lowestRank, highestRank)
          .isLessThanOrEqualTo(Math.min(highestRank, (long) Math.ceil((p[i] + error) * n)));
    }
    assertThat(q.relativeError()).isEqualTo(error);
  }

  private static int lowerBound(double[] sorted, double v) {
    int i = Arrays.binarySearch(sorted, v);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && sorted[i - 1] == v) {
      i--;
    }
    return i;
  }

  private static void assertScores(Row row, RfmScore expected, String segment) {
    assertThat(List.of(row.<Integer>getAs("r"), row.<Integer>getAs("f"), row.<Integer>getAs("m"),
        row.<Integer>getAs("rfm"))).as(row.toString())
        .isEqualTo(List.of(expected.recency(), expected.frequency(), expected.monetary(), expected.code()));
    assertThat(row.<String>getAs("segment")).isEqualTo(segment);
  }

  private static Map<String, Row> byCustomer(Dataset<Row> ds) {
    Map<String, Row> out = new HashMap<>();
    for (Row row : ds.collectAsList()) {
      out.put(row.getString(0), row);
    }
    return out;
  }

  private static Map<String, String> labels(Dataset<Row> tiers) {
    Map<String, String> out = new HashMap<>();
    for (Row row : tiers.collectAsList()) {
      out.put(row.getString(0), row.getString(1));
    }
    return out;
  }

  private static Map<String, String> labels(Map<String, org.engagement.core.value.tier.ValueTier> tiers) {
    Map<String, String> out = new HashMap<>();
    tiers.forEach((id, tier) -> out.put(id, tier.label()));
    return out;
  }
}
