package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.PathFormat;
import org.engagement.attribution.journey.PathFormatException;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The input and output options of the attribution commands (a picocli mixin): a ChannelAttribution path
 * file ({@code --input}) or an interactions CSV cut into journeys ({@code --interactions} with the
 * {@link InteractionOptions}), exactly one of the two, and the CSV written.
 */
final class PathFileOptions {
  @Option(names = "--input", paramLabel = "PATHS",
      description = "a ChannelAttribution path file with the columns path and total_conversions and, "
          + "optionally, total_conversion_value and total_null (or give --interactions)")
  @Nullable Path input;

  @Option(names = "--delimiter", paramLabel = "C",
      description = "with --input: the path file's field delimiter (default ,)")
  @Nullable Character delimiter;

  @Option(names = "--output", paramLabel = "FILE", description = "where to write the CSV (default: standard output)")
  @Nullable Path output;

  @Option(names = "--max-record-length", paramLabel = "N",
      description = "the longest row (and path) of the input, in characters (default 1048576, at most 16777216)")
  @Nullable Integer maxRecordLength;

  @Mixin
  InteractionOptions interactions = new InteractionOptions();

  @Mixin
  CsvOptions csv = new CsvOptions();

  /**
   * What the command attributes.
   *
   * @param source the file read, as messages name it
   * @param set the journeys grouped by path, for the models
   * @param interactions for {@code --interactions}: the timed journeys and the account of the rows; null
   *     for a path file
   */
  record Input(String source, JourneySet set, InteractionOptions.@Nullable Read interactions) {}

  /**
   * Checks the options, then that every output ({@code --output} and {@code extraOutput}) can be written,
   * then reads the input: the path file, or the interactions (their rejected rows are printed on {@code
   * err}, one line each).
   *
   * @param extraOutput another output of the command, such as {@code --per-journey}, or null
   * @param extraOption the option that names it, for the message when it needs {@code --interactions}
   * @throws Failure a usage error if not exactly one input is given or an option does not fit it; a failure
   *     if an output cannot be written or the input cannot be read
   */
  Input read(@Nullable Path extraOutput, String extraOption, PrintStream err) throws Failure {
    Path interactionFile = interactions.file;
    if ((input == null) == (interactionFile == null)) {
      throw Failure.usage("give exactly one input: --input PATHS (a path file) or --interactions FILE (an "
          + "interactions CSV)");
    }
    if (interactionFile == null) {
      List<String> misplaced = new ArrayList<>(interactions.given());
      if (extraOutput != null) {
        misplaced.add(extraOption);
      }
      if (!misplaced.isEmpty()) {
        throw Failure.usage(String.join(", ", misplaced) + (misplaced.size() == 1 ? " needs" : " need")
            + " --interactions FILE: a path file has no customers, times or interaction types");
      }
      PathFormat format = format();
      checkOutputs(extraOutput);
      Path paths = Objects.requireNonNull(input, "input");
      return new Input(paths.toString(), journeys(paths, format), null);
    }
    if (delimiter != null) {
      throw Failure.usage("--delimiter is for path files (--input); an interactions CSV is comma-separated");
    }
    JourneyRules rules = interactions.rules();
    CsvPolicy policy = policy();
    checkOutputs(extraOutput);
    InteractionOptions.Read read = interactions.read(rules, policy, err);
    return new Input(interactionFile.toString(), read.journeys().toJourneySet(), read);
  }

  /**
   * The path format with the field delimiter and record limit given.
   *
   * @throws Failure a usage error if the format refuses the delimiter or the limit
   */
  PathFormat format() throws Failure {
    PathFormat format;
    try {
      format = PathFormat.channelAttribution().withDelimiter(delimiter == null ? ',' : delimiter);
    } catch (IllegalArgumentException e) {
      throw Failure.usage("--delimiter: " + e.getMessage());
    }
    CsvPolicy policy = policy();
    return policy == null ? format : format.withPolicy(policy);
  }

  /**
   * The record limit given, or null for the defaults.
   *
   * @throws Failure a usage error if the policy refuses it
   */
  private @Nullable CsvPolicy policy() throws Failure {
    if (maxRecordLength == null) {
      return null;
    }
    try {
      return new CsvPolicy(maxRecordLength, maxRecordLength);
    } catch (IllegalArgumentException e) {
      throw Failure.usage("--max-record-length: " + e.getMessage());
    }
  }

  /**
   * Checks that the output files, if any, can be written, before the work starts.
   *
   * @throws Failure if one cannot
   */
  private void checkOutputs(@Nullable Path extraOutput) throws Failure {
    if (output != null) {
      OutputFile.check(output);
    }
    if (extraOutput != null) {
      if (extraOutput.equals(output)) {
        throw Failure.usage("the same file " + extraOutput + " is named for two outputs");
      }
      OutputFile.check(extraOutput);
    }
  }

  /**
   * Reads the path file; what goes wrong is explained with the file's name.
   *
   * @throws Failure if it cannot be read or a row breaks the format
   */
  private static JourneySet journeys(Path input, PathFormat format) throws Failure {
    try (InputStream in = InputFile.openBytes(input)) {
      return format.read(in, input.toString());
    } catch (PathFormatException e) {
      throw Failure.failed(String.valueOf(e.getMessage()), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(input, e);
    }
  }
}
