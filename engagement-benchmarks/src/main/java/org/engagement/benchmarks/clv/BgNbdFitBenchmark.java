package org.engagement.benchmarks.clv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryCsvReader;
import org.engagement.clv.summary.WeightedSummary;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BG/NBD maximum-likelihood fits, in milliseconds per fit (single shot), on one thread:
 * <ul>
 *   <li>{@code cdnow}: the 2,357-customer CDNOW sample ({@code cdnow/cdnow_customers_summary.csv}, see the
 *       README there), compression included (the aim: under 0.3 s);
 *   <li>{@code synthetic}: {@value #CUSTOMERS} customers simulated from the published CDNOW parameters by
 *       {@link BgNbdSimulator} at the {@code resolution} under test (times in whole days or whole weeks),
 *       compressed into distinct {@code (x, t_x, T)} rows and fitted; the compression is part of the
 *       measured time (the aim: under 5 s);
 *   <li>{@code syntheticPrecompressed}: the same fit on rows compressed once at setup, the likelihood search
 *       alone.
 * </ul>
 *
 * <p>At the end of a trial the distinct-row count and the estimates are printed, so the run shows what the
 * fit recovered. At day resolution (about 106,000 distinct rows) it is close to the truth (r 0.250, alpha
 * 4.71, a 0.779, b 2.43 in one run); at week resolution (about 4,600 rows) the recorded counts are distinct
 * purchase weeks, no longer quite a BG/NBD process, and the estimates drift (r 0.29, alpha 6.6): that
 * variant measures speed on few rows, not recovery.
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar BgNbdFit -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BgNbdFitBenchmark {
  /** Simulated customers. */
  public static final int CUSTOMERS = 1_000_000;
  /** The published CDNOW parameters (FHL 2005), the truth of the simulation. */
  static final BgNbdModel TRUTH = new BgNbdModel(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEK);

  private static final FitOptions OPTIONS = FitOptions.defaults();

  private List<RepeatBuyingSummary> cdnow = List.of();
  private @Nullable FitResult last;

  /** Reads the CDNOW summary. */
  @Setup(Level.Trial)
  public void load() {
    cdnow = readCdnow();
  }

  /** The simulated customers, a parameter of the synthetic benchmarks alone. */
  @State(Scope.Benchmark)
  public static class Synthetic {
    /** The time resolution of the simulated summaries: DAY or WEEK. */
    @Param({"DAY", "WEEK"})
    public String resolution = "DAY";

    List<RepeatBuyingSummary> customers = List.of();
    List<WeightedSummary> compressed = List.of();

    /** Simulates the customers and compresses them once. */
    @Setup(Level.Trial)
    public void simulate() {
      customers = BgNbdSimulator.of(TRUTH, PeriodUnit.valueOf(resolution), BgNbdSimulator.DEFAULT_SEED)
          .summaries(CUSTOMERS);
      compressed = WeightedSummary.compress(customers);
    }

    /** Prints the size of the compressed data. */
    @TearDown(Level.Trial)
    public void report() {
      System.out.printf(Locale.ROOT, "%n%,d simulated customers at %s resolution: %,d distinct (x, t_x, T) rows%n",
          CUSTOMERS, resolution, compressed.size());
    }
  }

  static List<RepeatBuyingSummary> readCdnow() {
    InputStream in = Objects.requireNonNull(
        BgNbdFitBenchmark.class.getResourceAsStream("/cdnow/cdnow_customers_summary.csv"), "CDNOW summary");
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return SummaryCsvReader.read(reader, "cdnow").summaries();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compresses and fits the CDNOW sample. */
  @Benchmark
  public FitResult cdnow() {
    return keep(BgNbdModel.fit(WeightedSummary.compress(cdnow), PeriodUnit.WEEK, OPTIONS));
  }

  /** Compresses and fits the simulated customers. */
  @Benchmark
  public FitResult synthetic(Synthetic data) {
    return keep(BgNbdModel.fit(WeightedSummary.compress(data.customers), PeriodUnit.WEEK, OPTIONS));
  }

  /** Fits the simulated customers compressed at setup. */
  @Benchmark
  public FitResult syntheticPrecompressed(Synthetic data) {
    return keep(BgNbdModel.fit(data.compressed, PeriodUnit.WEEK, OPTIONS));
  }

  private FitResult keep(ModelFit<BgNbdModel> fit) {
    last = fit.result();
    return last;
  }

  /** Prints this benchmark's last estimates, to show what the fit recovered. */
  @TearDown(Level.Trial)
  public void report() {
    System.out.printf(Locale.ROOT, "%nlast fit of this benchmark: %s (CDNOW: %,d customers, %,d distinct rows)%n",
        last, cdnow.size(), WeightedSummary.compress(cdnow).size());
  }
}
