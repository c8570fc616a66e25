package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code engagement report} end to end, through {@link CliRun}. */
class ReportCommandTest {
  private static final String HEADER = "customer_id,timestamp,type,direction,channel,channel_name,channel_group,"
      + "utm_source,utm_medium,value,currency,source_id,campaign\n";
  private static final String CLEAN = HEADER
      + "a,2024-01-05T10:00:00Z,click,,email,Email,email,,,,,e1,\n"
      + "a,2024-01-12T10:00:00Z,purchase,,shop,Shop,direct,,,100,EUR,e2,\n"
      + "b,2024-01-08T10:00:00Z,click,,social,Social,organic_social,,,,,e3,\n"
      + "b,2024-02-03T10:00:00Z,purchase,,shop,Shop,direct,,,300,EUR,e4,\n"
      + "c,2024-02-10T10:00:00Z,impression,,social,Social,organic_social,,,,,e5,\n";

  private static CliRun run(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "report";
    System.arraycopy(args, 0, command, 1, args.length);
    return CliRun.run(command);
  }

  @Test
  void cleanInputWritesTheReportAndSummary(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("interactions.csv"), CLEAN);
    Path output = dir.resolve("out").resolve("report.html");
    Files.createDirectories(output.getParent());
    CliRun run = run("--input", dir.toString(), "--output", output.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String page = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<section id=\"attribution\">").endsWith("</html>\n");
    assertThat(run.out()).contains("Engagement report: " + dir + ", as of 2024-02-10")
        .contains("csv: read 5, accepted 5, rejected 0, duplicates 0")
        .contains("top 20% of 2 buyers hold 75.0% of 400.00 EUR")
        .contains("Report written to " + output.toAbsolutePath());
    // Progress goes to standard error, one line per step, the attribution models among them.
    assertThat(run.err()).contains("reading " + dir).contains("attribution model markov").contains("writing " + output);
    assertThat(run.err().lines()).allMatch(line -> line.startsWith("[report "));
  }

  @Test
  void rejectedRowsAreInTheSummaryAndTheExitCode(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("interactions.csv"), CLEAN + "d,2024-02-11T10:00:00Z,purchase,,shop,Shop,direct,,,-5,EUR,e6,\n");
    Path output = dir.resolve("r.html");
    CliRun run = run("--input", dir.toString(), "--output", output.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(output).exists();
    assertThat(run.out()).contains("rejected 1");
    assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("value &#39;-5.00 EUR&#39; is invalid");
  }

  /** The bundled sample world (5,000 people over 2024 and 2025) is clean and has every companion file. */
  @Test
  void withoutInputItAnalysesTheBundledSampleWorld(@TempDir Path dir) throws IOException {
    Path output = dir.resolve("world.html");
    CliRun run = run("--output", output.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Engagement report: bundled sample world, as of 2025-12-31")
        .contains("csv: read 27918, accepted 27918, rejected 0, duplicates 0")
        .contains("\nRelationship ROI\n  overall: reward ");
    assertThat(run.err()).contains("relationship ROI: retention and engagement-lift evidence");
    assertThat(Files.readString(output, StandardCharsets.UTF_8))
        .contains("Optional files found: brands.csv, conversations.csv, costs.csv, customers.csv, messages.csv, "
            + "survey-channels.csv, survey.csv, truth.csv.");
  }

  @Test
  void unreadableInputOrUnwritableOutputIsAnError(@TempDir Path dir) throws IOException {
    CliRun missing = run("--input", dir.resolve("nope").toString(), "--output", dir.resolve("x.html").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("cannot read " + dir.resolve("nope")).contains("interactions.csv");
    assertThat(dir.resolve("x.html")).doesNotExist();

    Files.writeString(dir.resolve("interactions.csv"), CLEAN);
    CliRun unwritable = run("--input", dir.toString(), "--output", dir.resolve("no-such-dir").resolve("r.html").toString());
    assertThat(unwritable.exit()).isEqualTo(1);
    assertThat(unwritable.err()).contains("cannot write").contains("no such file");

    assertThat(run("--bogus").exit()).isEqualTo(2);
  }

  @Test
  void outputDefaultsToReportHtmlInTheCurrentDirectory() {
    CommandLine.Model.OptionSpec output = new CommandLine(new ReportCommand()).getCommandSpec().findOption("--output");
    assertThat(output.defaultValue()).isEqualTo("report.html");
    assertThat(new CommandLine(new ReportCommand()).getCommandSpec().findOption("--input").defaultValue()).isNull();
  }
}
