package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exit code, standard output and standard error of one in-process run of the tool. */
record CliRun(int exit, String out, String err) {

  /** Runs {@code engagement args...} in this JVM, capturing both output streams. */
  static CliRun run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return run(out, args);
  }

  /**
   * Runs {@code engagement args...} with a standard output that fails every write, as {@code > /dev/full}
   * does ({@link #out()} is empty).
   */
  static CliRun runWithFullDisk(String... args) {
    return run(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    }, args);
  }

  private static CliRun run(OutputStream stdout, String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = EngagementCli.execute(args);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    String out = stdout instanceof ByteArrayOutputStream bytes ? bytes.toString(StandardCharsets.UTF_8) : "";
    return new CliRun(exit, out, err.toString(StandardCharsets.UTF_8));
  }

  /** Whether standard error shows no stack trace. */
  boolean noStackTrace() {
    return !err.contains("\tat ") && !err.contains("Caused by:")
        && err.lines().noneMatch(line -> line.matches("(java|javax|org|com|picocli)\\.[\\w.$]+(Exception|Error)\\b.*"));
  }

  /** The data rows of the CSV output, split into fields, after checking the header. */
  List<String[]> rows(String header) {
    String[] lines = out.split("\n", -1);
    assertThat(lines[0]).isEqualTo(header);
    assertThat(lines[lines.length - 1]).isEmpty();
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.length - 1; i++) {
      rows.add(lines[i].split(",", -1));
    }
    return rows;
  }

  /** The {@code metric,value} output as a map, after checking the header. */
  Map<String, String> metrics() {
    Map<String, String> metrics = new LinkedHashMap<>();
    String[] lines = out.lines().toArray(String[]::new);
    assertThat(lines[0]).isEqualTo("metric,value");
    for (int i = 1; i < lines.length; i++) {
      int comma = lines[i].lastIndexOf(',');
      metrics.put(lines[i].substring(0, comma), lines[i].substring(comma + 1));
    }
    return metrics;
  }
}
