package org.engagement.clv.prediction;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Seeded bootstrap intervals for a CLV total: the expected purchases or value of a set of customers over a
 * horizon, with the uncertainty of the fitted model's parameters.
 *
 * <h2>Method</h2>
 * Each resample draws as many customers as there are, with replacement, from the customers given; the
 * {@link Forecaster} fits its models again on the resample (the fit redone per resample, so the spread is the
 * estimation error of the parameters, whatever the model) and forecasts every <em>original</em> customer from
 * their own history. The total is summed over the original customers: the question is what these customers
 * will buy, so their histories stay fixed and only the parameters vary. The interval is the percentile
 * interval of the resampled totals (linear interpolation between order statistics), around the total of the
 * fit on all customers.
 *
 * <p>A resample whose fit fails (the forecaster throws an {@link IllegalArgumentException} or an
 * {@link ArithmeticException}, for example because the fit did not converge) is left out and counted in
 * {@link ForecastTotal#failed()}; a total that is not finite is left out the same way. Resamples run in
 * parallel, each with its own generator split in order from the seed, so the result depends only on the
 * customers, the forecaster and the seed.
 *
 * <p>Instances are immutable and thread-safe; the forecaster must be thread-safe.
 *
 * @since 0.1.0
 */
public final class ForecastBootstrap {
  /** The resamples of {@link #of(int, long)} when none are asked for. */
  public static final int DEFAULT_RESAMPLES = 100;
  /** The default level of the intervals. */
  public static final double DEFAULT_LEVEL = 0.95;
  private static final int MAX_RESAMPLES = 100_000;

  private final int resamples;
  private final long seed;
  private final double level;

  private ForecastBootstrap(int resamples, long seed, double level) {
    this.resamples = resamples;
    this.seed = seed;
    this.level = level;
  }

  /**
   * A bootstrap of {@code resamples} resamples drawn with {@code seed}, at the 95 % level.
   *
   * @throws InvalidFieldException if {@code resamples} is not from 2 to 100,000
   */
  public static ForecastBootstrap of(int resamples, long seed) {
    if (resamples < 2 || resamples > MAX_RESAMPLES) {
      throw new InvalidFieldException("resamples", resamples, "must be from 2 to " + MAX_RESAMPLES);
    }
    return new ForecastBootstrap(resamples, seed, DEFAULT_LEVEL);
  }

  /**
   * This bootstrap with intervals of nominal coverage {@code value}.
   *
   * @throws InvalidFieldException if {@code value} is not strictly between 0 and 1
   */
  public ForecastBootstrap withLevel(double value) {
    if (!(value > 0 && value < 1)) {
      throw new InvalidFieldException("level", value, "must be greater than 0 and less than 1");
    }
    return new ForecastBootstrap(resamples, seed, value);
  }

  /** The number of resamples. */
  public int resamples() {
    return resamples;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The intervals' nominal coverage. */
  public double level() {
    return level;
  }

  /**
   * The total forecast of {@code customers} with its interval.
   *
   * @param customers the customers, at least one
   * @param forecaster fits on a sample of customers and forecasts any customer
   * @throws InvalidFieldException if there are no customers
   * @throws IllegalStateException if fewer than two resamples could be fitted
   * @throws IllegalArgumentException or {@link ArithmeticException} if the fit on all customers fails
   */
  public ForecastTotal total(List<RepeatBuyingSummary> customers, Forecaster forecaster) {
    requireNonNull(customers, "customers");
    requireNonNull(forecaster, "forecaster");
    if (customers.isEmpty()) {
      throw new InvalidFieldException("customers", 0, "must hold at least one customer");
    }
    List<RepeatBuyingSummary> all = List.copyOf(customers);
    double estimate = sum(all, forecaster.fit(all));
    List<SplittableRandom> randoms = randoms();
    double[] totals = IntStream.range(0, resamples).parallel()
        .mapToDouble(i -> resampledTotal(all, forecaster, randoms.get(i))).toArray();
    return interval(estimate, totals);
  }

  /**
   * {@link #total} with each resample handed to {@code forecaster} as counts instead of a list: {@code draws[i]} is
   * how many times customer {@code i} of the {@code customers} was drawn (every count 1 for the fit on all of them).
   * The draws are those {@link #total} makes, in the same order from the same generators, and each total is summed
   * over the customers in order, so with a forecaster that values customer {@code i} as {@link #total}'s values
   * {@code customers.get(i)} the interval is the same to the bit; a resample costs a count per draw instead of a list
   * of the drawn customers (issue 16: 291,796 buyers, 20 resamples). Failed resamples are left out as in {@link
   * #total}.
   *
   * @param customers the number of customers, at least one
   * @param forecaster fits on a resample's counts and values every customer
   * @throws InvalidFieldException if there are no customers
   * @throws IllegalStateException if fewer than two resamples could be fitted
   * @throws IllegalArgumentException or {@link ArithmeticException} if the fit on all customers fails
   */
  public ForecastTotal totalOfCounts(int customers, CountingForecaster forecaster) {
    requireNonNull(forecaster, "forecaster");
    if (customers < 1) {
      throw new InvalidFieldException("customers", customers, "must hold at least one customer");
    }
    int[] everyone = new int[customers];
    Arrays.fill(everyone, 1);
    double estimate = sum(forecaster.values(everyone), customers);
    List<SplittableRandom> randoms = randoms();
    double[] totals = IntStream.range(0, resamples).parallel()
        .mapToDouble(i -> countedTotal(customers, forecaster, randoms.get(i))).toArray();
    return interval(estimate, totals);
  }

  private List<SplittableRandom> randoms() {
    SplittableRandom root = new SplittableRandom(seed);
    List<SplittableRandom> randoms = new ArrayList<>(resamples);
    for (int i = 0; i < resamples; i++) {
      randoms.add(root.split());
    }
    return randoms;
  }

  private ForecastTotal interval(double estimate, double[] totals) {
    double[] kept = Arrays.stream(totals).filter(Double::isFinite).sorted().toArray();
    if (kept.length < 2) {
      throw new IllegalStateException("only " + kept.length + " of " + resamples + " resamples could be fitted");
    }
    double tail = (1 - level) / 2;
    return new ForecastTotal(estimate, Math.min(estimate, quantile(kept, tail)),
        Math.max(estimate, quantile(kept, 1 - tail)), level, resamples, resamples - kept.length);
  }

  private static double countedTotal(int customers, CountingForecaster forecaster, SplittableRandom random) {
    int[] draws = new int[customers];
    for (int i = 0; i < customers; i++) {
      draws[random.nextInt(customers)]++;
    }
    try {
      return sum(forecaster.values(draws), customers);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Double.NaN;
    }
  }

  private static double sum(double[] values, int customers) {
    if (values.length != customers) {
      throw new IllegalArgumentException("the forecaster valued " + values.length + " customers, not " + customers);
    }
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  private static double resampledTotal(List<RepeatBuyingSummary> all, Forecaster forecaster,
      SplittableRandom random) {
    List<RepeatBuyingSummary> sample = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      sample.add(all.get(random.nextInt(all.size())));
    }
    try {
      return sum(all, forecaster.fit(sample));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Double.NaN;
    }
  }

  private static double sum(List<RepeatBuyingSummary> customers, ToDoubleFunction<RepeatBuyingSummary> forecast) {
    double total = 0;
    for (RepeatBuyingSummary customer : customers) {
      total += forecast.applyAsDouble(customer);
    }
    return total;
  }

  /** The {@code p}-quantile of sorted {@code values}, interpolated linearly between order statistics. */
  private static double quantile(double[] values, double p) {
    double position = p * (values.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(values.length - 1, below + 1);
    return values[below] + (position - below) * (values[above] - values[below]);
  }

  /**
   * Fits models on a sample of customers and returns the forecast of any customer (for example the expected
   * purchases over a horizon, or those times the expected spend per purchase).
   *
   * <p>Implementations must be thread-safe: {@link ForecastBootstrap#total} fits the resamples in parallel,
   * calling {@link #fit} on several threads at once.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Forecaster {
    /**
     * The forecast of each customer from the models fitted on {@code sample}.
     *
     * @throws IllegalArgumentException or {@link ArithmeticException} if the models cannot be fitted
     */
    ToDoubleFunction<RepeatBuyingSummary> fit(List<RepeatBuyingSummary> sample);
  }

  /**
   * Fits models on a resample given as counts per customer and values every customer: what {@link
   * #totalOfCounts} needs of a model whose fit depends on the drawn customers only through how often each was drawn
   * (any fit on a sample with repetition does).
   *
   * <p>Implementations must be thread-safe: {@link ForecastBootstrap#totalOfCounts} fits the resamples in parallel,
   * calling {@link #values} on several threads at once.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface CountingForecaster {
    /**
     * The value of every customer, in order, from the models fitted on the resample that drew customer {@code i}
     * {@code draws[i]} times (the array is the caller's: not to be kept or changed).
     *
     * @throws IllegalArgumentException or {@link ArithmeticException} if the models cannot be fitted
     */
    double[] values(int[] draws);
  }

  @Override
  public String toString() {
    return "ForecastBootstrap[resamples=" + resamples + ", seed=" + seed + ", level=" + level + "]";
  }
}
