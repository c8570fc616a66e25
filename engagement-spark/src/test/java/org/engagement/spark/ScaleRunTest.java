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
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale run (profile {@code spark-scale}, {@code -Dengagement.spark.scale=N} interactions): simulated
 * worlds generated in the executors (slices of 2,000 customers, each its own seed, about 5.4 interactions
 * per customer), written as Parquet, then journeys + attribution, scores and CLV end to end, with the time of
 * each stage, the throughput and the JVM's peak heap printed (local mode: driver and executors share it).
 */
@EnabledIfSystemProperty(named = "engagement.spark.scale", matches = "\\d+")
class ScaleRunTest extends SparkTestBase {
  private static final int SLICE = 2_000;
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path dir;

  @Test
  void endToEnd() throws IOException {
    long target = Long.parseLong(System.getProperty("engagement.spark.scale"));
    long slices = Math.max(1, Math.round(target / (SLICE * 5.4)));
    Map<String, Long> stages = new LinkedHashMap<>();
    String data = dir.resolve("interactions").toString();

    long t = System.nanoTime();
    spark.range(0, slices, 1, (int) Math.min(slices, 400)).as(Encoders.LONG())
        .flatMap((FlatMapFunction<Long, Row>) ScaleRunTest::slice, Encoders.row(InteractionRows.SCHEMA))
        .write().mode(SaveMode.Overwrite).parquet(data);
    stages.put("generate + write Parquet", System.nanoTime() - t);
    Dataset<Row> interactions = spark.read().parquet(data);
    long count = interactions.count();

    t = System.nanoTime();
    AttributionResult markov = EngagementSpark.attribute(interactions, JourneyRules.defaults().withAsOf(AS_OF), "markov");
    stages.put("journeys + markov", System.nanoTime() - t);
    t = System.nanoTime();
    AttributionResult decay = EngagementSpark.attribute(interactions, JourneyRules.defaults().withAsOf(AS_OF), "time-decay");
    stages.put("journeys + time-decay", System.nanoTime() - t);
    t = System.nanoTime();
    EngagementSpark.scores(interactions, EngagementScorer.defaults(), AS_OF).write().mode(SaveMode.Overwrite)
        .parquet(dir.resolve("scores").toString());
    stages.put("scores -> Parquet", System.nanoTime() - t);
    t = System.nanoTime();
    LifetimeValueFit fit = EngagementSpark.fitLifetimeValue(interactions, LifetimeValueSettings.defaults(),
        ConversionRule.purchases(), Currency.getInstance("EUR"), AS_OF);
    stages.put("CLV summaries + fit", System.nanoTime() - t);
    t = System.nanoTime();
    EngagementSpark.predictLifetimeValue(interactions, fit).write().mode(SaveMode.Overwrite)
        .parquet(dir.resolve("clv").toString());
    stages.put("CLV predictions -> Parquet", System.nanoTime() - t);

    StringBuilder report = new StringBuilder("scale run: " + count + " interactions, " + slices * SLICE
        + " customers\n");
    long analysis = 0;
    for (Map.Entry<String, Long> e : stages.entrySet()) {
      double seconds = e.getValue() / 1e9;
      if (!e.getKey().startsWith("generate")) {
        analysis += e.getValue();
      }
      report.append(String.format(java.util.Locale.ROOT, "  %-28s %8.1f s  %10.0f interactions/s%n", e.getKey(),
          seconds, count / seconds));
    }
    report.append(String.format(java.util.Locale.ROOT, "  analysis total %.1f s; peak heap %d MiB; peak RSS %s%n",
        analysis / 1e9, peakHeap() >> 20, peakRss()));
    Files.writeString(Path.of("target", "scale-run.txt"), report.toString());
    System.out.print(report);
    assertThat(markov.totalConversions()).isPositive();
    assertThat(decay.totalConversions()).isEqualTo(markov.totalConversions());
    assertThat(fit.reason()).isEmpty();
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
