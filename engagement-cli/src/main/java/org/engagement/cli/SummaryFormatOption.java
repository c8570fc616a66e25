package org.engagement.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --format text|json} for the commands whose default output is a summary in words rather than a table
 * ({@code report}, {@code world}): text stays the default; JSON is one object of the same content, indented,
 * ending in a line feed ({@link JsonOutput}). Diagnostics and progress go to standard error in either format.
 * Not thread-safe (picocli fills it).
 */
final class SummaryFormatOption {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "how the summary is printed: text (default) or json (one object of the same content)")
  private String format = "text";

  /**
   * Whether JSON was asked for.
   *
   * @throws Failure a usage error if the format is neither text nor json
   */
  boolean json() throws Failure {
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "text" -> false;
      case "json" -> true;
      default -> throw Failure.usage("--format '" + format + "' is invalid: must be text or json");
    };
  }
}
