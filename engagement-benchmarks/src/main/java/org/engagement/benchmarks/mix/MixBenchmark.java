package org.engagement.benchmarks.mix;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.BudgetRequest;
import org.engagement.roi.mix.MarketingMix;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixModel;
import org.engagement.roi.mix.MixSettings;
import org.engagement.simulator.mix.MixSimulation;
import org.engagement.simulator.mix.MixWorld;
import org.engagement.simulator.mix.MixWorldSpec;
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
 * The marketing mix model on {@link MixWorldSpec#defaults} (8 channels, 156 weeks), seed 1, one thread, in
 * milliseconds per call (single shot):
 * <ul>
 *   <li>{@code fit}: the point estimate with the weekly settings (two starts of at most 2,500 evaluations),
 *       no bootstrap;
 *   <li>{@code fitWithIntervals}: the same with 50 bootstrap resamples (the weekly default);
 *   <li>{@code recommend}: the budget optimiser on a model with 50 resamples (1,000 grid steps over the
 *       budget, the expected response averaged over 51 curves per channel).
 * </ul>
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar Mix -f 1 -wi 2 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class MixBenchmark {
  @SuppressWarnings("NullAway.Init")
  private MixData data;

  @SuppressWarnings("NullAway.Init")
  private MixModel model;

  private double budget;

  /** Simulates the world and fits the model the optimiser uses. */
  @Setup(Level.Trial)
  public void simulate() {
    MixWorld world = MixSimulation.generate(MixWorldSpec.defaults(1));
    MixData.Builder builder = MixData.builder();
    List<LocalDate> periods = world.periods();
    double[] outcome = world.outcome();
    for (int t = 0; t < periods.size(); t++) {
      builder.outcome(periods.get(t), outcome[t]);
    }
    budget = 0;
    for (int c = 0; c < world.channels().size(); c++) {
      double[] spend = world.spend(c);
      for (int t = 0; t < spend.length; t++) {
        builder.spend(periods.get(t), world.channels().get(c), spend[t]);
      }
      budget += world.meanSpend(c);
    }
    data = builder.build();
    model = MarketingMix.fit(data, MixSettings.weekly());
  }

  /** The point estimate. */
  @Benchmark
  public MixModel fit() {
    return MarketingMix.fit(data, MixSettings.weekly().withResamples(0));
  }

  /** The estimate with 50 bootstrap resamples. */
  @Benchmark
  public MixModel fitWithIntervals() {
    return MarketingMix.fit(data, MixSettings.weekly());
  }

  /** The budget recommendation at the current total. */
  @Benchmark
  public BudgetPlan recommend() {
    return model.recommend(BudgetRequest.of(budget));
  }
}
