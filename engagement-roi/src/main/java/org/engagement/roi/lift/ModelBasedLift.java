package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Lift against a model-based baseline: each customer's actual post-period count (the summary's {@code
 * holdoutFrequency}) against what an {@link ActivityBaseline} fitted on the pre-period expects of them.
 *
 * <p>Fader, Hardie and Lee (2005, section 8) suggest the repeat-buying model as "a baseline for evaluating
 * changes": fit it before a new channel or programme starts, and the customers' conditional expectations
 * over the post-period are the counterfactual. The difference {@code actual - expected} is the lift, per
 * customer and in total. Three tests:
 *
 * <ul>
 *   <li>{@link #totalTest}: the actual total against the expected total as an exact Poisson test (R's
 *       {@code poisson.test(actual, T = expected)}, the standardised-ratio test); the interval is for
 *       {@code actual / expected}. It treats the expectation as known and the total as Poisson, which
 *       understates the uncertainty when customers are heterogeneous: read it as a screening test.
 *   <li>{@link #meanTest}: a paired t-test of actual against expected across customers, which estimates
 *       the spread from the data and so allows for overdispersion.
 *   <li>{@link #compareGroups}: adopters against non-adopters (or a treated group against a holdout):
 *       Welch's t-test on {@code actual - expected} between the groups. Anything that moved every
 *       customer's activity away from the model (season, a model that is a little off) cancels out, as in
 *       a difference in differences.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ModelBasedLift {
  private static final String TOTAL_METHOD = "exact Poisson test of actual against expected total";
  private static final String MEAN_METHOD = "paired t-test of actual against expected counts";
  private static final String GROUPS_METHOD = "Welch t-test of (actual - expected) between groups";

  private final List<Row> rows;
  private final double postLength;
  private final long actualTotal;
  private final double expectedTotal;

  /**
   * One customer's actual and expected post-period counts. Immutable and thread-safe.
   *
   * @param customerId the customer
   * @param actual the actual post-period count, not negative
   * @param expected the baseline's expected count, finite and not negative
   * @since 0.1.0
   */
  public record Row(String customerId, int actual, double expected) {

    /** Validates the fields. */
    public Row {
      requireNonNull(customerId, "customerId");
      if (actual < 0) {
        throw new InvalidFieldException("actual", actual, "must not be negative");
      }
      Require.finiteNonNegative("expected", expected);
    }

    /** {@code actual - expected}: this customer's lift over the baseline. */
    public double lift() {
      return actual - expected;
    }
  }

  private ModelBasedLift(List<Row> rows, double postLength) {
    this.rows = List.copyOf(rows);
    this.postLength = postLength;
    long actual = 0;
    double expected = 0;
    for (Row row : rows) {
      actual += row.actual();
      expected += row.expected();
    }
    this.actualTotal = actual;
    this.expectedTotal = expected;
  }

  /**
   * Evaluates the baseline for every customer and pairs it with their actual post-period count.
   *
   * @param customers pre-period summaries whose {@code holdoutFrequency} is the post-period count, at least
   *     one
   * @param baseline the expected post-period count per customer
   * @param postLength the post-period's length in the summaries' time unit, finite and positive
   * @throws InvalidFieldException if there is no customer, the length is not positive, or the baseline
   *     returns a negative or non-finite expectation
   */
  public static ModelBasedLift compare(Collection<RepeatBuyingSummary> customers, ActivityBaseline baseline,
      double postLength) {
    requireNonNull(customers, "customers");
    requireNonNull(baseline, "baseline");
    Require.finitePositive("postLength", postLength);
    if (customers.isEmpty()) {
      throw new InvalidFieldException("customers", "[]", "must hold at least one customer");
    }
    List<Row> rows = new ArrayList<>(customers.size());
    for (RepeatBuyingSummary customer : customers) {
      requireNonNull(customer, "customer");
      double expected = baseline.expectedCount(customer, postLength);
      if (!Double.isFinite(expected) || expected < 0) {
        throw new InvalidFieldException("expectedCount", expected,
            "must be finite and not negative (baseline for customer " + customer.customerId() + ")");
      }
      rows.add(new Row(customer.customerId(), customer.holdoutFrequency(), expected));
    }
    return new ModelBasedLift(rows, postLength);
  }

  /** The customers' actual and expected counts, in the order given. */
  public List<Row> rows() {
    return rows;
  }

  /** The post-period length the baseline was evaluated for. */
  public double postLength() {
    return postLength;
  }

  /** The sum of the actual post-period counts. */
  public long actualTotal() {
    return actualTotal;
  }

  /** The sum of the expected post-period counts: the counterfactual total. */
  public double expectedTotal() {
    return expectedTotal;
  }

  /** {@code actualTotal - expectedTotal}: the incremental activity. */
  public double absoluteLift() {
    return actualTotal - expectedTotal;
  }

  /** {@code (actualTotal - expectedTotal) / expectedTotal}, {@code NaN} when nothing was expected. */
  public double relativeLift() {
    return LiftEstimate.relative((double) actualTotal, expectedTotal);
  }

  /** The incremental activity per customer, {@code absoluteLift / customers}. */
  public double liftPerCustomer() {
    return absoluteLift() / rows.size();
  }

  /** {@link #totalTest(double)} at the 95 % level. */
  public LiftEstimate totalTest() {
    return totalTest(Require.DEFAULT_LEVEL);
  }

  /**
   * The exact Poisson test of the actual total against the expected total; the interval (on {@link
   * LiftEstimate.Scale#RATIO}) is the exact Poisson interval for the actual mean divided by the expected total.
   * {@link LiftEstimate#statistic()} is the actual total.
   *
   * @param confidenceLevel the level of the interval for {@code actual / expected}, in (0, 1)
   * @throws InvalidFieldException if the level is out of range or the actual total exceeds {@link
   *     Integer#MAX_VALUE}
   */
  public LiftEstimate totalTest(double confidenceLevel) {
    Require.level(confidenceLevel);
    if (actualTotal > Integer.MAX_VALUE) {
      throw new InvalidFieldException("actualTotal", actualTotal,
          "must not exceed " + Integer.MAX_VALUE + " for the exact test");
    }
    int x = (int) actualTotal;
    double p = ExactCounts.poissonTwoSided(x, expectedTotal);
    return new LiftEstimate(TOTAL_METHOD, LiftEstimate.Scale.RATIO, actualTotal, expectedTotal, absoluteLift(),
        relativeLift(), Double.NaN, ratioInterval(x, confidenceLevel), x, Double.NaN, p);
  }

  private Interval ratioInterval(int x, double level) {
    if (expectedTotal == 0) {
      return new Interval(x == 0 ? 0 : Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, level);
    }
    double[] mean = ExactCounts.poissonMean(x, level);
    return new Interval(mean[0] / expectedTotal, mean[1] / expectedTotal, level);
  }

  /** {@link #meanTest(double)} at the 95 % level. */
  public LiftEstimate meanTest() {
    return meanTest(Require.DEFAULT_LEVEL);
  }

  /**
   * The paired t-test of actual against expected counts across customers: treatment is the mean actual
   * count, control the mean expected count.
   *
   * @param confidenceLevel the level of the interval for the mean lift per customer, in (0, 1)
   * @throws InvalidFieldException if there are fewer than two customers or the level is out of range
   */
  public LiftEstimate meanTest(double confidenceLevel) {
    Require.level(confidenceLevel);
    if (rows.size() < 2) {
      throw new InvalidFieldException("customers.size", rows.size(), "must be at least 2 for a t-test");
    }
    double[] expected = new double[rows.size()];
    double[] actual = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      expected[i] = rows.get(i).expected();
      actual[i] = rows.get(i).actual();
    }
    return PairedDifference.paired(MEAN_METHOD, expected, actual, confidenceLevel);
  }

  /** {@link #compareGroups(Predicate, double)} at the 95 % level. */
  public LiftEstimate compareGroups(Predicate<String> treated) {
    return compareGroups(treated, Require.DEFAULT_LEVEL);
  }

  /**
   * Compares the lift over the baseline of treated customers (adopters of a channel, a campaign's
   * audience) with that of the others, by Welch's t-test on {@code actual - expected}.
   *
   * <p>The estimate is {@code mean(lift | treated) - mean(lift | untreated)}. It is reported as the treated
   * customers' mean actual count (treatment) against their counterfactual (control): their mean expected
   * count plus the untreated customers' mean lift, the drift every customer shared.
   *
   * @param treated tells, by customer id, who was treated
   * @param confidenceLevel the level of the interval for the difference in mean lift, in (0, 1)
   * @throws InvalidFieldException if either group has fewer than two customers or the level is out of range
   */
  public LiftEstimate compareGroups(Predicate<String> treated, double confidenceLevel) {
    requireNonNull(treated, "treated");
    Require.level(confidenceLevel);
    List<Row> in = new ArrayList<>();
    List<Row> out = new ArrayList<>();
    for (Row row : rows) {
      (treated.test(row.customerId()) ? in : out).add(row);
    }
    requireGroup("treated", in);
    requireGroup("untreated", out);
    SampleSummary treatedLift = SampleSummary.of(lifts(in));
    SampleSummary untreatedLift = SampleSummary.of(lifts(out));
    double observed = in.stream().mapToDouble(Row::actual).average().orElseThrow();
    double counterfactual = observed - (treatedLift.mean() - untreatedLift.mean());
    return MeanDifference.difference(GROUPS_METHOD, observed, counterfactual, treatedLift, untreatedLift,
        confidenceLevel);
  }

  private static double[] lifts(List<Row> rows) {
    return rows.stream().mapToDouble(Row::lift).toArray();
  }

  private static void requireGroup(String group, List<Row> rows) {
    if (rows.size() < 2) {
      throw new InvalidFieldException(group + ".size", rows.size(),
          "must be at least 2 customers to compare lifts");
    }
  }
}
