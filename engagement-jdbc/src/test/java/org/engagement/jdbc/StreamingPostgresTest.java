package org.engagement.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streaming on a real PostgreSQL: a table far larger than a small heap imports in a JVM of its own limited to
 * {@value #HEAP}, with the accounting adding up and the heap in use after collection flat from the first tenth of
 * the rows to the last; the same table read by a plain statement, which lets the driver hold the whole result,
 * runs out of that heap (the control that shows the check can fail).
 *
 * <p>Rows: 1,000,000, the figure (about 30 s for the class on two busy cores); fewer with
 * {@code -Dengagement.jdbc.streamingRows=N} while iterating.
 */
@ExtendWith(RequiresPostgres.class)
class StreamingPostgresTest {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingPostgresTest.class);
  private static final String HEAP = "-Xmx32m";
  private static final long ROWS = Long.getLong("engagement.jdbc.streamingRows", 1_000_000);
  private static TestDatabase db;

  @BeforeAll
  static void load() throws SQLException {
    db = TestDatabase.create();
    if (db == null) {
      return;
    }
    // a quarter of the rows have an unknown type: rejected, and far more than the importer retains in detail
    db.execute("CREATE TABLE big AS SELECT g AS id, 'customer-' || (g % 100000) AS customer_id, "
        + "timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' AS \"timestamp\", "
        + "(ARRAY['visit','click','open','teleport'])[1 + g % 4] AS type, 'email' AS channel, "
        + "'campaign-' || (g % 50) AS utm_campaign, repeat('n', 80) || g AS note "
        + "FROM generate_series(1, " + ROWS + ") g");
  }

  @AfterAll
  static void drop() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aTableLargerThanTheHeapImportsInConstantMemory(@TempDir Path dir) throws Exception {
    long start = System.nanoTime();
    List<String> out = probe(dir, "sdk");
    double seconds = (System.nanoTime() - start) / 1e9;

    long rejected = ROWS / 4;
    assertThat(out).contains("read=" + ROWS + " accepted=" + (ROWS - rejected) + " rejected=" + rejected
        + " duplicates=0 retained=10000");
    long[] heap = heap(out);
    assertThat(heap).hasSize(10);
    long growth = heap[heap.length - 1] - heap[0];
    LOG.info("{} rows imported at {} in {} s (probe JVM included); heap after GC per tenth of the rows, MB: {}",
        ROWS, HEAP, String.format(java.util.Locale.ROOT, "%.1f", seconds),
        Arrays.stream(heap).mapToObj(b -> String.format(java.util.Locale.ROOT, "%.1f", b / 1048576.0)).toList());
    assertThat(growth).as("heap growth from the first tenth to the last, bytes").isLessThan(4L << 20);
  }

  @Test
  void theSameTableReadWholeRunsOutOfThatHeap(@TempDir Path dir) throws Exception {
    Process process = start(dir, "plain");
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertThat(Files.readString(dir.resolve("plain.err"), UTF_8)).contains("OutOfMemoryError");
  }

  private static List<String> probe(Path dir, String mode) throws Exception {
    Process process = start(dir, mode);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String err = Files.readString(dir.resolve(mode + ".err"), UTF_8);
    assertThat(process.exitValue()).as("probe failed: %s", err).isZero();
    return Files.readAllLines(dir.resolve(mode + ".out"), UTF_8);
  }

  private static Process start(Path dir, String mode) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, HEAP, "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), StreamingProbe.class.getName(), db.url(),
        db.credentials().getProperty("user"), db.credentials().getProperty("password"), "big", mode,
        Long.toString(ROWS / 10)));
    return new ProcessBuilder(command).redirectOutput(dir.resolve(mode + ".out").toFile())
        .redirectError(dir.resolve(mode + ".err").toFile()).start();
  }

  private static long[] heap(List<String> out) {
    String line = out.stream().filter(l -> l.startsWith("heap=")).findFirst().orElseThrow();
    return Arrays.stream(line.substring(5).split(",")).mapToLong(Long::parseLong).toArray();
  }
}
