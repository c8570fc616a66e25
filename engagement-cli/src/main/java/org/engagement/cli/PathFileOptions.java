package org.engagement.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
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
}
