package org.engagement.benchmarks.attribution;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.PathFormat;
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
 * Reading a path file of {@value AttributionBenchmark#JOURNEYS} journeys into a {@link JourneySet}, in
 * milliseconds per file on one thread: the file {@link JourneyGenerator} generates with the default seed
 * (149,388 distinct paths over eight channels, about 10 MB), written once per trial by {@link PathFormat}
 * into memory, so the figures are parsing and aggregating alone, without the disk.
 *
 * <ul>
 *   <li>{@code bytes}: {@link PathFormat#read(java.io.InputStream, String)}, the byte-level fast path the
 *       command-line tool uses;
 *   <li>{@code characters}: {@link PathFormat#read(java.io.Reader, String)} over the same bytes, the
 *       general reader of the reading policy (what every path file went through before the fast path).
 * </ul>
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar PathReading}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PathReadingBenchmark {
  private static final PathFormat FORMAT = PathFormat.channelAttribution();

  private byte[] file = new byte[0];

  /**
   * Generates the journeys and writes them as a path file in memory.
   *
   * @throws IOException never (the writer is in memory)
   */
  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    JourneySet set = JourneyGenerator.withSeed(JourneyGenerator.DEFAULT_SEED).generate(AttributionBenchmark.JOURNEYS);
    StringWriter out = new StringWriter();
    FORMAT.write(set, out);
    file = out.toString().getBytes(StandardCharsets.UTF_8);
    JourneySet back = FORMAT.read(new ByteArrayInputStream(file), "paths.csv");
    if (!back.equals(set)) {
      throw new IllegalStateException("the path file does not read back to the generated set");
    }
    System.out.printf(Locale.ROOT, "%npath file: %,d bytes, %,d distinct paths, %,.0f journeys%n", file.length,
        set.pathCount(), set.totalConversions() + set.totalNulls());
  }

  /**
   * The byte-level reader.
   *
   * @throws IOException never (the input is in memory)
   */
  @Benchmark
  public JourneySet bytes() throws IOException {
    return FORMAT.read(new ByteArrayInputStream(file), "paths.csv");
  }

  /**
   * The general reader, over characters.
   *
   * @throws IOException never (the input is in memory)
   */
  @Benchmark
  public JourneySet characters() throws IOException {
    return FORMAT.read(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8), "paths.csv");
  }
}
