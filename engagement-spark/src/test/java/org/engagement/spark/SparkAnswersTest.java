package org.engagement.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.engagement.attribution.Attribution;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.clv.CustomerValue;
import org.engagement.clv.FittedLifetimeValue;
import org.engagement.clv.LifetimeValueAnalysis;
import org.engagement.clv.LifetimeValueOutcome;
import org.engagement.clv.LifetimeValueSettings;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.engagement.core.churn.ActivityHistory;
import org.engagement.core.churn.CohortRetention;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.funnel.Funnel;
import org.engagement.core.funnel.FunnelDefinition;
import org.engagement.core.presence.ChannelPresence;
import org.engagement.core.profile.Purchases;
import org.engagement.core.value.CustomerValues;
import org.engagement.core.value.ValueConcentration;
import org.engagement.spark.aggregate.SparkAggregates;
import org.engagement.core.domain.Interaction;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.engagement.EngagementScores;
import org.engagement.spark.attribution.SparkAttribution;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.spark.clv.LifetimeValueFit;
import org.engagement.spark.clv.SparkLifetimeValue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeLike;
import org.engagement.spark.ingest.CustomerInteractions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Dataset operation against the in-process API on the same interactions (the bundled simulator
 * world, 27,050 interactions of 5,000 customers, in three partitions): credits to 1e-9, counts exactly.
 */
class SparkAnswersTest extends SparkTestBase {
  private static List<Interaction> interactions;
  private static Dataset<Row> rows;
  private static Instant asOf;
  private static JourneyRules rules;

  @BeforeAll
  static void world() {
    interactions = worldInteractions();
    asOf = asOf(interactions);
    rules = JourneyRules.defaults().withAsOf(asOf);
    rows = dataset(interactions).cache();
  }

  @Test
  void journeySetHasTheInProcessPathsAndCounts() {
    JourneySet whole = rules.journeys(interactions).toJourneySet();
    JourneySet merged = SparkAttribution.journeySet(rows, rules);
    assertThat(paths(merged)).isEqualTo(paths(whole));
    assertThat(merged.totalConversions()).isEqualTo(whole.totalConversions());
    assertThat(merged.totalNulls()).isEqualTo(whole.totalNulls());
    assertThat(merged.totalValue()).isCloseTo(whole.totalValue(), within(1e-9));
    assertThat(merged.setAside()).isEqualTo(whole.setAside());
    assertThat(whole.pathCount()).isGreaterThan(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"first-touch", "last-touch", "linear", "position-based", "time-decay", "w-shaped",
      "markov", "shapley", "shapley-simplified", "shao-li"})
  void creditsEqualTheInProcessModel(String model) {
    AttributionResult expected = Attribution.model(model).attribute(rules.journeys(interactions).toJourneySet());
    AttributionResult actual = SparkAttribution.attribute(rows, rules, model);
    assertThat(actual.channelNames()).isEqualTo(expected.channelNames());
    expected.conversionsByChannel().forEach((channel, credit) ->
        assertThat(actual.conversions(channel)).as(model + " conversions of " + channel).isCloseTo(credit, within(1e-9)));
    expected.valueByChannel().forEach((channel, credit) ->
        assertThat(actual.value(channel)).as(model + " value of " + channel).isCloseTo(credit, within(1e-9)));
    assertThat(actual.totalConversions()).isEqualTo(expected.totalConversions());
    assertThat(expected.totalConversions()).isPositive();
  }

  @Test
  void engagementScoresEqualTheInProcessScores() {
    EngagementScorer scorer = EngagementScorer.defaults();
    Map<String, Double> expected = EngagementScores.asOf(scorer, asOf).addAll(interactions).scoresAt(asOf);
    Map<String, Double> actual = new HashMap<>();
    for (Row row : EngagementSpark.scores(rows, scorer, asOf).collectAsList()) {
      actual.put(row.getString(0), row.getDouble(1));
    }
    // Equal up to the rounding of the decayed sums (the core adds in file order, Spark in time order).
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((customer, score) ->
        assertThat(actual.get(customer)).as(customer).isCloseTo(score, within(1e-9 * Math.max(1, score))));
  }

