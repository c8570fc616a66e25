package org.engagement.spark.clv;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.engagement.clv.BuyerHistories;
import org.engagement.clv.LifetimeValueAnalysis;
import org.engagement.clv.LifetimeValueSettings;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.prediction.CustomerColumns;
import org.engagement.clv.prediction.CustomerLifetimeValue;
import org.engagement.clv.prediction.Predictions;
import org.engagement.clv.prediction.SpendForecast;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.spark.aggregate.SparkAggregates;
import org.engagement.spark.ingest.CustomerInteractions;
import org.engagement.spark.ingest.InteractionRows;
import org.engagement.spark.internal.ChunkRows;

/**
 * Customer lifetime value on Spark, with the numbers of {@link LifetimeValueAnalysis} on the same
 * interactions: repeat-buying summaries per customer computed in the partitions (each customer whole in
 * one), compressed there to distinct histories ({@code WeightedSummaries}) and spend rows
 * ({@code SpendSummaries}) as {@link BuyerHistories}, merged in a tree, fitted on the driver by
 * {@link LifetimeValueAnalysis#fitHistories} (the in-process fit's own code path, so the fitted parameters
 * are the same bits), and predictions per customer as a Dataset.
 *
 * <p>The discount rate travels to the executors as its effective annual rate, which gives the same
 * discounting up to rounding.
 *
 * <p>Stateless and thread-safe; every method runs Spark jobs on the Dataset's session.
 *
 * @since 0.1.0
 */
public final class SparkLifetimeValue {
  /** One row per buyer: the repeat-buying summary in the settings' unit. */
  public static final StructType SUMMARY_SCHEMA = new StructType()
      .add(InteractionRows.CUSTOMER_ID, DataTypes.StringType, false)
      .add("frequency", DataTypes.IntegerType, false)
      .add("recency", DataTypes.DoubleType, false)
      .add("age", DataTypes.DoubleType, false)
      .add("mean_spend", DataTypes.DoubleType, false);

  /** One row per buyer: P(alive), expected purchases over the horizon, spend per purchase, and value. */
  public static final StructType PREDICTION_SCHEMA = new StructType()
      .add(InteractionRows.CUSTOMER_ID, DataTypes.StringType, false)
      .add("probability_alive", DataTypes.DoubleType, false)
      .add("expected_purchases", DataTypes.DoubleType, false)
      .add("expected_spend", DataTypes.DoubleType, false)
      .add("value", DataTypes.DoubleType, false);

  private SparkLifetimeValue() {}

  /**
   * Each buyer's summary, as {@link LifetimeValueAnalysis#summaries} makes it from
   * {@link LifetimeValueAnalysis#transactions}, in {@link #SUMMARY_SCHEMA}.
   *
   * @throws InvalidFieldException if the conversion rule is not serialisable
   */
  public static Dataset<Row> summaries(Dataset<Row> interactions, LifetimeValueSettings settings,
      ConversionRule rule, Currency currency, Instant asOf) {
    return summaries(CustomerInteractions.of(interactions), settings, rule, currency, asOf);
  }

  /** {@link #summaries(Dataset, LifetimeValueSettings, ConversionRule, Currency, Instant)} with no shuffle of its own. */
  public static Dataset<Row> summaries(CustomerInteractions interactions, LifetimeValueSettings settings,
      ConversionRule rule, Currency currency, Instant asOf) {
    ClvForm form = form(settings, rule, currency, asOf);
    return requireNonNull(interactions, "interactions").rows().mapPartitions(SummaryStep.rows(form), Encoders.row(SUMMARY_SCHEMA));
  }

  /**
   * Fits BG/NBD and Gamma-Gamma on the purchases among {@code interactions} up to {@code asOf}, as
   * {@link LifetimeValueAnalysis#fit(Iterable, ConversionRule, Currency, Instant)} does in-process: each
   * partition's {@link BuyerHistories}, merged, given to {@link LifetimeValueAnalysis#fitHistories} on the
   * driver (the in-process fit's own path: the same rows, thresholds and reasons).
   *
   * @throws InvalidFieldException if the conversion rule is not serialisable
   */
  public static LifetimeValueFit fit(Dataset<Row> interactions, LifetimeValueSettings settings,
      ConversionRule rule, Currency currency, Instant asOf) {
    return fit(CustomerInteractions.of(interactions), settings, rule, currency, asOf);
  }

