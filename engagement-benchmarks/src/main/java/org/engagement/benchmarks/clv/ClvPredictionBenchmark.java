package org.engagement.benchmarks.clv;

import java.util.concurrent.TimeUnit;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.prediction.CustomerColumns;
import org.engagement.clv.prediction.CustomerLifetimeValue;
import org.engagement.clv.prediction.DiscountRate;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.prediction.Predictions;
import org.engagement.clv.prediction.SpendForecast;
import org.engagement.clv.summary.PeriodUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk predictions for {@value #CUSTOMERS} customers simulated from the published CDNOW BG/NBD parameters
 * (times in whole days, {@link BgNbdSimulator}), in milliseconds per pass over all of them (single shot),
 * on one thread, with the published Gamma-Gamma spend model ({@code p 6.25, q 3.74, gamma 15.44}) and a
 * mean repeat spend of 35 for repeat buyers:
 * <ul>
 *   <li>{@code conditionalExpectation}: {@code E[Y(39 weeks) | x, t_x, T]} of every customer;
 *   <li>{@code probabilityAlive}: {@code P(alive)} of every customer;
 *   <li>{@code lifetimeValueMonthly}: one-year lifetime value at 15 % a year in 12 monthly steps (12
 *       conditional expectations per customer);
 *   <li>{@code lifetimeValueWeekly}: the same in 53 weekly steps, the default step of a weekly model;
 *   <li>{@code reportLifetimeValue}: the report's valuation (issue 16), three years at 10 % a year in 156 weekly
 *       steps: what the report's CLV section computes for every buyer and its bootstrap for every resample.
 * </ul>
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar ClvPrediction -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ClvPredictionBenchmark {
  /** Customers predicted. */
  public static final int CUSTOMERS = 1_000_000;

  private static final Horizon THIRTY_NINE_WEEKS = Horizon.weeks(39);

  private final Predictions predictions = Predictions.of(BgNbdFitBenchmark.TRUTH);
  private final CustomerLifetimeValue weekly = CustomerLifetimeValue.of(BgNbdFitBenchmark.TRUTH,
      SpendForecast.gammaGamma(new GammaGammaModel(6.25, 3.74, 15.44)), Horizon.years(1), DiscountRate.annual(0.15));
  private final CustomerLifetimeValue monthly = weekly.withStep(PeriodUnit.MONTH);
  private final CustomerLifetimeValue report = CustomerLifetimeValue.of(BgNbdFitBenchmark.TRUTH,
      SpendForecast.gammaGamma(new GammaGammaModel(6.25, 3.74, 15.44)), Horizon.years(3), DiscountRate.annual(0.10));
  private CustomerColumns customers = CustomerColumns.of(PeriodUnit.WEEK, new int[0], new double[0], new double[0]);
  private double[] out = new double[0];

  /** Simulates the customers and gives repeat buyers a mean spend of 35. */
  @Setup(Level.Trial)
  public void simulate() {
    CustomerColumns simulated = BgNbdSimulator.of(BgNbdFitBenchmark.TRUTH, PeriodUnit.DAY, BgNbdSimulator.DEFAULT_SEED)
        .columns(CUSTOMERS);
    int n = simulated.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] spend = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = simulated.frequency(i);
      tx[i] = simulated.recency(i);
      t[i] = simulated.age(i);
      spend[i] = x[i] > 0 ? 35 : 0;
    }
    customers = CustomerColumns.of(PeriodUnit.WEEK, x, tx, t, spend);
    out = new double[n];
  }

  /** The conditional expectation over the next 39 weeks. */
  @Benchmark
  public double[] conditionalExpectation() {
    predictions.conditionalExpectedPurchases(customers, THIRTY_NINE_WEEKS, 0, CUSTOMERS, out);
    return out;
  }

  /** The probability alive. */
  @Benchmark
  public double[] probabilityAlive() {
    predictions.probabilityAlive(customers, 0, CUSTOMERS, out);
    return out;
  }

  /** One-year lifetime value in monthly steps. */
  @Benchmark
  public double[] lifetimeValueMonthly() {
    monthly.values(customers, 0, CUSTOMERS, out);
    return out;
  }

  /** One-year lifetime value in weekly steps. */
  @Benchmark
  public double[] lifetimeValueWeekly() {
    weekly.values(customers, 0, CUSTOMERS, out);
    return out;
  }

  /** The report's three-year lifetime value in 156 weekly steps. */
  @Benchmark
  public double[] reportLifetimeValue() {
    report.values(customers, 0, CUSTOMERS, out);
    return out;
  }
}