  @Test
  void lifetimeValueFitAndPredictionsEqualTheInProcessAnalysis() {
    Currency eur = Currency.getInstance("EUR");
    LifetimeValueSettings settings = LifetimeValueSettings.defaults();
    LifetimeValueOutcome outcome = LifetimeValueAnalysis.of(settings)
        .fit(interactions, ConversionRule.purchases(), eur, asOf);
    FittedLifetimeValue expected = outcome.fitted().orElseThrow();
    LifetimeValueFit fit = EngagementSpark.fitLifetimeValue(rows, settings, ConversionRule.purchases(), eur, asOf);
    assertThat(fit.purchases()).contains(expected.purchases());
    assertThat(fit.spend()).contains(expected.spend());
    assertThat(fit.buyers()).isEqualTo(expected.buyers());
    assertThat(fit.repeatBuyers()).isEqualTo(expected.repeatBuyers());
    assertThat(fit.zeroSpendBuyers()).isEqualTo(outcome.zeroSpendBuyers());
    assertThat(fit.models().degeneracies()).isEqualTo(outcome.degeneracies());

    Map<String, Row> summaries = new HashMap<>();
    for (Row row : SparkLifetimeValue.summaries(rows, settings, ConversionRule.purchases(), eur, asOf).collectAsList()) {
      summaries.put(row.getString(0), row);
    }
    assertThat(summaries).hasSize(expected.buyers());
    for (RepeatBuyingSummary summary : expected.summaries()) {
      Row row = summaries.get(summary.customerId());
      assertThat(List.of(row.getInt(1), row.getDouble(2), row.getDouble(3), row.getDouble(4))).as(summary.customerId())
          .isEqualTo(List.of(summary.frequency(), summary.recency(), summary.age(), summary.meanSpend()));
    }

    Map<String, Row> predicted = new HashMap<>();
    for (Row row : EngagementSpark.predictLifetimeValue(rows, fit).collectAsList()) {
      predicted.put(row.getString(0), row);
    }
    assertThat(predicted).hasSize(expected.buyers());
    for (CustomerValue value : expected.predictions()) {
      Row row = predicted.get(value.customerId());
      assertThat(row.getDouble(1)).isCloseTo(value.probabilityAlive(), within(1e-9));
      assertThat(row.getDouble(2)).isCloseTo(value.expectedPurchases(), within(1e-9));
      assertThat(row.getDouble(3)).isCloseTo(value.expectedSpend(), within(1e-9));
      assertThat(row.getDouble(4)).as(value.customerId()).isCloseTo(value.lifetimeValue(), within(1e-9));
    }
  }

  @Test
  void mergeableAggregatesEqualTheInProcessOnes() {
    ConversionRule purchases = ConversionRule.purchases();
    Instant from = asOf.minus(java.time.Duration.ofDays(365));
    assertThat(SparkAggregates.presence(rows, from, asOf, purchases))
        .isEqualTo(ChannelPresence.of(from, asOf, purchases).addAll(interactions));
    assertThat(SparkAggregates.funnel(rows, FunnelDefinition.defaults()))
        .isEqualTo(Funnel.of(FunnelDefinition.defaults()).addAll(interactions));
    ActivityHistory history = SparkAggregates.activity(rows);
    assertThat(history).isEqualTo(ActivityHistory.of(interactions));
    YearMonth through = YearMonth.from(asOf.atZone(ZoneOffset.UTC));
    CohortRetention cohorts = CohortRetention.of(history, ZoneOffset.UTC, through);
    CohortRetention expected = CohortRetention.of(ActivityHistory.of(interactions), ZoneOffset.UTC, through);
    assertThat(cohorts.cohorts()).isEqualTo(expected.cohorts()).isNotEmpty();
    assertThat(cohorts.matrix()).isDeepEqualTo(expected.matrix());
  }

  @Test
  void valueConcentrationIsExactAsInProcess() {
    Currency eur = Currency.getInstance("EUR");
    CustomerValues values = SparkAggregates.customerValues(rows, ConversionRule.purchases(), eur);
    ValueConcentration expected = Purchases.of(interactions, ConversionRule.purchases(), eur).concentration()
        .orElseThrow();
    ValueConcentration actual = values.concentration();
    assertThat(actual.customers()).isEqualTo(expected.customers()).isPositive();
    assertThat(actual.total()).isCloseTo(expected.total(), within(1e-6));
    assertThat(actual.gini()).isCloseTo(expected.gini(), within(1e-9));
    assertThat(actual.topShare(0.2)).isCloseTo(expected.topShare(0.2), within(1e-9));
  }

