package org.engagement.cli;

import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.report.HtmlReport;
import org.engagement.report.ReportModel;
import org.engagement.report.TextSummary;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.section.ReportSection;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement report [--input DIR] [--output report.html] [--margin SHARE] [--lift FILE] [--holdout FILE]}: the
 * whole analysis of a directory (or
 * the bundled sample world) as a self-contained HTML page, with a short summary on standard output and progress
 * on standard error. With {@code --format json} the summary is one JSON object ({@link ReportJson}: the headline
 * figures, the recommendations, each section's summary lines and the account of every file read); the page is
 * written either way.
 *
 * <p>The output file is checked writable before anything is read, so a bad path fails at once, not after
 * the analysis.
 *
 * <p>Experiments ({@code --lift}, {@code --holdout}, or the directory's {@code lift.csv} and {@code holdout.csv})
 * calibrate the relationship ROI's credits (the report's {@code RelationshipRoiBuilder}).
 *
 * <p>Exit code 0 when the report was written and every row of every file read was used (the interactions
 * and each companion file: costs, survey, survey phrases, conversations, messages, brands, experiments); 1 when a row of
 * any of them was rejected (a lift row on a channel the journeys do not hold included, as in {@code attribute
 * --lift}) or a file could not be read in full (the report is still written and shows it;
 * standard error has one line per such file, naming the file, the line, the column and the rule of its first
 * rejection, or why it could not be read), when a section was left out because building it ran out of memory (the
 * page is written without it and says so; standard error has one line per such section), when the interactions
 * cannot be read, or when the page cannot be written; 2 on a usage error.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    customSynopsis = {"engagement report [--input=DIR] [--output=FILE] [--margin=SHARE]",
        "                  [--lift=FILE] [--holdout=FILE] [--format=text|json]"},
    description = {"Run the whole analysis on the bundled sample world (or on DIR), print a summary and write a "
        + "self-contained HTML report.",
        "DIR holds interactions.csv (the format of the import command) and, optionally, costs.csv, customers.csv, "
        + "survey.csv with survey-channels.csv, conversations.csv with messages.csv and brands.csv, and "
        + "truth.csv: the files the world command writes.",
        "Experiments calibrate the ROI's credits: DIR's lift.csv (channel,incremental_conversions,low,high[,level])"
        + " and holdout.csv (customer_id,channel: people held out of a channel at random, as world --holdout writes "
        + "them), or the files --lift and --holdout name."},
    footerHeading = "%nExamples:%n",
    footer = {"  engagement report",
        "  engagement report --input world --output world.html --margin 0.4",
        "  engagement report --input world --lift lift.csv",
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

  @Option(names = "--lift", paramLabel = "FILE",
      description = "experiments' lift results (columns channel, incremental_conversions, low, high and optionally "
          + "level, over the journeys' period) that calibrate the ROI's credits, in place of DIR's lift.csv")
  private @Nullable Path lift;

  @Option(names = "--holdout", paramLabel = "FILE",
      description = "people held out of channels at random (customer_id,channel); each channel's lift "
          + "calibrates the ROI's credits, in place of DIR's holdout.csv")
  private @Nullable Path holdout;

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
    if (model.allRowsUsed() && model.complete()) {
      return Exit.OK;
    }
    for (ImportReport read : model.reads()) {
      if (!read.isClean()) {
        err.println(problem(read));
      }
    }
    for (ReportSection section : model.sections()) {
      if (section instanceof ReportSection.LeftOut left) {
        err.println(OneLine.of(output + ": section '" + left.id() + "' left out: " + left.reason()));
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
      AnalysisInput read = input == null ? BundledWorld.input() : AnalysisInput.read(input);
      return experiment(experiment(read, AnalysisInput.LIFT, lift), AnalysisInput.HOLDOUT, holdout);
    } catch (IOException e) {
      throw Failure.failed("cannot read " + name + ": " + IoProblem.describe(e), e);
    } catch (IllegalArgumentException | InvalidSourceException | ImportException e) {
      throw Failure.failed("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** {@code data} with {@code file} as its companion file {@code name}, when given; checked readable first. */
  private static AnalysisInput experiment(AnalysisInput data, String name, @Nullable Path file) throws Failure {
    if (file == null) {
      return data;
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw Failure.failed("cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory, not a file"
          : "no such readable file"));
    }
    return data.withFile(name, MoreFiles.asByteSource(file));
  }

  /** Where the report read the file it calls {@code source}: an option's file, DIR's file or the bundled one. */
  private String where(String source) {
    if (source.equals(AnalysisInput.LIFT) && lift != null) {
      return lift.toString();
    }
    if (source.equals(AnalysisInput.HOLDOUT) && holdout != null) {
      return holdout.toString();
    }
    return input == null ? source : input.resolve(source).toString();
  }

  /**
   * One line for a file not used in full: its first rejection as {@code file:line: column 'x' value 'v' is
   * invalid: rule} with the count of rows not used, or why it could not be read.
   */
  private String problem(ImportReport read) {
    String file = where(read.source());
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
