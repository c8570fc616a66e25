package org.engagement.benchmarks.ingest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast a CSV file of interactions is imported, in rows per second on one thread.
 *
 * <p>Each invocation reads a whole generated file of {@value #ROWS} rows (written once per trial by
 * {@link InteractionCsvGenerator} into a temporary directory); {@link OperationsPerInvocation} makes
 * JMH's {@code ops/s} read as rows per second. Variants: the default importer, the importer without
 * duplicate detection, and Jackson's CSV parser (the adapter's) reading the same file without our
 * mapping, which shows the cost of our layer on top of the parser.
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar CsvIngest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CsvIngestBenchmark.ROWS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class CsvIngestBenchmark {
  /** Rows in the generated file. */
  public static final int ROWS = 1_000_000;

  private static final long SEED = 20_240_301L;
  private static final int BUFFER_SIZE = 1 << 16;
  private static final CsvFactory CSV = new CsvFactory();

  private final CsvInteractionAdapter adapter = new CsvInteractionAdapter();
  private final InteractionImporter defaults = InteractionImporter.defaults();
  private final InteractionImporter withoutDuplicateDetection =
      InteractionImporter.builder().detectDuplicates(false).build();

  private Path directory;
  private Path file;

  /**
   * Writes the file.
   *
   * @throws IOException if it cannot be written
   */
  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    directory = Files.createTempDirectory("csv-ingest-benchmark");
    file = directory.resolve("interactions.csv");
    new InteractionCsvGenerator(SEED).write(file, ROWS);
  }

  /**
   * Deletes the file and its directory.
   *
   * @throws IOException if they cannot be deleted
   */
  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(directory);
  }

  /**
   * The default importer: lenient, duplicates detected by source id.
   *
   * @throws IOException if reading fails
   */
  @Benchmark
  public ImportReport importWithDefaults(Blackhole blackhole) throws IOException {
    return clean(defaults.run(adapter, file, blackhole::consume));
  }

  /**
   * The importer without duplicate detection, so without the map of source ids seen.
   *
   * @throws IOException if reading fails
   */
  @Benchmark
  public ImportReport importWithoutDuplicateDetection(Blackhole blackhole) throws IOException {
    return clean(withoutDuplicateDetection.run(adapter, file, blackhole::consume));
  }

  /**
   * Jackson's CSV parser alone, reading the file as the adapter does (rows of strings): the floor
   * under our layer.
   *
   * @throws IOException if reading fails
   */
  @Benchmark
  public long parseWithJacksonCsvOnly(Blackhole blackhole) throws IOException {
    long records = 0;
    try (CsvParser csv = CSV.createParser(new InputStreamReader(
        new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE), StandardCharsets.UTF_8))) {
      JsonToken token;
      while ((token = csv.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING) {
          blackhole.consume(csv.getText());
        } else if (token == JsonToken.END_ARRAY) {
          records++;
        }
      }
    }
    if (records != ROWS + 1) {
      throw new IllegalStateException("expected a header and " + ROWS + " records, read " + records);
    }
    return records;
  }

  /** The report, after checking that every row became an interaction (else the figure would lie). */
  private static ImportReport clean(ImportReport report) {
    if (!report.isClean() || report.read() != ROWS) {
      throw new IllegalStateException("the generated file did not import cleanly: " + report.summary());
    }
    return report;
  }
}
