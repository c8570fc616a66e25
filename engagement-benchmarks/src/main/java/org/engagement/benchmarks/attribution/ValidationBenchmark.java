package org.engagement.benchmarks.attribution;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.engagement.attribution.heuristic.HeuristicModel;
import org.engagement.attribution.interval.BootstrapIntervals;
import org.engagement.attribution.interval.CreditIntervals;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.validation.CrossValidation;
import org.engagement.attribution.validation.ValidationReport;
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
 * The uncertainty and validation tools on the {@link AttributionBenchmark}'s {@value AttributionBenchmark#JOURNEYS}
 * generated journeys (about 150,000 distinct paths over eight channels), in milliseconds per run:
 * <ul>
 *   <li>{@code bootstrapLastTouch}: 200 resamples of the path counts (Poisson bootstrap) with last touch on
 *       each, on the common fork-join pool: the cost of the resampling itself plus 200 cheap model runs;
 *   <li>{@code crossValidation}: 5 journey folds, every predictor, Markov orders 1 to 4.
 * </ul>
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar Validation}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ValidationBenchmark {
  private JourneySet journeys = JourneySet.builder().add(List.of("x"), 0, 0, 1).build();
  private final BootstrapIntervals bootstrap = BootstrapIntervals.of(200, 1);
  private final CrossValidation validation = CrossValidation.defaults();

  /** Generates the journeys (seeded). */
  @Setup(Level.Trial)
  public void makeJourneys() {
    journeys = JourneyGenerator.withSeed(JourneyGenerator.DEFAULT_SEED).generate(AttributionBenchmark.JOURNEYS);
  }

  /** 200 bootstrap resamples of last touch. */
  @Benchmark
  public CreditIntervals bootstrapLastTouch() {
    return bootstrap.compute(HeuristicModel.lastTouch(), journeys);
  }

  /** Five-fold validation of every predictor. */
  @Benchmark
  public ValidationReport crossValidation() {
    return validation.validate(journeys);
  }
}
