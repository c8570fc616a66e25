package org.engagement.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engagement.report.HtmlReport;
import org.engagement.report.ReportModel;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * The report's customer sections alone (issue 16): data (the profiles), segments, funnel, presence and
 * engagement, each timed in the order the standard report runs them, with the page of just those sections
 * written for a byte-for-byte comparison before and after a change. Faster to iterate on than the whole report
 * ({@link ReportSections}), whose other sections take most of its time.
 *
 * <p>A section that runs out of heap is left out, as the report leaves it out, and the next ones run; each line
 * is also printed to standard error when its phase ends.
 *
 * <p>The lifetime-value fit that the segment section's predictor needs is made before the segments are timed
 * (it belongs to the CLV section), and the heap is collected between sections, outside the timed spans.
 *
 * <pre>java -Xmx1g [-Dsections=data,conversations] -cp engagement-benchmarks/target/benchmarks.jar \
 *     org.engagement.benchmarks.report.CustomerSections WORLD_DIR [PAGE.html]</pre>
 */
public final class CustomerSections {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /**
   * The sections timed, in the standard report's order: these five, or the ids listed in the system property
   * {@code sections} (for example {@code -Dsections=data,conversations}, the read's other costs).
   */
  private static final List<String> IDS = List.of(
      System.getProperty("sections", "data,segments,funnel,presence,engagement").split(","));

  private CustomerSections() {}

  /**
   * Runs the customer sections on {@code args[0]} and writes their page to {@code args[1]} if given.
   *
   * @throws Exception if the input cannot be read or the page written
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: CustomerSections WORLD_DIR [PAGE.html]");
      System.exit(2);
    }
    List<String> lines = new ArrayList<>();
    long[] mark = mark();
    AnalysisInput input = AnalysisInput.read(Path.of(args[0]));
    Analysis analysis = Analysis.of(input, message -> { });
    lines.add(line("read", mark));
    System.err.println(lines.get(0));
    List<ReportSection> sections = new ArrayList<>();
    List<SectionBuilder> builders =
        ReportModel.defaultBuilders().stream().filter(b -> IDS.contains(b.id())).toList();
    for (SectionBuilder builder : builders) {
      if (builder.id().equals("segments")) {
        mark = mark();
        analysis.lifetimeValue();
        lines.add(line("(clv fit)", mark));
        System.err.println(lines.get(lines.size() - 1));
      }
      mark = mark();
      try {
        sections.add(builder.build(analysis));
        lines.add(line(builder.id(), mark));
      } catch (OutOfMemoryError e) {
        sections.add(ReportSection.leftOut(builder.id(), builder.id(), "out of memory"));
        lines.add(line(builder.id() + " (out of memory)", mark));
      }
      System.err.println(lines.get(lines.size() - 1));
    }
    String page = HtmlReport.render(new ReportModel(input.source(), analysis.asOfDate(), sections, analysis.reads()));
    if (args.length == 2) {
      Files.writeString(Path.of(args[1]), page);
    }
    System.out.printf(Locale.ROOT, "%,d interactions, page %,d characters, max heap %.0f MB%n",
        input.interactions().size(), page.length(), Runtime.getRuntime().maxMemory() / 1e6);
    System.out.println("| phase      |   wall s | thread CPU s | process CPU s | heap after GC MB |");
    System.out.println("|---|---|---|---|---|");
    lines.forEach(System.out::println);
  }

  private static long[] mark() {
    return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime(), OS.getProcessCpuTime()};
  }

  private static String line(String phase, long[] start) {
    long[] end = mark();
    System.gc();
    long heap = MEMORY.getHeapMemoryUsage().getUsed();
    return String.format(Locale.ROOT, "| %-25s | %8.2f | %12.2f | %13.2f | %16.0f |", phase,
        (end[0] - start[0]) / 1e9, (end[1] - start[1]) / 1e9, (end[2] - start[2]) / 1e9, heap / 1e6);
  }
}
