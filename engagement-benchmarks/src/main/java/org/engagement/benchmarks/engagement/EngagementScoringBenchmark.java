package org.engagement.benchmarks.engagement;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.engagement.EngagementScores;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jol.info.GraphLayout;

/**
 * Scoring {@value #INTERACTIONS} interactions over {@value #CUSTOMERS} customers into per-customer
 * engagement states on one thread, in seconds per run (single shot after warm-up runs).
 *
 * <p>The interactions are made once per trial (seeded) and kept in an array, so the figure is the
 * scoring alone: weight lookup, the customer's state, lazy decay. At the end of the trial the retained
 * heap of the resulting {@link EngagementScores} is measured with JOL and printed per customer.
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar EngagementScoring}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Djdk.attach.allowAttachSelf=true", "-Djol.magicFieldOffset=true"})
public class EngagementScoringBenchmark {
  /** Interactions scored per run. */
  public static final int INTERACTIONS = 10_000_000;
  /** Distinct customers. */
  public static final int CUSTOMERS = 1_000_000;

  private static final long SEED = 20_241_123L;
  private static final InteractionType[] TYPES = InteractionType.values();

  private final EngagementScorer scorer = EngagementScorer.defaults();
  private Interaction[] interactions = new Interaction[0];
  private EngagementScores last = EngagementScores.of(scorer);

  /** Makes the interactions: customers drawn uniformly, two years of timestamps, eight channels. */
  @Setup(Level.Trial)
  public void makeInteractions() {
    SplittableRandom random = new SplittableRandom(SEED);
    String[] customers = new String[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      customers[i] = "cust-" + i;
    }
    Channel[] channels = new Channel[8];
    ChannelGroup[] groups = ChannelGroup.values();
    for (int i = 0; i < channels.length; i++) {
      channels[i] = Channel.of("channel-" + i, groups[i]);
    }
    long start = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    interactions = new Interaction[INTERACTIONS];
    for (int i = 0; i < INTERACTIONS; i++) {
      interactions[i] = Interaction.builder()
          .customerId(customers[i < CUSTOMERS ? i : random.nextInt(CUSTOMERS)])
          .channel(channels[random.nextInt(channels.length)])
          .timestamp(Instant.ofEpochSecond(start + random.nextLong(2L * 365 * 86_400)))
          .type(TYPES[random.nextInt(TYPES.length)])
          .build();
    }
  }

  /** Scores every interaction into per-customer states, one {@code add} call at a time (streaming use). */
  @Benchmark
  public EngagementScores scoreTenMillionInteractions() {
    EngagementScores scores = EngagementScores.of(scorer);
    for (Interaction interaction : interactions) {
      scores.add(interaction);
    }
    last = scores;
    return scores;
  }

  /** Scores the same interactions with one {@code addAll} call (bulk use: batched table lookups). */
  @Benchmark
  public EngagementScores scoreTenMillionInteractionsInBulk() {
    EngagementScores scores = EngagementScores.of(scorer).addAll(Arrays.asList(interactions));
    last = scores;
    return scores;
  }

  /** Prints the retained heap of the last result, per customer (customer id strings included). */
  @TearDown(Level.Trial)
  public void reportRetainedHeap() {
    long bytes = GraphLayout.parseInstance(last).totalSize();
    System.out.printf(java.util.Locale.ROOT, "%nretained heap of EngagementScores: %,d bytes for %,d customers = %.1f bytes per customer%n",
        bytes, last.customerCount(), (double) bytes / last.customerCount());
  }
}
