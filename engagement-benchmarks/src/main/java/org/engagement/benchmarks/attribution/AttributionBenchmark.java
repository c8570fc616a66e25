package org.engagement.benchmarks.attribution;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.heuristic.HeuristicModel;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.markov.MarkovModel;
import org.engagement.attribution.shapley.ShapleyModel;
import org.engagement.attribution.shapley.SimplifiedShapleyModel;
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
import org.openjdk.jol.info.GraphLayout;

/**
 * Attribution of {@value #JOURNEYS} generated journeys over eight channels (about 150,000 distinct paths,
 * see {@link JourneyGenerator}) on one thread, in milliseconds per run (single shot after warm-up runs).
 *
 * <p>The {@link JourneySet} is generated once per trial, so each figure is the model alone:
 * <ul>
 *   <li>{@code heuristics}: first touch, last touch, last non-direct, linear (per touch), linear per unique
 *       channel, position-based (40/20/40), J-shaped, inverse J and participation, one after the other
 *       (time decay is left out: it needs touch times, which path data does not have);
 *   <li>{@code markov}: the exact Markov model of order {@code order} (1, 3, 6) with ChannelAttribution's
 *       state construction (repeated states collapsed), transition counts, absorbing-chain solve and the
 *       removal effect of every channel;
 *   <li>{@code simplifiedShapley}: the simplified Shapley value of Zhao et al.;
 *   <li>{@code generalShapley}: the general Shapley value with v(S) the conversion rate of the journeys
 *       exposed to exactly S, exact over the eight channels (256 coalitions).
 * </ul>
 *
 * <p>At the end of the trial the retained heap of the journey set is measured with JOL and printed.
 * Single shots need many warm-up runs before the JIT has settled: Markov of order 1 and 3 takes about
 * 65 ms per run for its first 15 runs and about 30 ms after a late recompilation, hence twenty warm-up
 * and ten measured runs by default (under a minute in all, the data generated once per benchmark).
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar Attribution}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Djdk.attach.allowAttachSelf=true", "-Djol.magicFieldOffset=true"})
public class AttributionBenchmark {
  /** Journeys generated. */
  public static final int JOURNEYS = 1_000_000;

  private static final List<AttributionModel> HEURISTICS = List.of(
      HeuristicModel.firstTouch(), HeuristicModel.lastTouch(),
      HeuristicModel.lastNonDirect(HeuristicModel.DEFAULT_DIRECT), HeuristicModel.linear(),
      HeuristicModel.linearUnique(), HeuristicModel.positionBased(), HeuristicModel.jShaped(),
      HeuristicModel.inverseJ(), HeuristicModel.participation());

  private JourneySet journeys = JourneySet.builder().add(List.of("x"), 0, 0, 1).build();
  private final SimplifiedShapleyModel simplifiedShapley = SimplifiedShapleyModel.create();
  private final ShapleyModel generalShapley = ShapleyModel.create();

  /** Generates the journeys (seeded). */
  @Setup(Level.Trial)
  public void makeJourneys() {
    journeys = JourneyGenerator.withSeed(JourneyGenerator.DEFAULT_SEED).generate(JOURNEYS);
  }

  /** Every path-based heuristic model, one after the other; returns the sum of their credited conversions. */
  @Benchmark
  public double heuristics() {
    double total = 0;
    for (AttributionModel model : HEURISTICS) {
      total += model.attribute(journeys).totalConversions();
    }
    return total;
  }

  /** The exact Markov model of the order under test (only this benchmark is run per order). */
  @Benchmark
  public AttributionResult markov(MarkovOrder markov) {
    return markov.model.attribute(journeys);
  }

  /** The simplified Shapley value. */
  @Benchmark
  public AttributionResult simplifiedShapley() {
    return simplifiedShapley.attribute(journeys);
  }

  /** The general Shapley value, exact over the eight channels. */
  @Benchmark
  public AttributionResult generalShapley() {
    return generalShapley.attribute(journeys);
  }

  /** Prints the retained heap of the journey set and its size. */
  @TearDown(Level.Trial)
  public void reportRetainedHeap() {
    long bytes = GraphLayout.parseInstance(journeys).totalSize();
    System.out.printf(Locale.ROOT,
        "%nretained heap of JourneySet: %,d bytes (%.1f MB) for %,d journeys on %,d distinct paths"
            + " (%,d touches)%n",
        bytes, bytes / 1e6, JOURNEYS, journeys.pathCount(), journeys.touchCount());
  }

  /** The Markov order under test, a parameter of {@link #markov(MarkovOrder)} alone. */
  @State(Scope.Benchmark)
  public static class MarkovOrder {
    /** The order of the chain. */
    @Param({"1", "3", "6"})
    public int order;

    MarkovModel model = MarkovModel.firstOrder();

    /** Makes the model of this order with ChannelAttribution's defaults (repeated states collapsed). */
    @Setup(Level.Trial)
    public void makeModel() {
      model = MarkovModel.of(order, true);
    }
  }
}
