package org.engagement.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engagement.report.HtmlReport;
import org.engagement.report.ReportModel;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;

/**
 * Where the report's time and heap go (issue 16): reads a world directory, builds the standard report and
 * writes its page, and prints one line per phase (the read, each section, the summary and the page) with its
 * wall time, the process's CPU time and the heap still in use after a full collection at the phase's end:
 * what the phase left reachable for the phases after it. The collections are forced (one per phase, outside the
 * timed spans), so run it for the breakdown and time the whole command with {@code harness/run}.
 *
 * <pre>java -Xmx1g -cp engagement-benchmarks/target/benchmarks.jar \
 *     org.engagement.benchmarks.report.ReportSections WORLD_DIR [PAGE.html]</pre>
 *
 * <p>The phases are those {@link ReportModel#build} reports as {@code "section <id>"} steps; the sub-steps
 * between two sections (profiles, journeys, attribution models, bootstrap) are printed as they start, with the
 * time since the start, so a slow section can be broken down further. The sections are built one at a time
 * ({@code -Dreport.threads=2} builds two at a time, as the tool does: then only the total wall time is meaningful).
 */
public final class ReportSections {
  /**
   * The system property with the number of sections built at a time: 1 by default, so that each phase's CPU time
   * is its own section's (with 2, as the tool runs, the phases overlap and only the total is meaningful).
   */
  private static final String THREADS = "report.threads";
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final long start = System.nanoTime();
  private final List<String> lines = new ArrayList<>();
  private String phase = "read";
  private long phaseStart = System.nanoTime();
  private long phaseCpu = OS.getProcessCpuTime();
  private long excluded;

  private ReportSections() {}

  /**
   * Runs the report on {@code args[0]} and writes its page to {@code args[1]} (default: a temporary file, deleted).
   *
   * @throws Exception if the input cannot be read or the page written
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ReportSections WORLD_DIR [PAGE.html]");
      System.exit(2);
    }
    ReportSections harness = new ReportSections();
    AnalysisInput input = AnalysisInput.read(Path.of(args[0]));
    Analysis analysis = Analysis.of(input, harness::step);
    ReportModel model = ReportModel.build(analysis, ReportModel.defaultBuilders(), ReportModel.defaultSources(),
        Integer.getInteger(THREADS, 1));
    harness.end("page");
    String page = HtmlReport.render(model);
    Path out = args.length == 2 ? Path.of(args[1]) : Files.createTempFile("report", ".html");
    Files.writeString(out, page);
    if (args.length == 1) {
      Files.delete(out);
    }
    harness.end("end");
    harness.print(input.interactions().size(), page.length(), model.allRowsUsed());
  }

  private synchronized void step(String message) {
    System.err.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(System.nanoTime() - start - excluded), message);
    if (message.startsWith("section ")) {
      end(message.substring("section ".length()));
    }
  }

  /** Closes the phase running (timing it, then collecting and measuring the heap) and opens {@code next}. */
  private synchronized void end(String next) {
    long wall = System.nanoTime() - phaseStart;
    long cpu = OS.getProcessCpuTime() - phaseCpu;
    long collecting = System.nanoTime();
    System.gc();
    long heap = MEMORY.getHeapMemoryUsage().getUsed();
    excluded += System.nanoTime() - collecting;
    lines.add(String.format(Locale.ROOT, "| %-14s | %8.1f | %8.1f | %10.0f |", phase, seconds(wall), seconds(cpu),
        heap / 1e6));
    phase = next;
    phaseStart = System.nanoTime();
    phaseCpu = OS.getProcessCpuTime();
  }

  private void print(int interactions, int pageChars, boolean clean) {
    System.out.printf(Locale.ROOT, "%,d interactions, page %,d characters, every row used: %s, max heap %.0f MB%n",
        interactions, pageChars, clean, Runtime.getRuntime().maxMemory() / 1e6);
    System.out.println("| phase          |   wall s |    CPU s | heap after GC MB |");
    System.out.println("|---|---|---|---|");
    lines.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "| total          | %8.1f |          |            |%n",
        seconds(System.nanoTime() - start - excluded));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