  /** {@link #fit(Dataset, LifetimeValueSettings, ConversionRule, Currency, Instant)} with no shuffle of its own. */
  public static LifetimeValueFit fit(CustomerInteractions interactions, LifetimeValueSettings settings,
      ConversionRule rule, Currency currency, Instant asOf) {
    ClvForm form = form(settings, rule, currency, asOf);
    BuyerHistories histories = SparkAggregates.aggregate(requireNonNull(interactions, "interactions"),
        BuyerHistories.empty(), chunk -> BuyerHistories.of(SummaryStep.summaries(chunk, form)));
    return new LifetimeValueFit(LifetimeValueAnalysis.of(settings).fitHistories(histories), form);
  }

  /**
   * Each buyer's predictions under {@code fit}, in {@link #PREDICTION_SCHEMA}: the numbers of
   * {@code FittedLifetimeValue.predictions()} for the same customers.
   *
   * @throws InvalidFieldException if the fit has no models (field {@code fit}, with its reason)
   */
  public static Dataset<Row> predictions(Dataset<Row> interactions, LifetimeValueFit fit) {
    return predictions(CustomerInteractions.of(interactions), fit);
  }

  /** {@link #predictions(Dataset, LifetimeValueFit)} on interactions already partitioned by customer. */
  public static Dataset<Row> predictions(CustomerInteractions interactions, LifetimeValueFit fit) {
    requireNonNull(fit, "fit");
    BgNbdModel purchases = fit.purchases().orElseThrow(
        () -> new InvalidFieldException("fit", fit.reason().orElse(""), "must have fitted models to predict"));
    GammaGammaModel spend = fit.spend().orElseThrow();
    double[] p = {purchases.r(), purchases.alpha(), purchases.a(), purchases.b()};
    double[] s = {spend.p(), spend.q(), spend.gamma()};
    ClvForm form = fit.form();
    return requireNonNull(interactions, "interactions").rows()
        .mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows -> {
          BgNbdModel model = new BgNbdModel(p[0], p[1], p[2], p[3], form.unit());
          GammaGammaModel gg = new GammaGammaModel(s[0], s[1], s[2]);
          return ChunkRows.of(rows, chunk -> predict(SummaryStep.summaries(chunk, form), model, gg, form));
        }, Encoders.row(PREDICTION_SCHEMA));
  }

  static Row summaryRow(RepeatBuyingSummary s) {
    return RowFactory.create(s.customerId(), s.frequency(), s.recency(), s.age(), s.meanSpend());
  }

  private static List<Row> predict(List<RepeatBuyingSummary> summaries, BgNbdModel model, GammaGammaModel spend,
      ClvForm form) {
    CustomerColumns columns = CustomerColumns.from(summaries, form.unit());
    Predictions predictions = Predictions.of(model);
    double[] alive = predictions.probabilityAlive(columns);
    double[] expected = predictions.conditionalExpectedPurchases(columns, form.horizon());
    double[] spends = SpendForecast.gammaGamma(spend).perPurchase(columns);
    double[] values = CustomerLifetimeValue.of(model, SpendForecast.gammaGamma(spend), form.horizon(),
        form.discountRate()).values(columns);
    List<Row> out = new ArrayList<>(summaries.size());
    for (int i = 0; i < values.length; i++) {
      out.add(RowFactory.create(summaries.get(i).customerId(), alive[i], expected[i], spends[i], values[i]));
    }
    return out;
  }

  private static ClvForm form(LifetimeValueSettings settings, ConversionRule rule, Currency currency,
      Instant asOf) {
    return new ClvForm(requireNonNull(settings, "settings"), requireNonNull(rule, "rule"),
        requireNonNull(currency, "currency"), requireNonNull(asOf, "asOf"));
  }
}
