package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} exits 1 when a section is left out for want of memory (issue 16): the page is still written with
 * the other sections, and standard error names the section and the heap's limit in one line, with no stack trace.
 * The section runs out of memory for real, in a child JVM whose heap {@link ShortOfMemory} fills while that section
 * builds.
 */
class ReportLeftOutTest {

  @Test
  void aSectionLeftOutForWantOfMemoryMakesTheReportExitOne(@TempDir Path dir) throws Exception {
    Path world = dir.resolve("world");
    CliRun written = CliRun.run("world", "--output", world.toString(), "--customers", "2000", "--seed", "3");
    assertThat(written.exit()).as(written.err()).isZero();
    Path page = dir.resolve("report.html");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx96m", "-XX:ActiveProcessorCount=1", "-cp", System.getProperty("java.class.path"),
        ShortOfMemory.class.getName(), "attribution", "report", "--input", world.toString(), "--output",
        page.toString())).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String errors = Files.readString(err, StandardCharsets.UTF_8);

    assertThat(child.exitValue()).as(errors).isEqualTo(Exit.FAILED);
    assertThat(errors.lines().filter(line -> !line.startsWith("[report ")).toList()).singleElement().asString()
        .matches("\\Q" + page + ": section 'attribution' left out: building it ran out of memory (the Java heap's"
            + " limit is \\E\\d+\\Q MB); the other sections are complete. Run the report with a larger heap"
            + " (java -Xmx...) for this section.\\E");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("Report written to " + page.toAbsolutePath());
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html).contains("Left out: building it ran out of memory").contains("<section id=\"roi\"");
  }
}
