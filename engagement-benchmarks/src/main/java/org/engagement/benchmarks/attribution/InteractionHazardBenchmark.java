package org.engagement.benchmarks.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.hazard.InteractionHazardModel;
import org.engagement.attribution.journey.JourneySet;
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
 * The {@code interaction-hazard} fit (issue 16: it was about 90 % of the report's ROI section at 10 million
 * interactions) on {@value #PEOPLE} generated people over {@value #CHANNELS} channels, each reached with
 * probability 0.3, hazard {@code 0.01 + Σ β_c} plus a synergy of twice {@code β_a + β_b} for {@value #PAIRS}
 * pairs, so that the screen keeps pairs and the fit is widened; in milliseconds per run (single shot).
 * <ul>
 *   <li>{@code attribute}: what the model does on a new journey set: the additive fit, the screen, the widened
 *       fit and the credits;
 *   <li>{@code resampleRefit}: what the report's ROI bootstrap does on each resample
 *       ({@link InteractionHazardModel#forResamplesOf}): the same steps with both fits by Newton started from
 *       the fits on the whole journeys.
 * </ul>
 * Each run gets another instance of the same journeys ({@link JourneySet#withCounts}), so that no result
 * remembered per instance is reused. Run with
 * {@code java -jar engagement-benchmarks/target/benchmarks.jar InteractionHazard}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class InteractionHazardBenchmark {
  /** People generated (journeys, one each). */
  public static final int PEOPLE = 1_000_000;
  /** Channels. */
  public static final int CHANNELS = 10;
  /** Pairs of channels with synergy. */
  public static final int PAIRS = 4;

  private JourneySet journeys = JourneySet.builder().add(List.of("x"), 0, 0, 1).build();
  private JourneySet fresh = journeys;
  private AttributionModel resampling = InteractionHazardModel.create();

  /** Generates the journeys (seeded) and fits the model on them for the resamples' start. */
  @Setup(Level.Trial)
  public void makeJourneys() {
    journeys = generate(new SplittableRandom(16));
    resampling = InteractionHazardModel.create().forResamplesOf(journeys);
  }

  /** Another instance of the journeys for the next run. */
  @Setup(Level.Invocation)
  public void copy() {
    int paths = journeys.pathCount();
    double[] conversions = new double[paths];
    double[] values = new double[paths];
    double[] nulls = new double[paths];
    for (int p = 0; p < paths; p++) {
      conversions[p] = journeys.conversions(p);
      values[p] = journeys.value(p);
      nulls[p] = journeys.nulls(p);
    }
    fresh = journeys.withCounts(conversions, values, nulls);
  }

  /** The model on a journey set it has not seen; returns the first channel's credit. */
  @Benchmark
  public double attribute() {
    return InteractionHazardModel.create().attribute(fresh).conversions(0);
  }

  /** The model for resamples on a resample-like set; returns the first channel's credit. */
  @Benchmark
  public double resampleRefit() {
    return resampling.attribute(fresh).conversions(0);
  }

  private static JourneySet generate(SplittableRandom random) {
    int sets = 1 << CHANNELS;
    double[] converted = new double[sets];
    double[] failed = new double[sets];
    for (int i = 0; i < PEOPLE; i++) {
      int mask = 0;
      for (int c = 0; c < CHANNELS; c++) {
        mask |= random.nextDouble() < 0.3 ? 1 << c : 0;
      }
      if (random.nextDouble() < -Math.expm1(-hazard(mask))) {
        converted[mask]++;
      } else {
        failed[mask]++;
      }
    }
    JourneySet.Builder builder = JourneySet.builder();
    for (int mask = 1; mask < sets; mask++) {
      if (converted[mask] + failed[mask] > 0) {
        builder.add(path(mask), converted[mask], 50 * converted[mask], failed[mask]);
      }
    }
    return builder.build();
  }

  private static double effect(int channel) {
    return 0.01 * (1 + channel);
  }

  private static double hazard(int mask) {
    double hazard = 0.01;
    for (int c = 0; c < CHANNELS; c++) {
      hazard += (mask >> c & 1) == 1 ? effect(c) : 0;
    }
    for (int p = 0; p < PAIRS; p++) {
      int a = 2 * p;
      int b = 2 * p + 1;
      if ((mask >> a & 1) == 1 && (mask >> b & 1) == 1) {
        hazard += 2 * (effect(a) + effect(b));
      }
    }
    return hazard;
  }

  private static List<String> path(int mask) {
    List<String> path = new ArrayList<>();
    for (int c = 0; c < CHANNELS; c++) {
      if ((mask >> c & 1) == 1) {
        path.add("channel-" + c);
      }
    }
    return path;
  }
}
