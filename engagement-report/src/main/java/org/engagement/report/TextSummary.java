package org.engagement.report;

import static java.util.Objects.requireNonNull;

import org.engagement.report.internal.text.TerminalText;
import org.engagement.report.section.ReportSection;

/**
 * The terminal summary of a {@link ReportModel}: a heading line per section and its few summary lines.
 *
 * <p>Text from the input (channel names, the source, file content quoted in a reason) can hold control
 * characters; they are shown escaped ({@code \n}, {@code \r}, {@code \t}, others as {@code \}{@code
 * u001B}), as are the Unicode line separators and bidirectional overrides, so each line stays one line and
 * the summary cannot send the terminal commands (clear the screen, set its title).
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
    out.append("Engagement report: ").append(TerminalText.safe(model.source())).append(", as of ")
        .append(model.asOf()).append('\n');
    for (ReportSection section : model.sections()) {
      out.append('\n').append(TerminalText.safe(section.title())).append('\n');
      section.summary().forEach(line -> out.append("  ").append(TerminalText.safe(line)).append('\n'));
    }
    return out.toString();
  }
}
