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
import java.util.stream.Stream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
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
import org.engagement.spark.ingest.CustomerInteractions;
import org.engagement.spark.ingest.InteractionRows;
import org.apache.spark.storage.RDDInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The scale run (profile {@code spark-scale}): one simulated world of {@code N / 5.4} customers (about 5.4
 * interactions each) generated in Spark's tasks, each task making a range of 2,000 customers with the
 * simulator's own per-customer generation ({@code WorldGenerator.stream(spec, from, to, visitor)}: a
 * customer's life depends only on the seed and their index, so no single writer and no CSV are needed),
 * written once as Parquet; then partitioned by customer once ({@link CustomerInteractions}, persisted) and
 * journeys + attribution, scores, CLV and RFM read that one layout, with the time, CPU, shuffle and spill
 * bytes and heap of each stage and the throughput.
 *
 * <p>{@code -Dengagement.spark.scale=N} is the largest size; {@code -Dengagement.spark.steps=N1,N2,...}
 * runs the analysis at each of several sizes (nested: each step's data hold the previous step's customers)
 * to show how the driver's memory behaves as the input grows ({@code -Dengagement.spark.largestOnly=true}
 * analyses the largest alone, reusing the smaller steps' data). The data are kept in
 * {@code target/scale-data/<N>} and reused by a later run of the same size, so the analysis can be measured
 * again without generating again. Shuffle partitions: one per million interactions (at least 4), or
 * {@code -Dengagement.spark.partitions=P} for every size (to tell what the driver keeps per partition from what
 * it keeps per interaction).
 *
 * <p>Memory (local mode: the driver and the executors share one JVM): after each stage, the heap in use after
 * a full collection ({@code System.gc()} twice, then {@code MemoryMXBean}) less the executor's in-memory
 * cached blocks (the persisted interactions): what the driver still holds when the executors' tasks are
 * done, which must not grow with the number of interactions; the heap after GC once the cache is released (the
 * blocks' size estimate is not exact, so this is the figure free of the cache); and per step the peak
 * heap ({@code MemoryPoolMXBean} peaks, reset per step), which holds the executors' working memory; and the
 * process's peak RSS.
 */
@EnabledIfSystemProperty(named = "engagement.spark.scale", matches = "\\d+")
class ScaleRunTest extends SparkTestBase {
  private static final int SLICE = 2_000;
  private static final long SEED = 20_240_101L;
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
    WorldSpec spec = WorldSpec.builder().seed(SEED)
        .customers(Math.toIntExact((long) Math.ceil(largest / PER_CUSTOMER))).build();
    List<long[]> parts = generate(spec, data, steps, report);
    List<Long> sizes = new ArrayList<>();
    List<Long> retained = new ArrayList<>();
    int first = Boolean.getBoolean("engagement.spark.largestOnly") ? parts.size() - 1 : 0;
    for (int i = first; i < parts.size(); i++) {
      String[] paths = new String[i + 1];
      for (int j = 0; j <= i; j++) {
        paths[j] = data.resolve("part-" + j).toString();
      }
      Dataset<Row> interactions = spark.read().parquet(paths);
      long count = interactions.count();
      spark.conf().set("spark.sql.shuffle.partitions", Long.toString(Long.getLong("engagement.spark.partitions",
          Math.max(4, count / 1_000_000))));
      long heap = analyse(interactions, count, parts.get(i)[1], data.resolve("out"), report);
      sizes.add(count);
      retained.add(heap);
      Files.writeString(Path.of("target", "scale-run.txt"), report.toString());
    }
    report.append(String.format(Locale.ROOT, "  peak RSS of the JVM over the whole run %s; Parquet input %d MiB%n",
        peakRss(), bytes(data) >> 20));
    Files.writeString(Path.of("target", "scale-run.txt"), report.toString());
    System.out.print(report);
    for (int i = 1; i < sizes.size(); i++) {
      double millions = (sizes.get(i) - sizes.get(0)) / 1e6;
      assertThat(retained.get(i) - retained.get(0)).as("driver heap after GC at %d vs %d interactions", sizes.get(i),
          sizes.get(0)).isLessThan((long) (FLAT_BYTES_PER_MILLION * Math.max(1, millions)));
    }
  }

  /** Each step's part (customers [from, to)), generated unless a previous run left it; returns {from, to}. */
  private static List<long[]> generate(WorldSpec spec, Path data, List<Long> steps, StringBuilder report)
      throws IOException {
    List<long[]> parts = new ArrayList<>();
    long from = 0;
    for (int i = 0; i < steps.size(); i++) {
      long to = Math.min(spec.customers(), Math.max(from + 1, (long) Math.ceil(steps.get(i) / PER_CUSTOMER)));
      Path part = data.resolve("part-" + i);
      Path marker = data.resolve("customers-" + i);
      String range = spec.seed() + ":" + spec.customers() + ":" + from + "-" + to;
      boolean reusable = Files.exists(part.resolve("_SUCCESS")) && Files.exists(marker)
          && Files.readString(marker).strip().equals(range);
      if (!reusable) {
        long t = System.nanoTime();
        long cpu = processCpu();
        long slices = (to - from + SLICE - 1) / SLICE;
        long first = from;
        long last = to;
        int world = spec.customers();
        spark.range(0, slices, 1, (int) Math.min(slices, 400)).as(Encoders.LONG())
            .flatMap((FlatMapFunction<Long, Row>) slice -> customers(world, (int) (first + slice * SLICE),
                (int) Math.min(last, first + (slice + 1) * SLICE)), Encoders.row(InteractionRows.SCHEMA))
            .write().mode(SaveMode.Overwrite).parquet(part.toString());
        Files.writeString(marker, range);
        double seconds = (System.nanoTime() - t) / 1e9;
        double cpuSeconds = (processCpu() - cpu) / 1e9;
        long rows = spark.read().parquet(part.toString()).count();
        report.append(String.format(Locale.ROOT,
            "generated customers %d-%d: %,d interactions as Parquet (%d MiB) in %.1f s, CPU %.1f s"
                + " (%.1f CPU s per million)%n", from, to, rows, bytes(part) >> 20, seconds, cpuSeconds,
            cpuSeconds / (rows / 1e6)));
      }
      parts.add(new long[] {from, to});
      from = to;
    }
    return parts;
  }

  /** Runs every stage on {@code interactions}; returns the most heap in use after GC at a stage's end. */
  private static long analyse(Dataset<Row> interactions, long count, long customers, Path out, StringBuilder report)
      throws IOException {
    resetPeaks();
    report.append(String.format(Locale.ROOT, "%,d interactions, %,d customers, %s shuffle partitions%n", count,
        customers, spark.conf().get("spark.sql.shuffle.partitions")));
    long before = heapAfterGc();
    Map<String, long[]> stages = new LinkedHashMap<>();
    StageBytes shuffled = new StageBytes();
    spark.sparkContext().addSparkListener(shuffled);
    JourneyRules rules = JourneyRules.defaults().withAsOf(AS_OF);
    Currency eur = Currency.getInstance("EUR");
    CustomerInteractions byCustomer = EngagementSpark.byCustomer(interactions).persist();
    long[] cached = new long[1];
    stage(stages, shuffled, "partition by customer (cache)", () -> cached[0] = byCustomer.rows().count());
    long cacheBytes = cacheBytes();
    AttributionResult[] markov = new AttributionResult[1];
    stage(stages, shuffled, "journeys + markov", () -> markov[0] = EngagementSpark.attribute(byCustomer, rules,
        "markov"));
    AttributionResult[] decay = new AttributionResult[1];
    stage(stages, shuffled, "journeys + time-decay", () -> decay[0] = EngagementSpark.attribute(byCustomer, rules,
        "time-decay"));
    stage(stages, shuffled, "scores -> Parquet", () -> EngagementSpark.scores(byCustomer, EngagementScorer.defaults(),
        AS_OF).write().mode(SaveMode.Overwrite).parquet(out.resolve("scores").toString()));
    LifetimeValueFit[] fit = new LifetimeValueFit[1];
    stage(stages, shuffled, "CLV summaries + fit", () -> fit[0] = EngagementSpark.fitLifetimeValue(byCustomer,
        LifetimeValueSettings.defaults(), ConversionRule.purchases(), eur, AS_OF));
    stage(stages, shuffled, "CLV predictions -> Parquet", () -> EngagementSpark.predictLifetimeValue(byCustomer,
        fit[0]).write().mode(SaveMode.Overwrite).parquet(out.resolve("clv").toString()));
    stage(stages, shuffled, "RFM buyers + scores -> Parquet", () -> {
      Dataset<Row> buyers = EngagementSpark.buyers(byCustomer, ConversionRule.purchases(), eur, AS_OF).persist();
      EngagementSpark.rfm(buyers).write().mode(SaveMode.Overwrite).parquet(out.resolve("rfm").toString());
      buyers.unpersist();
    });
    byCustomer.rows().unpersist(true);
    spark.sparkContext().removeSparkListener(shuffled);
    long released = heapAfterGc();

    long analysis = 0;
    long cpu = 0;
    long retained = 0;
    report.append(String.format(Locale.ROOT,
        "  heap after GC before the stages %d MiB; the partitioned interactions cached in %d MiB (memory + disk)%n",
        before >> 20, cacheBytes >> 20));
    for (Map.Entry<String, long[]> e : stages.entrySet()) {
      long[] v = e.getValue();
      double seconds = v[0] / 1e9;
      analysis += v[0];
      cpu += v[2];
      retained = Math.max(retained, v[1]);
      report.append(String.format(Locale.ROOT,
          "  %-31s %7.1f s  %9.0f interactions/s  CPU %7.1f s  driver heap after GC %5d MiB  shuffle write %6d MiB"
              + "  spill to disk %6d MiB%n", e.getKey(), seconds, count / seconds, v[2] / 1e9, v[1] >> 20,
          v[3] >> 20, v[4] >> 20));
    }
    report.append(String.format(Locale.ROOT,
        "  analysis total %.1f s (%.0f interactions/s), CPU %.1f s (%.0f interactions per CPU second, %.1f CPU s"
            + " per million); peak heap %d MiB%n",
        analysis / 1e9, count / (analysis / 1e9), cpu / 1e9, count / (cpu / 1e9), cpu / 1e9 / (count / 1e6),
        peakHeap() >> 20));
    report.append(String.format(Locale.ROOT, "  heap after GC once the cache is released %d MiB%n", released >> 20));
    Files.writeString(Path.of("target", "scale-run.txt"), report.toString());
    assertThat(cached[0]).isEqualTo(count);
    assertThat(shuffled.interactionShuffles(count)).as("shuffles of the interactions").isEqualTo(1);
    assertThat(markov[0].totalConversions()).isPositive();
    assertThat(decay[0].totalConversions()).isEqualTo(markov[0].totalConversions());
    assertThat(fit[0].reason()).isEmpty();
    return retained;
  }

  /**
   * Runs a stage; records its time, the heap in use after GC at its end, its CPU time, and the bytes its
   * jobs wrote to shuffle files and spilled to disk.
   */
  private static void stage(Map<String, long[]> stages, StageBytes bytes, String name, Runnable stage) {
    long t = System.nanoTime();
    long cpu = processCpu();
    long[] before = bytes.totals();
    stage.run();
    long elapsed = System.nanoTime() - t;
    long used = processCpu() - cpu;
    long[] after = bytes.totals();
    stages.put(name, new long[] {elapsed, driverHeapAfterGc(), used, after[0] - before[0], after[1] - before[1]});
  }

  /**
   * The heap in use after GC less what the executor's block manager holds in memory for cached Datasets (in
   * local mode the executor's storage shares the driver's heap; the persisted interactions are the
   * executor's, and grow with the input by design).
   */
  private static long driverHeapAfterGc() {
    long heap = heapAfterGc();
    long cached = 0;
    for (RDDInfo info : spark.sparkContext().getRDDStorageInfo()) {
      cached += info.memSize();
    }
    return heap - cached;
  }

  /** The memory and disk the session's cached RDDs hold now. */
  private static long cacheBytes() {
    long sum = 0;
    for (RDDInfo info : spark.sparkContext().getRDDStorageInfo()) {
      sum += info.memSize() + info.diskSize();
    }
    return sum;
  }

  /** Shuffle bytes written and bytes spilled to disk by completed stages, and which stages shuffled what. */
  private static final class StageBytes extends SparkListener {
    private long shuffleWrite;
    private long spill;
    private final List<Long> records = new ArrayList<>();

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
      TaskMetrics metrics = completed.stageInfo().taskMetrics();
      shuffleWrite += metrics.shuffleWriteMetrics().bytesWritten();
      spill += metrics.diskBytesSpilled();
      records.add(metrics.shuffleWriteMetrics().recordsWritten());
    }

    /** {shuffle bytes written, bytes spilled}, once the events so far are delivered. */
    long[] totals() {
      try {
        spark.sparkContext().listenerBus().waitUntilEmpty();
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(e);
      }
      synchronized (this) {
        return new long[] {shuffleWrite, spill};
      }
    }

    /** How many stages wrote all {@code count} interactions to a shuffle. */
    synchronized long interactionShuffles(long count) {
      return records.stream().filter(r -> r == count).count();
    }
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

  /**
   * The interactions up to the as-of of customers [from, to) of the scale run's world of {@code world}
   * customers (the spec is made again in the task: it is not serialisable, and it is a value).
   */
  private static Iterator<Row> customers(int world, int from, int to) {
    List<Row> rows = new ArrayList<>();
    WorldGenerator.stream(WorldSpec.builder().seed(SEED).customers(world).build(), from, to, new WorldVisitor() {
      @Override
      public void interaction(Interaction i) {
        if (!i.timestamp().isAfter(AS_OF)) {
          rows.add(InteractionRows.toRow(i));
        }
      }
    });
    return rows.iterator();
  }

  private static long bytes(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
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
