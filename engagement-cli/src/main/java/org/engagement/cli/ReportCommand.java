package org.engagement.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportException;
import org.engagement.report.AnalysisInput;
import org.engagement.report.HtmlReport;
import org.engagement.report.Progress;
import org.engagement.report.ReportModel;
import org.engagement.report.TextSummary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engagement report [--input DIR] [--output report.html]}: the whole analysis of a directory (or
 * the bundled sample world) as a self-contained HTML page, with a short summary on standard output and progress
 * on standard error.
 *
 * <p>Exit code 0 when the report was written from a clean import; 1 when records were rejected (the report
 * is still written and lists them), the input cannot be read or the page cannot be written; 2 on a usage
 * error.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Run the whole analysis on the bundled sample world (or on DIR with interactions.csv and optional "
        + "costs.csv, survey.csv, truth.csv, customers.csv), print a summary and write a self-contained HTML report.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DIR",
      description = "a directory with interactions.csv and optional companion files (default: the bundled sample world)")
  private @Nullable Path input;

  @Option(names = "--output", paramLabel = "FILE", defaultValue = "report.html",
      description = "where to write the HTML report (default: ${DEFAULT-VALUE})")
  private Path output = Path.of("report.html");

  @Override
  public Integer call() {
    PrintStream err = System.err;
    Progress progress = Progress.to(err);
    AnalysisInput data;
    try {
      progress.step("reading " + (input == null ? "the bundled sample world" : input.toString()));
      data = input == null ? BundledWorld.input() : AnalysisInput.read(input);
    } catch (IOException | ImportException | InvalidFieldException e) {
      err.println("cannot read " + (input == null ? "the bundled sample world" : input) + ": "
          + (e instanceof IOException io ? AttributeCommand.describe(io) : e.getMessage()));
      return 1;
    }
    ReportModel model = ReportModel.build(data, progress);
    try {
      progress.step("writing " + output);
      HtmlReport.write(model, output);
    } catch (IOException e) {
      err.println("cannot write " + output + ": " + AttributeCommand.describe(e));
      return 1;
    }
    System.out.print(TextSummary.render(model));
    System.out.println();
    System.out.println("Report written to " + output.toAbsolutePath());
    return data.importReport().isClean() ? 0 : 1;
  }
}
