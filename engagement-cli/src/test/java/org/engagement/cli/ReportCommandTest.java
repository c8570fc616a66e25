package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        .contains("csv: read 27,050, accepted 27,050, rejected 0, duplicates 0")
        .contains("\nRelationship ROI\n  overall: reward ");
    assertThat(run.err()).contains("relationship ROI: retention and engagement-lift evidence");
    assertThat(Files.readString(output, StandardCharsets.UTF_8))
        .contains("Optional files found: brands.csv, conversations.csv, costs.csv, customers.csv, holdout.csv, "
            + "messages.csv, survey-channels.csv, survey.csv, truth.csv.");
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

  /** A margin outside (0, 1] is a usage error, found before anything is read or written. */
  @Test
  void marginOutsideZeroToOneIsAUsageError(@TempDir Path dir) {
    for (String margin : List.of("0", "-0.2", "1.5", "NaN")) {
      CliRun run = run("--input", dir.resolve("nope").toString(), "--output", dir.resolve("x.html").toString(),
          "--margin", margin);
      assertThat(run.exit()).as(margin).isEqualTo(2);
      assertThat(run.err()).as(margin).contains("--margin").contains("(0, 1]");
      assertThat(run.noStackTrace()).isTrue();
    }
    assertThat(dir.resolve("x.html")).doesNotExist();
    assertThat(new CommandLine(new ReportCommand()).getCommandSpec().findOption("--margin").defaultValue())
        .isEqualTo("1");
  }

  @Test
  void outputDefaultsToReportHtmlInTheCurrentDirectory() {
    CommandLine.Model.OptionSpec output = new CommandLine(new ReportCommand()).getCommandSpec().findOption("--output");
    assertThat(output.defaultValue()).isEqualTo("report.html");
    assertThat(new CommandLine(new ReportCommand()).getCommandSpec().findOption("--input").defaultValue()).isNull();
  }

  /**
   * Companion files that cannot be read (an empty costs file, a survey without its answer column, a
   * conversation feed with an unterminated quote) used to end the run in a stack trace. Now the page is
   * written with the section not available, and standard error has one line per file, naming it.
   */
  @Test
  void companionFilesThatCannotBeReadAreOneLineEachAndExitOne(@TempDir Path dir) throws IOException {
    String[][] cases = {
        {"costs.csv", "", "costs.csv: could not be read in full: the file is empty: a header row is required"},
        {"survey.csv", "customer_id,reply\na,the newsletter\n",
            "survey.csv: could not be read in full: the header on line 1 lacks the column 'answer'"},
        {"conversations.csv", "customer_id,timestamp,type,channel,text\n"
            + "a,2024-01-05T10:00:00Z,mention,social,\"unterminated\n",
            "conversations.csv:2: column 'text' value 'unterminated' is invalid: opens a quote that is not closed"},
    };
    for (String[] c : cases) {
      Path input = Files.createDirectories(dir.resolve(c[0].replace(".csv", "")));
      Files.writeString(input.resolve("interactions.csv"), CLEAN);
      if (!c[0].equals("costs.csv")) {
        Files.writeString(input.resolve("costs.csv"), "month,channel,owner,amount,currency\n2024-01,email,crm,10,EUR\n");
      }
      Files.writeString(input.resolve(c[0]), c[1]);
      Path output = input.resolve("r.html");
      CliRun run = run("--input", input.toString(), "--output", output.toString());
      assertThat(run.exit()).as(c[0]).isEqualTo(1);
      assertThat(run.noStackTrace()).as(run.err()).isTrue();
      assertThat(output).exists();
      assertThat(run.err().lines().filter(line -> !line.startsWith("[report "))).as(c[0])
          .singleElement().asString().startsWith(input.resolve(c[2]).toString());
    }
  }

  /**
   * Costs in USD against purchases in EUR: every cost row is rejected. The run used to say "investment 0.00
   * EUR, ROI n/a" and exit 0; now the ROI section is not available, naming the rule, and the exit code is 1.
   */
  @Test
  void costsInAnotherCurrencyAreNotAnInvestmentOfZero(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("interactions.csv"), CLEAN);
    Files.writeString(dir.resolve("costs.csv"), "month,channel,owner,amount,currency\n2024-01,email,crm,10,USD\n"
        + "2024-02,social,crm,20,USD\n");
    CliRun run = run("--input", dir.toString(), "--output", dir.resolve("r.html").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("\nRelationship ROI\n  not available: ")
        .contains("every row was rejected (the first: line 2: column 'currency' value 'USD' is invalid: must be EUR)")
        .doesNotContain("investment 0.00");
    assertThat(run.err().lines().filter(line -> !line.startsWith("[report "))).containsExactly(
        dir.resolve("costs.csv") + ":2: column 'currency' value 'USD' is invalid: must be EUR (2 of 2 rows not used)");
  }

  /** Rejected rows of the key messages and the brands used to leave the exit code at 0. */
  @Test
  void rejectedMessagesAndBrandsFailTheRun(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("interactions.csv"), CLEAN);
    Files.writeString(dir.resolve("conversations.csv"), "customer_id,timestamp,type,direction,channel,text,brand\n"
        + "a,2024-01-05T10:00:00Z,mention,inbound,social,Love the newsletter,Acme\n");
    Files.writeString(dir.resolve("messages.csv"), "message,phrase,kind\nNews,newsletter,phrase\nBad,x,shout\n");
    Files.writeString(dir.resolve("brands.csv"), "brand,role\nAcme,ours\nOther,alien\n");
    CliRun run = run("--input", dir.toString(), "--output", dir.resolve("r.html").toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err().lines().filter(line -> !line.startsWith("[report "))).containsExactly(
        dir.resolve("messages.csv") + ":3: column 'kind' value 'shout' is invalid: must be phrase, hashtag or link "
            + "(1 of 2 rows not used)",
        dir.resolve("brands.csv") + ":3: column 'role' value 'alien' is invalid: must be ours or competitor "
            + "(1 of 2 rows not used)");
  }

  /** A bad output path used to fail only after the whole analysis (12.6 s on the sample world). */
  @Test
  void anUnwritableOutputFailsBeforeTheAnalysis(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("interactions.csv"), CLEAN);
    Path output = dir.resolve("no-such-dir").resolve("r.html");
    CliRun run = run("--input", dir.toString(), "--output", output.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("cannot write " + output + ": its directory " + output.getParent()
        + " does not exist (no such file or directory)\n");
    assertThat(run.out()).isEmpty();
  }
}
