package org.engagement.benchmarks.ingest;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a realistic interactions CSV for the CSV adapter, deterministically: the same seed, customer
 * count and row count give the same bytes.
 *
 * <p>The columns are the adapter's ({@link #HEADER}) plus one attribute column, {@code device}. The mix
 * resembles a marketing export: customers drawn unevenly from {@link #DEFAULT_CUSTOMERS}; four rows in
 * five name one of a dozen channels by id with its name and group, the rest leave the channel empty and
 * give UTM fields or a referrer to classify; timestamps across 2024, three in five in UTC with {@code Z},
 * the others with an offset, one in four with a millisecond or microsecond fraction; mostly impressions,
 * visits and clicks, with 3 % purchases carrying a value and currency; every row a unique source id.
 * Every row is valid, so an import of a generated file is clean.
 *
 * <p>Rows are streamed to the output, never held in memory. Instances are immutable; each write starts
 * the sequence afresh.
 */
public final class InteractionCsvGenerator {
  /** The header row's columns, in order. */
  public static final List<String> HEADER = List.of(
      "customer_id", "timestamp", "type", "direction", "channel", "channel_name", "channel_group",
      "utm_source", "utm_medium", "utm_campaign", "referrer", "value", "currency", "source_id", "device");

  /** The number of distinct customers rows are drawn from, unless told otherwise. */
  public static final int DEFAULT_CUSTOMERS = 100_000;

  private static final int BUFFER_SIZE = 1 << 16;

  private final long seed;
  private final int customers;

  /** A generator drawing from {@link #DEFAULT_CUSTOMERS} customers. */
  public InteractionCsvGenerator(long seed) {
    this(seed, DEFAULT_CUSTOMERS);
  }

  /**
   * A generator drawing from {@code customers} customers.
   *
   * @throws IllegalArgumentException if {@code customers} is not between 1 and 1,000,000
   */
  public InteractionCsvGenerator(long seed, int customers) {
    if (customers < 1 || customers > 1_000_000) {
      throw new IllegalArgumentException("customers must be between 1 and 1000000, was " + customers);
    }
    this.seed = seed;
    this.customers = customers;
  }

  /**
   * Writes the header and {@code rows} rows to {@code file} (UTF-8, LF line ends), replacing it.
   *
   * @throws IllegalArgumentException if {@code rows} is negative
   * @throws IOException if writing fails
   */
  public void write(Path file, long rows) throws IOException {
    requireNonNull(file, "file");
    checkRows(rows);
    try (Writer out = new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER_SIZE)) {
      write(out, rows);
    }
  }

  /**
   * Writes the header and {@code rows} rows to {@code out}, LF-terminated; does not close it.
   *
   * @throws IllegalArgumentException if {@code rows} is negative
   * @throws IOException if writing fails
   */
  public void write(Writer out, long rows) throws IOException {
    requireNonNull(out, "out");
    checkRows(rows);
    out.write(String.join(",", HEADER));
    out.write('\n');
    InteractionRows generated = new InteractionRows(seed, customers);
    for (long i = 0; i < rows; i++) {
      out.append(generated.next()).append('\n');
    }
  }

  private static void checkRows(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative, was " + rows);
    }
  }

  /**
   * Writes a file from the command line: {@code FILE ROWS [SEED]} (seed 1 by default).
   *
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: InteractionCsvGenerator FILE ROWS [SEED]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    long rows = Long.parseLong(args[1]);
    long seed = args.length == 3 ? Long.parseLong(args[2]) : 1L;
    long start = System.nanoTime();
    new InteractionCsvGenerator(seed).write(file, rows);
    System.out.printf(java.util.Locale.ROOT, "wrote %d rows (%d bytes) to %s in %.1f s%n",
        rows, Files.size(file), file, (System.nanoTime() - start) / 1e9);
  }
}
