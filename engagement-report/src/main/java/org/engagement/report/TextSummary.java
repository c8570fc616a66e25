package org.engagement.report;

import static java.util.Objects.requireNonNull;

/**
 * The terminal summary of a {@link ReportModel}: a heading line per section and its few summary lines.
 *
 * <p>Holds no state; thread-safe.
 *
 * @since 0.1.0
 */
public final class TextSummary {
  private TextSummary() {}

  /** The summary, lines ending in a newline. */
  public static String render(ReportModel model) {
    requireNonNull(model, "model");
    StringBuilder out = new StringBuilder();
    out.append("Engagement report: ").append(model.source()).append(", as of ").append(model.asOf()).append('\n');
    for (ReportSection section : model.sections()) {
      out.append('\n').append(section.title()).append('\n');
      section.summary().forEach(line -> out.append("  ").append(line).append('\n'));
    }
    return out.toString();
  }
}
