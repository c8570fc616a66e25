package org.engagement.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportMode;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.core.ingest.csv.UnknownChannelPolicy;
import org.engagement.json.EngagementJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement import --input FILE}: checks an interactions CSV and prints the import report as
 * CSV {@code metric,value} on standard output, and one line per rejected record on standard error ({@code
 * file:line: column 'x' value 'v' is invalid: rule}, control characters escaped; at most {@value
 * RejectionLines#SHOWN} and a count of the rest, as every command shows them), so the output stays a CSV a
 * script can read.
 *
 * <p>{@code --format json} prints the report's documented JSON form instead ({@link EngagementJson}: the
 * counts, each retained rejection with record, line, kind, field, value and reason, the failure if any).
 *
 * <p>Exit code 0 when every record was accepted; 1 when one was rejected or a duplicate, the import
 * stopped, or the file cannot be read (a missing file or a directory: one line on standard error); 2 on a
 * usage error.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    customSynopsis = "engagement import --input=FILE [--strict] [--unknown-channels=POLICY]",
    description = {"Check an interactions CSV: print how many records were read, accepted, rejected and "
        + "duplicated as CSV metric,value on standard output, and one line per rejected record (file, line, "
        + "column, value and rule) on standard error.",
        "The format: a header row naming, in any order, the columns customer_id, timestamp and type (required); "
        + "channel, or the utm_source, utm_medium, utm_campaign and referrer it is classified from; optionally "
        + "direction, channel_name, channel_group, value with currency, and source_id (a repeated one is a "
        + "duplicate); the content columns text, tags, hashtags, links, brand, sentiment, audience, thread_id, "
        + "owner and resolved; any other column is a text attribute."},
    footerHeading = "%nExamples:%n",
    footer = {"  engagement import --input interactions.csv",
        "  engagement import --input interactions.csv --strict \\",
        "      --unknown-channels REJECT"})
final class ImportCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "the interactions CSV (UTF-8, with a header row)")
  @SuppressWarnings("NullAway.Init")
  private Path input;

  @Option(names = "--strict", description = "stop at the first bad record")
  private boolean strict;

  @Option(names = "--unknown-channels", defaultValue = "UNASSIGNED", paramLabel = "POLICY",
      description = "what to do with an unknown channel id without channel_group: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  private UnknownChannelPolicy unknownChannels = UnknownChannelPolicy.UNASSIGNED;

  @Mixin
  private FormatOption format = new FormatOption();

  @Override
  public Integer call() throws Failure {
    boolean json = format.json();
    CsvInteractionAdapter adapter = CsvInteractionAdapter.builder().unknownChannels(unknownChannels).build();
    InteractionImporter importer = InteractionImporter.builder()
        .mode(strict ? ImportMode.STRICT : ImportMode.LENIENT).build();
    if (Files.isDirectory(input)) {
      throw Failure.failed("cannot read " + input + ": it is a directory, not a file");
    }
    ImportReport report;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16)) {
      report = importer.run(adapter, in, interaction -> {});
    } catch (ImportException e) {
      print(e.report(), json);
      throw Failure.failed(stopped(e, json), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(input, e);
    }
    print(report, json);
    return report.isClean() ? Exit.OK : Exit.FAILED;
  }

  /**
   * Why the import stopped. A bad record that stopped a strict import is already on standard error with its
   * file and line (in CSV form), so the last line says what the stop means instead of repeating it.
   */
  private String stopped(ImportException e, boolean json) {
    return e.rejection().isPresent() && !json
        ? "import of " + input + " stopped at its first bad record (--strict): the records after it were not read"
        : "import of " + input + " stopped: " + e.getMessage();
  }

  private void print(ImportReport report, boolean json) throws Failure {
    PrintStream out = System.out;
    if (json) {
      try {
        out.print(JsonOutput.text(EngagementJson.writeTree(report)));
      } catch (IOException e) {
        throw Failure.failed("cannot write the report as JSON: " + e.getMessage(), e);
      }
      return;
    }
    out.println("metric,value");
    out.println("read," + report.read());
    out.println("accepted," + report.accepted());
    out.println("rejected," + report.rejected());
    out.println("duplicates," + report.duplicates());
    RejectionLines.print(input.toString(), report, System.err);
  }
}
