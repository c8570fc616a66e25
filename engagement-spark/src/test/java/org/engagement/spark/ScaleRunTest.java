package org.engagement.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.clv.LifetimeValueSettings;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.simulator.WorldGenerator;
import org.engagement.simulator.WorldSpec;
import org.engagement.simulator.WorldVisitor;
import org.engagement.spark.clv.LifetimeValueFit;
import org.engagement.spark.ingest.InteractionRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The scale run (profile {@code spark-scale}): simulated worlds generated in the executors (slices of 2,000
 * customers, each its own seed, about 5.4 interactions per customer), written as Parquet, then journeys +
 * attribution, scores and CLV end to end, with the time of each stage and the throughput.
 *
 * <p>{@code -Dengagement.spark.scale=N} is the largest size; {@code -Dengagement.spark.steps=N1,N2,...}
 * runs the analysis at each of several sizes (nested: each step's data hold the previous step's) to show how
 * the driver's memory behaves as the input grows. The data are kept in {@code target/scale-data/<N>} and
 * reused by a later run of the same size, so the analysis can be measured again without generating again.
 *
 * <p>Memory (local mode: the driver and the executors share one JVM): after each stage, the heap in use after
 * a full collection ({@code System.gc()} twice, then {@code MemoryMXBean}): what the driver still holds when
 * the executors' tasks are done, which must not grow with the number of interactions; and per step the peak
 * heap ({@code MemoryPoolMXBean} peaks, reset per step), which holds the executors' working memory.
 */
@EnabledIfSystemProperty(named = "engagement.spark.scale", matches = "\\d+")
class ScaleRunTest extends SparkTestBase {
  private static final int SLICE = 2_000;
  private static final double PER_CUSTOMER = 5.4;
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  /** The driver's heap after GC may grow by at most this much per million more interactions. */
  private static final long FLAT_BYTES_PER_MILLION = 16L << 20;