  /**
   * A pipeline shuffles the interactions once: every operation given the persisted
   * {@link CustomerInteractions} plans no exchange of its own and the Spark jobs of all the stages write the
   * interactions to a shuffle once; the answers are the in-process ones.
   */
  @Test
  void onePersistedShuffleServesEveryStage() throws TimeoutException {
    rows.count();
    EngagementScorer scorer = EngagementScorer.defaults();
    Currency eur = Currency.getInstance("EUR");
    LifetimeValueSettings settings = LifetimeValueSettings.defaults();
    ConversionRule purchases = ConversionRule.purchases();
    CustomerInteractions byCustomer = EngagementSpark.byCustomer(rows);
    AtomicInteger interactionShuffles = new AtomicInteger();
    SparkListener counter = new SparkListener() {
      @Override
      public void onStageCompleted(SparkListenerStageCompleted stage) {
        if (stage.stageInfo().taskMetrics().shuffleWriteMetrics().recordsWritten() == interactions.size()) {
          interactionShuffles.incrementAndGet();
        }
      }
    };
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.conf().set("spark.sql.adaptive.enabled", "false");
    spark.sparkContext().addSparkListener(counter);
    try {
      assertThat(exchanges(byCustomer.rows())).isEqualTo(1);
      assertThat(exchanges(EngagementSpark.scores(rows, scorer, asOf).queryExecution().executedPlan())).isEqualTo(1);
      byCustomer.persist();

      JourneySet paths = EngagementSpark.journeySet(byCustomer, rules);
      AttributionResult markov = EngagementSpark.attribute(byCustomer, rules, "markov");
      AttributionResult decay = EngagementSpark.attribute(byCustomer, rules, "time-decay");
      Dataset<Row> scores = EngagementSpark.scores(byCustomer, scorer, asOf);
      LifetimeValueFit fit = EngagementSpark.fitLifetimeValue(byCustomer, settings, purchases, eur, asOf);
      List<Dataset<Row>> perCustomer = List.of(scores,
          SparkLifetimeValue.summaries(byCustomer, settings, purchases, eur, asOf),
          EngagementSpark.predictLifetimeValue(byCustomer, fit),
          EngagementSpark.buyers(byCustomer, purchases, eur, asOf),
          EngagementSpark.profiles(byCustomer, purchases, scorer, eur, asOf));
      for (Dataset<Row> answer : perCustomer) {
        assertThat(exchanges(answer.queryExecution().executedPlan())).as(answer.schema().simpleString()).isZero();
        assertThat(answer.count()).isPositive();
      }
      assertThat(SparkAggregates.activity(byCustomer)).isEqualTo(ActivityHistory.of(interactions));
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertThat(interactionShuffles.get()).isEqualTo(1);

      JourneySet whole = rules.journeys(interactions).toJourneySet();
      assertThat(paths(paths)).isEqualTo(paths(whole));
      Attribution.model("markov").attribute(whole).conversionsByChannel().forEach((channel, credit) ->
          assertThat(markov.conversions(channel)).as(channel).isCloseTo(credit, within(1e-9)));
      Attribution.model("time-decay").attribute(whole).valueByChannel().forEach((channel, credit) ->
          assertThat(decay.value(channel)).as(channel).isCloseTo(credit, within(1e-9)));
      Map<String, Double> inProcess = EngagementScores.asOf(scorer, asOf).addAll(interactions).scoresAt(asOf);
      Map<String, Double> shared = scoreMap(scores);
      assertThat(shared.keySet()).isEqualTo(inProcess.keySet());
      inProcess.forEach((customer, score) ->
          assertThat(shared.get(customer)).as(customer).isCloseTo(score, within(1e-9 * Math.max(1, score))));
      assertThat(fit.purchases()).contains(LifetimeValueAnalysis.of(settings)
          .fit(interactions, purchases, eur, asOf).fitted().orElseThrow().purchases());
    } finally {
      spark.sparkContext().removeSparkListener(counter);
      spark.conf().unset("spark.sql.adaptive.enabled");
      byCustomer.unpersist();
    }
  }

  private static Map<String, Double> scoreMap(Dataset<Row> scores) {
    Map<String, Double> out = new HashMap<>();
    for (Row row : scores.collectAsList()) {
      out.put(row.getString(0), row.getDouble(1));
    }
    return out;
  }

  /** The shuffle exchanges in {@code rows}' physical plan. */
  private static int exchanges(Dataset<Row> rows) {
    return exchanges(rows.queryExecution().executedPlan());
  }

  /** The shuffle exchanges in {@code plan}; a cached relation's scan is a leaf (its own plan ran once). */
  private static int exchanges(SparkPlan plan) {
    int count = plan instanceof ShuffleExchangeLike ? 1 : 0;
    for (int c = 0; c < plan.children().size(); c++) {
      count += exchanges(plan.children().apply(c));
    }
    return count;
  }

  private static Map<List<String>, List<Double>> paths(JourneySet set) {
    Map<List<String>, List<Double>> out = new HashMap<>();
    for (int p = 0; p < set.pathCount(); p++) {
      out.put(set.pathNames(p), List.of(set.conversions(p), set.nulls(p)));
    }
    return out;
  }
}
