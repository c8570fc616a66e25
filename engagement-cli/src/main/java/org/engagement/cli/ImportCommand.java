package org.engagement.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportMode;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.core.ingest.csv.UnknownChannelPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engagement import --input FILE}: checks an interactions CSV and prints the import report as
 * CSV {@code metric,value} followed by one line per rejected record.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Check an interactions CSV: print how many records were read, accepted, rejected and duplicated, and why.")
final class ImportCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, description = "the interactions CSV (UTF-8, with a header row)")
  @SuppressWarnings("NullAway.Init")
  private Path input;

  @Option(names = "--strict", description = "stop at the first bad record")
  private boolean strict;

  @Option(names = "--unknown-channels", defaultValue = "UNASSIGNED",
      description = "what to do with an unknown channel id without channel_group: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  private UnknownChannelPolicy unknownChannels = UnknownChannelPolicy.UNASSIGNED;

  @Override
  public Integer call() throws IOException {
    CsvInteractionAdapter adapter = CsvInteractionAdapter.builder().unknownChannels(unknownChannels).build();
    InteractionImporter importer = InteractionImporter.builder()
        .mode(strict ? ImportMode.STRICT : ImportMode.LENIENT).build();
    ImportReport report;
    try {
      report = importer.run(adapter, input, interaction -> {});
    } catch (ImportException e) {
      print(e.report());
      System.err.println("import stopped: " + e.getMessage());
      return 1;
    }
    print(report);
    return report.isClean() ? 0 : 1;
  }

  private void print(ImportReport report) {
    System.out.println("metric,value");
    System.out.println("read," + report.read());
    System.out.println("accepted," + report.accepted());
    System.out.println("rejected," + report.rejected());
    System.out.println("duplicates," + report.duplicates());
    report.rejections().forEach(r -> System.out.println("# " + r.message(input.toString())));
  }
}
