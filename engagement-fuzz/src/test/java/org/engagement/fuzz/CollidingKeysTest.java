package org.engagement.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntFunction;
import net.jqwik.api.Example;
import org.engagement.attribution.calibration.LiftCsvReader;
import org.engagement.core.ingest.ImportReport;
import org.engagement.roi.io.HoldoutCsvReader;
import org.engagement.roi.mix.MixCsv;

/**
 * Hostile keys: the readers that reject a repeated row keep the keys seen so far, and a file whose keys all have
 * one hash ("Aa" and "BB" have the same String hash, so 15 such pairs make 32,768 keys of one hash) must still be
 * read in about linear time. A set of String keys is (a colliding bucket becomes a tree ordered by compareTo); a
 * set of records is only if the record is Comparable (else the bucket is searched whole: HoldoutCsvReader spent
 * 12 s of CPU on the 1.2 MB file below before its key was). Each read gets {@value #MAX_CPU_SECONDS} s of its
 * thread's CPU time, whatever the load; a linear read takes 0.1-0.3 s.
 */
class CollidingKeysTest {
  private static final int BITS = 15;
  private static final int ROWS = 1 << BITS;
  private static final double MAX_CPU_SECONDS = 4;

  /** A reader of a document's bytes. */
  @FunctionalInterface
  private interface Reading {
    ImportReport read(InputStream input) throws IOException;
  }

  /** Key {@code i} of the colliding ones: {@value #BITS} blocks of "Aa" or "BB". */
  private static String key(int i) {
    StringBuilder sb = new StringBuilder(2 * BITS);
    for (int b = 0; b < BITS; b++) {
      sb.append((i >>> b & 1) == 0 ? "Aa" : "BB");
    }
    return sb.toString();
  }

  private static void readsInLinearTime(String header, IntFunction<String> row, Reading reading) throws IOException {
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (int i = 0; i < ROWS; i++) {
      csv.append(row.apply(i)).append('\n');
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    ImportReport report = reading.read(new ByteArrayInputStream(csv.toString().getBytes(UTF_8)));
    double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
    assertThat(report.accepted()).isEqualTo(ROWS);
    assertThat(seconds).as("CPU seconds to read %d rows of colliding keys", ROWS).isLessThan(MAX_CPU_SECONDS);
  }

  @Example
  void holdoutPeople() throws IOException {
    readsInLinearTime("customer_id,channel", i -> key(i) + ",email",
        input -> HoldoutCsvReader.read(input, "holdout.csv").report());
  }

  @Example
  void holdoutChannels() throws IOException {
    readsInLinearTime("customer_id,channel", i -> "c1," + key(i),
        input -> HoldoutCsvReader.read(input, "holdout.csv").report());
  }

  @Example
  void liftResultChannels() throws IOException {
    readsInLinearTime("channel,incremental_conversions,low,high", i -> key(i) + ",5,1,9",
        input -> LiftCsvReader.read(input, "lift.csv").report());
  }

  @Example
  void mixSpendChannels() throws IOException {
    readsInLinearTime("period,channel,spend", i -> "2024-01-01," + key(i) + ",5",
        input -> MixCsv.readSpend(input, "spend.csv").report());
  }

  @Example
  void mixControls() throws IOException {
    readsInLinearTime("period,control,value", i -> "2024-01-01," + key(i) + ",5",
        input -> MixCsv.readControls(input, "controls.csv").report());
  }
}
