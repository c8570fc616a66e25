package org.engagement.benchmarks.ingest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.simulator.WorldSpec;
import org.engagement.simulator.WorldWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The report's read (issue 16): a simulated world's {@code interactions.csv} read into {@link InteractionColumns} on
 * one thread, in rows per second, the file the report reads ({@code customer_id,timestamp,type,direction,channel,
 * channel_name,channel_group,value,currency,source_id,purchase_number}, rows grouped by customer, a few purchases
 * with a value). The file is the first {@value #ROWS} rows of a world of {@value #CUSTOMERS} customers written by
 * the simulator once per trial, so {@code ops/s} reads as rows per second. Two ways into the same columns: {@code
 * direct}, the import into columns that the report uses ({@link InteractionImporter#run(
 * org.engagement.core.ingest.ChannelAdapter, Path, InteractionColumns.Builder)}: plain rows added without an
 * interaction each), and {@code general}, each accepted interaction added in turn ({@code columns::add}), the
 * report's read before the direct path.
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar ColumnsRead}. The heap is roomy on
 * purpose: in a tight one the collector's cost is most of the figure (see the notes of issue 16). It is touched
 * whole when the fork starts ({@code -XX:+AlwaysPreTouch}): without that, an invocation that the collector places in
 * heap memory not yet touched pays a page fault per 4 KB it writes (about 23,000 for the 92 bytes a row allocated),
 * and on the 2-vCPU VM this was measured on that made the read 1.6-2.0 times slower in thread CPU for as long as the
 * young generation was growing into fresh memory: the slow mode of the earlier bimodal runs, which measured where
 * the heap stood rather than the read (README, "Straight into columns"). A {@code -jvmArgsAppend} on the command line
 * replaces these arguments: repeat them there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ColumnsReadBenchmark.ROWS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class ColumnsReadBenchmark {
  /** Rows read per invocation. */
  public static final int ROWS = 1_000_000;
  /** Customers of the world the rows are taken from (about 5.5 interactions each). */
  public static final int CUSTOMERS = 200_000;

  private static final long SEED = 20_241_206L;

  private final CsvInteractionAdapter adapter = new CsvInteractionAdapter();
  private final InteractionImporter importer = InteractionImporter.defaults();

  private Path directory;
  private Path file;

  /**
   * Writes the world and keeps the header and the first {@value #ROWS} rows of its interactions.
   *
   * @throws IOException if it cannot be written
   */
  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    directory = Files.createTempDirectory("columns-read-benchmark");
    Path world = directory.resolve("world");
    WorldWriter.write(WorldSpec.builder().customers(CUSTOMERS).seed(SEED).build(), world);
    file = directory.resolve("interactions.csv");
    try (BufferedReader in = Files.newBufferedReader(world.resolve(WorldWriter.INTERACTIONS), StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int line = 0; line <= ROWS; line++) {
        String text = in.readLine();
        if (text == null) {
          throw new IllegalStateException("the world has fewer than " + ROWS + " interactions");
        }
        out.write(text);
        out.write('\n');
      }
    }
  }

  /**
   * Deletes the files.
   *
   * @throws IOException if they cannot be deleted
   */
  @TearDown(Level.Trial)
  public void deleteFiles() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * The import into columns, as the report reads: plain rows straight into the columns.
   *
   * @throws IOException if reading fails
   */
  @Benchmark
  public InteractionColumns direct() throws IOException {
    InteractionColumns.Builder columns = InteractionColumns.builder();
    clean(importer.run(adapter, file, columns));
    return columns.build();
  }

  /**
   * Each accepted interaction added to the columns in turn: the general path.
   *
   * @throws IOException if reading fails
   */
  @Benchmark
  public InteractionColumns general() throws IOException {
    InteractionColumns.Builder columns = InteractionColumns.builder();
    clean(importer.run(adapter, file, columns::add));
    return columns.build();
  }

  /** The report, after checking that every row became a row of the columns (else the figure would lie). */
  private static ImportReport clean(ImportReport report) {
    if (!report.isClean() || report.accepted() != ROWS) {
      throw new IllegalStateException("the file did not import cleanly: " + report.summary());
    }
    return report;
  }
}