  @Test
  void endToEnd() throws IOException {
    long largest = Long.parseLong(System.getProperty("engagement.spark.scale"));
    List<Long> steps = new ArrayList<>();
    for (String step : System.getProperty("engagement.spark.steps", Long.toString(largest)).split(",", -1)) {
      steps.add(Math.min(largest, Long.parseLong(step.strip())));
    }
    Path data = Path.of("target", "scale-data", Long.toString(largest));
    StringBuilder report = new StringBuilder();
    List<long[]> parts = generate(data, steps, report);
    List<Long> sizes = new ArrayList<>();
    List<Long> retained = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String[] paths = new String[i + 1];
      for (int j = 0; j <= i; j++) {
        paths[j] = data.resolve("part-" + j).toString();
      }
      Dataset<Row> interactions = spark.read().parquet(paths);
      long count = interactions.count();
      long heap = analyse(interactions, count, parts.get(i)[1] * SLICE, data.resolve("out"), report);
      sizes.add(count);
      retained.add(heap);
      Files.writeString(Path.of("target", "scale-run.txt"), report.toString());
    }
    report.append(String.format(Locale.ROOT, "  peak RSS of the JVM over the whole run %s%n", peakRss()));
    Files.writeString(Path.of("target", "scale-run.txt"), report.toString());
    System.out.print(report);
    for (int i = 1; i < sizes.size(); i++) {
      double millions = (sizes.get(i) - sizes.get(0)) / 1e6;
      assertThat(retained.get(i) - retained.get(0)).as("driver heap after GC at %d vs %d interactions", sizes.get(i),
          sizes.get(0)).isLessThan((long) (FLAT_BYTES_PER_MILLION * Math.max(1, millions)));
    }
  }

  /** Each step's part (slices [from, to)), generated unless a previous run left it; returns {from, to}. */
  private static List<long[]> generate(Path data, List<Long> steps, StringBuilder report) throws IOException {
    List<long[]> parts = new ArrayList<>();
    long from = 0;
    for (int i = 0; i < steps.size(); i++) {
      long to = Math.max(from + 1, Math.round(steps.get(i) / (SLICE * PER_CUSTOMER)));
      Path part = data.resolve("part-" + i);
      Path marker = data.resolve("slices-" + i);
      boolean reusable = Files.exists(part.resolve("_SUCCESS")) && Files.exists(marker)
          && Files.readString(marker).strip().equals(from + "-" + to);
      if (!reusable) {
        long t = System.nanoTime();
        long cpu = processCpu();
        spark.range(from, to, 1, (int) Math.min(to - from, 400)).as(Encoders.LONG())
            .flatMap((FlatMapFunction<Long, Row>) ScaleRunTest::slice, Encoders.row(InteractionRows.SCHEMA))
            .write().mode(SaveMode.Overwrite).parquet(part.toString());
        Files.writeString(marker, from + "-" + to);
        report.append(String.format(Locale.ROOT,
            "generated slices %d-%d (%d customers) as Parquet in %.1f s, CPU %.1f s%n", from, to, (to - from) * SLICE, (System.nanoTime() - t) / 1e9, (processCpu() - cpu) / 1e9));
      }
      parts.add(new long[] {from, to});
      from = to;
    }
    return parts;
  }

  /** Runs every stage on {@code interactions}; returns the most heap in use after GC at a stage's end. */
  private static long analyse(Dataset<Row> interactions, long count, long customers, Path out, StringBuilder report) {
    resetPeaks();
    report.append(String.format(Locale.ROOT, "%,d interactions, %,d customers%n", count, customers));
    long before = heapAfterGc();
    Map<String, long[]> stages = new LinkedHashMap<>();
    JourneyRules rules = JourneyRules.defaults().withAsOf(AS_OF);
    AttributionResult[] markov = new AttributionResult[1];
    stage(stages, "journeys + markov", () -> markov[0] = EngagementSpark.attribute(interactions, rules, "markov"));
    AttributionResult[] decay = new AttributionResult[1];
    stage(stages, "journeys + time-decay", () -> decay[0] = EngagementSpark.attribute(interactions, rules, "time-decay"));
    stage(stages, "scores -> Parquet", () -> EngagementSpark.scores(interactions, EngagementScorer.defaults(), AS_OF)
        .write().mode(SaveMode.Overwrite).parquet(out.resolve("scores").toString()));
    LifetimeValueFit[] fit = new LifetimeValueFit[1];
    stage(stages, "CLV summaries + fit", () -> fit[0] = EngagementSpark.fitLifetimeValue(interactions,
        LifetimeValueSettings.defaults(), ConversionRule.purchases(), Currency.getInstance("EUR"), AS_OF));
    stage(stages, "CLV predictions -> Parquet", () -> EngagementSpark.predictLifetimeValue(interactions, fit[0])
        .write().mode(SaveMode.Overwrite).parquet(out.resolve("clv").toString()));

    long analysis = 0;
    long cpu = 0;
    long retained = 0;
    report.append(String.format(Locale.ROOT, "  heap after GC before the stages %d MiB%n", before >> 20));
    for (Map.Entry<String, long[]> e : stages.entrySet()) {
      double seconds = e.getValue()[0] / 1e9;
      analysis += e.getValue()[0];
      cpu += e.getValue()[2];
      retained = Math.max(retained, e.getValue()[1]);
      report.append(String.format(Locale.ROOT,
          "  %-28s %7.1f s  %9.0f interactions/s  CPU %7.1f s  heap after GC %5d MiB%n", e.getKey(), seconds,
          count / seconds, e.getValue()[2] / 1e9, e.getValue()[1] >> 20));
    }
    report.append(String.format(Locale.ROOT,
        "  analysis total %.1f s (%.0f interactions/s), CPU %.1f s (%.0f interactions per CPU second); peak heap %d MiB%n",
        analysis / 1e9, count / (analysis / 1e9), cpu / 1e9, count / (cpu / 1e9), peakHeap() >> 20));
    assertThat(markov[0].totalConversions()).isPositive();
    assertThat(decay[0].totalConversions()).isEqualTo(markov[0].totalConversions());
    assertThat(fit[0].reason()).isEmpty();
    return retained;
  }

  /** Runs a stage; records its time and the heap in use after GC at its end. */
  private static void stage(Map<String, long[]> stages, String name, Runnable stage) {
    long t = System.nanoTime();
    long cpu = processCpu();
    stage.run();
    long elapsed = System.nanoTime() - t;
    long used = processCpu() - cpu;
    stages.put(name, new long[] {elapsed, heapAfterGc(), used});
  }

  /** The CPU time of the whole JVM (every thread: the driver's, the executor's tasks, GC, JIT). */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static Iterator<Row> slice(long slice) {
    List<Row> rows = new ArrayList<>();
    String prefix = "s" + slice + "-";
    WorldSpec spec = WorldSpec.builder().seed(20_240_101L + slice).customers(SLICE).build();
    WorldGenerator.stream(spec, new WorldVisitor() {
      @Override
      public void interaction(Interaction i) {
        if (!i.timestamp().isAfter(AS_OF)) {
          rows.add(InteractionRows.toRow(new Interaction(prefix + i.customerId(), i.channel(), i.timestamp(), i.type(),
              i.direction(), i.value(), null, i.attributes())));
        }
      }
    });
    return rows.iterator();
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static String peakRss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return line.substring(6).strip();
      }
    }
    return "unknown";
  }
}
