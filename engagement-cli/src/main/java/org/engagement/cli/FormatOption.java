package org.engagement.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --format csv|json}: how a command prints its results (issues 15 and 18). CSV stays the default of
 * every command; JSON is the SDK's documented form of the result ({@link org.engagement.json.EngagementJson}),
 * indented, ending in a line feed. Diagnostics go to standard error in either format. Not thread-safe (picocli
 * fills it).
 */
final class FormatOption {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "how results are printed: csv (default) or json (the SDK's documented JSON form)")
  private String format = "csv";

  /**
   * Whether JSON was asked for.
   *
   * @throws Failure a usage error if the format is neither csv nor json
   */
  boolean json() throws Failure {
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "csv" -> false;
      case "json" -> true;
      default -> throw Failure.usage("--format '" + format + "' is invalid: must be csv or json");
    };
  }
}
