package org.engagement.report;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

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
    out.append("Engagement report: ").append(safe(model.source())).append(", as of ").append(model.asOf())
        .append('\n');
    for (ReportSection section : model.sections()) {
      out.append('\n').append(safe(section.title())).append('\n');
      section.summary().forEach(line -> out.append("  ").append(safe(line)).append('\n'));
    }
    return out.toString();
  }

  /** {@code text} with its control characters escaped. */
  static String safe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
          || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
