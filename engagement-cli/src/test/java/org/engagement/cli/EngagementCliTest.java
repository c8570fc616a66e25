package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engagement.core.ingest.csv.CsvColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngagementCliTest {

  private static String run(int expectedExit, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      assertThat(EngagementCli.execute(args)).isEqualTo(expectedExit);
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void importPrintsTheReportAsCsvAndFailsOnBadRecords(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "customer_id,timestamp,type,channel\n"
        + "c-1,2024-03-01T10:15:30Z,click,web\n"
        + "c-2,2024-03-01T10:15:30,click,web\n");
    CliRun run = CliRun.run("import", "--input", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("metric,value\nread,2\naccepted,1\nrejected,1\nduplicates,0\n");
    assertThat(run.err()).startsWith(csv + ":3: column 'timestamp' value '2024-03-01T10:15:30' is invalid");
  }

  /** The import's help used to leave out source_id, channel_name, the UTM columns and the content columns. */
  @Test
  void theImportHelpNamesEveryColumnTheCsvAdapterReads() {
    CliRun help = CliRun.run("import", "--help");
    assertThat(help.exit()).isZero();
    for (CsvColumn column : CsvColumn.values()) {
      assertThat(help.out()).as(help.out()).contains(column.header());
    }
  }

  /** import listed every rejection it retained (up to 10,000); the README says every command shows 100. */
  @Test
  void importShowsAHundredRejectedRowsAndCountsTheRest(@TempDir Path dir) throws Exception {
    StringBuilder text = new StringBuilder("customer_id,timestamp,type,channel\n");
    for (int i = 1; i <= 150; i++) {
      text.append("c-").append(i).append(",later,click,web\n");
    }
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, text);
    CliRun run = CliRun.run("import", "--input", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("metric,value\nread,150\naccepted,0\nrejected,150\nduplicates,0\n");
    List<String> lines = run.err().lines().toList();
    assertThat(lines).hasSize(RejectionLines.SHOWN + 1);
    assertThat(lines.get(0)).startsWith(csv + ":2: column 'timestamp' value 'later' is invalid");
    assertThat(lines.get(RejectionLines.SHOWN)).isEqualTo(csv + ": 50 more rejected rows not shown");
  }

  /** The record that stopped a strict import used to be shown twice: its line, then again in the stop line. */
  @Test
  void aStrictImportShowsTheRecordThatStoppedItOnce(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "customer_id,timestamp,type,channel\n"
        + "c-1,2024-03-01T10:15:30Z,click,web\n"
        + "c-2,2024-03-01T10:15:30,click,web\n"
        + "c-3,2024-03-01T10:15:30Z,click,web\n");
    CliRun run = CliRun.run("import", "--input", csv.toString(), "--strict");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("metric,value\nread,2\naccepted,1\nrejected,1\nduplicates,0\n");
    assertThat(run.err().lines()).containsExactly(
        csv + ":3: column 'timestamp' value '2024-03-01T10:15:30' is invalid: has no zone offset; a local time is "
            + "ambiguous, give Z or an offset, such as 2024-03-01T10:15:30Z or 2024-03-01T11:15:30+01:00",
        "import of " + csv + " stopped at its first bad record (--strict): the records after it were not read");
  }

  @Test
  void aStrayQuoteRejectsItsRecordAndTheImportAccountsForTheRest(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "customer_id,timestamp,type,channel\n"
        + "c-1,2024-03-01T10:15:30Z,click,web\n"
        + "c-2,2024-03-01T10:15:30Z,click,\"web\n"
        + "c-3,2024-03-01T10:15:30Z,click,web\n");
    CliRun run = CliRun.run("import", "--input", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("metric,value\nread,3\naccepted,2\nrejected,1\nduplicates,0\n");
    assertThat(run.err()).startsWith(csv + ":3: ");
  }

  /** A missing file or a directory used to end in a NoSuchFileException or IOException stack trace. */
  @Test
  void importOfAMissingFileOrADirectoryIsOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("nosuch.csv");
    CliRun none = CliRun.run("import", "--input", missing.toString());
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).isEqualTo("cannot read " + missing + ": no such file\n");
    CliRun directory = CliRun.run("import", "--input", dir.toString());
    assertThat(directory.exit()).isEqualTo(1);
    assertThat(directory.err()).isEqualTo("cannot read " + dir + ": it is a directory, not a file\n");
  }

  /** A rejected value that holds a line break or an escape sequence stays on its line of standard error. */
  @Test
  void rejectionsInTheImportReportAreOneLineEach(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "customer_id,timestamp,type,channel\n"
        + "c-1,\"2024-03-01\n\u001b[2J\",click,web\n");
    CliRun run = CliRun.run("import", "--input", csv.toString());
    assertThat(run.err()).contains("\\u000A\\u001B[2J").doesNotContain("\u001b");
    assertThat(run.err().lines()).allSatisfy(line -> assertThat(line).startsWith(csv + ":"));
    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).contains(","));
  }

  @Test
  void aCleanImportExitsWithZero(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "customer_id,timestamp,type,channel\nc-1,2024-03-01T10:15:30Z,click,web\n");
    assertThat(run(0, "import", "--input", csv.toString())).contains("accepted,1");
  }

  @Test
  void theVersionNeedsNoSubcommandAndANamedOneOnlyItself() {
    assertThat(EngagementCli.subcommandsFor("--version")).isEmpty();
    assertThat(EngagementCli.subcommandsFor("--debug", "-V")).isEmpty();
    assertThat(EngagementCli.subcommandsFor("--debug", "attribute", "--model", "markov"))
        .containsExactly("attribute");
    int all = EngagementCli.SUBCOMMANDS.size();
    assertThat(EngagementCli.subcommandsFor()).hasSize(all);
    assertThat(EngagementCli.subcommandsFor("--debug")).hasSize(all);
    assertThat(EngagementCli.subcommandsFor("--help")).hasSize(all);
    assertThat(EngagementCli.subcommandsFor("atribute")).hasSize(all);
    assertThat(EngagementCli.subcommandsFor("help", "attribute")).hasSize(all);
  }

  @Test
  void theVersionPrintsAndTheHelpListsEverySubcommand() {
    CliRun version = CliRun.run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("engagement ");
    CliRun help = CliRun.run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("import", "world", "value", "attribute", "compare", "report", "clv", "mix");
    CliRun typo = CliRun.run("atribute");
    assertThat(typo.exit()).isEqualTo(Exit.USAGE);
    assertThat(typo.err()).contains("attribute");
  }

  @Test
  void theVersionAloneIsAnsweredWithoutPicocliAsPicocliAnswersIt() {
    CliRun picocli = CliRun.run("--debug", "--version");
    assertThat(picocli.exit()).isZero();
    assertThat(picocli.out()).isEqualTo(EngagementCli.VERSION + System.lineSeparator());
    for (String option : List.of("--version", "-V")) {
      CliRun fast = CliRun.run(option);
      assertThat(fast.exit()).as(option).isZero();
      assertThat(fast.out()).as(option).isEqualTo(picocli.out());
      assertThat(fast.err()).as(option).isEmpty();
    }
  }

  @Test
  void aSubcommandRegisteredAloneStillTakesTheInheritedDebugOption(@TempDir Path dir) {
    CliRun run = CliRun.run("import", "--input", dir.resolve("missing.csv").toString(), "--debug");
    assertThat(run.exit()).isEqualTo(Exit.FAILED);
    assertThat(run.err()).doesNotContain("Unknown option");
  }

  @Test
  void everySubcommandNameMakesTheCommandOfThatName() {
    for (String name : EngagementCli.SUBCOMMANDS) {
      assertThat(new picocli.CommandLine(EngagementCli.subcommand(name)).getCommandName()).isEqualTo(name);
    }
  }
}
