package org.engagement.report.internal.text;

import java.util.Locale;

/**
 * Text from the input made safe for a terminal: control characters shown escaped ({@code \n}, {@code \r},
 * {@code \t}, others as {@code \}{@code u001B}), as are the Unicode line separators and bidirectional
 * overrides, so each line stays one line and cannot send the terminal commands.
 *
 * <p>Holds no state; thread-safe.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code text} with its control characters escaped. */
  public static String safe(String text) {
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
