package org.engagement.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.report.Analysis;
import org.engagement.report.AnalysisInput;
import org.engagement.report.HtmlReport;
import org.engagement.report.Progress;
import org.engagement.report.ReportModel;
import org.engagement.report.TextSummary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement report [--input DIR] [--output report.html] [--margin SHARE]}: the whole analysis of a directory (or
 * the bundled sample world) as a self-contained HTML page, with a short summary on standard output and progress
 * on standard error. With {@code --format json} the summary is one JSON object ({@link ReportJson}: the headline
 * figures, the recommendations, each section's summary lines and the account of every file read); the page is
 * written either way.
 *
 * <p>The output file is checked writable before anything is read, so a bad path fails at once, not after
 * the analysis.
 *
 * <p>Exit code 0 when the report was written and every row of every file read was used (the interactions
 * and each companion file: costs, survey, survey phrases, conversations, messages, brands); 1 when a row of
 * any of them was rejected or a file could not be read in full (the report is still written and shows it;
 * standard error has one line per such file, naming the file, the line, the column and the rule of its first
 * rejection, or why it could not be read), when the interactions cannot be read, or when the page cannot be
 * written; 2 on a usage error.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    customSynopsis = "engagement report [--input=DIR] [--output=FILE] [--margin=SHARE]",
    description = {"Run the whole analysis on the bundled sample world (or on DIR), print a summary and write a "
        + "self-contained HTML report.",
        "DIR holds interactions.csv (the format of the import command) and, optionally, costs.csv, customers.csv, "
        + "survey.csv with survey-channels.csv, conversations.csv with messages.csv and brands.csv, and "
        + "truth.csv: the files the world command writes."},
    footerHeading = "%nExamples:%n",
    footer = {"  engagement report",
        "  engagement report --input world --output world.html --margin 0.4",
        "  engagement report --input world --format json"})
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DIR",
      description = "a directory with interactions.csv and optional companion files (default: the bundled sample world)")
  private @Nullable Path input;

  @Option(names = "--output", paramLabel = "FILE", defaultValue = "report.html",
      description = "where to write the HTML report (default: ${DEFAULT-VALUE})")
  private Path output = Path.of("report.html");

  @Option(names = "--margin", paramLabel = "SHARE", defaultValue = "1",
      description = "the gross margin, in (0, 1]: the share of revenue that is profit, which the ROI counts "
          + "(default: ${DEFAULT-VALUE}, every unit of revenue counted as profit, as the page says)")
  private double margin = 1;

  @Mixin
  private SummaryFormatOption format = new SummaryFormatOption();

  /** Fails at once, with what is wrong, when {@code dir} is not a directory holding interactions.csv. */
  private static void checkDirectory(Path dir) throws Failure {
    if (!Files.exists(dir)) {
      throw Failure.failed("cannot read " + dir + ": no such directory; --input takes a directory holding "
          + AnalysisInput.INTERACTIONS);
    }
    if (!Files.isDirectory(dir)) {
      throw Failure.failed("cannot read " + dir + ": it is a file; --input takes a directory holding "
          + AnalysisInput.INTERACTIONS + " (the world command writes one)");
    }
    if (!Files.isRegularFile(dir.resolve(AnalysisInput.INTERACTIONS))) {
      throw Failure.failed("cannot read " + dir + ": the directory has no " + AnalysisInput.INTERACTIONS
          + " (the world command writes one with every companion file)");
    }
  }

  @Override
  public Integer call() throws Failure {
    PrintStream err = System.err;
    boolean json = format.json();
    if (!(margin > 0 && margin <= 1)) {
      throw Failure.usage("--margin " + margin + ": must be a share in (0, 1], such as 0.4 for a 40% gross margin");
    }
    OutputFile.check(output);
    Progress progress = Progress.to(err);
    progress.step("reading " + (input == null ? "the " + BundledWorld.SOURCE : input.toString()));
    AnalysisInput data = read();
    ReportModel model = ReportModel.build(Analysis.of(data, progress), ReportModel.defaultBuilders(margin));
    progress.step("writing " + output);
    String page = HtmlReport.render(model);
    OutputFile.write(output, out -> out.write(page));
    if (json) {
      try {
        System.out.print(JsonOutput.text(ReportJson.of(model, output)));
      } catch (IOException e) {
        throw Failure.failed("cannot print the summary as JSON: " + e.getMessage(), e);
      }
    } else {
      System.out.print(TextSummary.render(model));
      System.out.println();
      System.out.println("Report written to " + output.toAbsolutePath());
    }
    if (model.allRowsUsed()) {
      return Exit.OK;
    }
    for (ImportReport read : model.reads()) {
      if (!read.isClean()) {
        err.println(problem(read));
      }
    }
    return Exit.FAILED;
  }

  private AnalysisInput read() throws Failure {
    String name = input == null ? "the " + BundledWorld.SOURCE : input.toString();
    if (input != null) {
      checkDirectory(input);
    }
    try {
      return input == null ? BundledWorld.input() : AnalysisInput.read(input);
    } catch (IOException e) {
      throw Failure.failed("cannot read " + name + ": " + IoProblem.describe(e), e);
    } catch (IllegalArgumentException | InvalidSourceException | ImportException e) {
      throw Failure.failed("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * One line for a file not used in full: its first rejection as {@code file:line: column 'x' value 'v' is
   * invalid: rule} with the count of rows not used, or why it could not be read.
   */
  private String problem(ImportReport read) {
    String file = input == null ? read.source() : input.resolve(read.source()).toString();
    StringBuilder line = new StringBuilder();
    long unused = read.read() - read.accepted();
    if (unused > 0) {
      line.append(read.rejections().stream().findFirst().map(r -> RejectionLines.line(file, r))
              .orElse(file + ": rows rejected"))
          .append(" (").append(unused).append(" of ").append(read.read()).append(" rows not used)");
    }
    read.failureReason().ifPresent(reason -> line.append(unused > 0 ? "; " : file + ": ")
        .append("could not be read in full: ").append(reason));
    return OneLine.of(line.toString());
  }
}
