package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.PathFormat;
import org.engagement.attribution.journey.PathFormatException;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that read a ChannelAttribution path file and write CSV (a picocli mixin). */
final class PathFileOptions {
  @Option(names = "--input", required = true, paramLabel = "PATHS",
      description = "the path file: path,total_conversions[,total_conversion_value][,total_null]")
  @SuppressWarnings("NullAway.Init")
  Path input;

  @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",",
      description = "the input's field delimiter (default ${DEFAULT-VALUE})")
  char delimiter = ',';

  @Option(names = "--output", paramLabel = "FILE", description = "where to write the CSV (default: standard output)")
  @Nullable Path output;

  @Option(names = "--max-record-length", paramLabel = "N",
      description = "the longest row (and path) of the input, in characters (default 1048576, at most 16777216)")
  @Nullable Integer maxRecordLength;

  @Mixin
  CsvOptions csv = new CsvOptions();

  /**
   * The path format with the field delimiter and record limit given.
   *
   * @throws Failure a usage error if the format refuses the delimiter or the limit
   */
  PathFormat format() throws Failure {
    PathFormat format;
    try {
      format = PathFormat.channelAttribution().withDelimiter(delimiter);
    } catch (IllegalArgumentException e) {
      throw Failure.usage("--delimiter: " + e.getMessage());
    }
    if (maxRecordLength == null) {
      return format;
    }
    try {
      return format.withPolicy(new CsvPolicy(maxRecordLength, maxRecordLength));
    } catch (IllegalArgumentException e) {
      throw Failure.usage("--max-record-length: " + e.getMessage());
    }
  }

  /**
   * Checks that the output file, if any, can be written, before the work starts.
   *
   * @throws Failure if it cannot
   */
  void checkOutput() throws Failure {
    if (output != null) {
      OutputFile.check(output);
    }
  }

  /**
   * Reads the path file; what goes wrong is explained with the file's name.
   *
   * @throws Failure if it cannot be read or a row breaks the format
   */
  JourneySet journeys(PathFormat format) throws Failure {
    try (InputStream in = InputFile.openBytes(input)) {
      return format.read(in, input.toString());
    } catch (PathFormatException e) {
      throw Failure.failed(String.valueOf(e.getMessage()), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(input, e);
    }
  }
}
