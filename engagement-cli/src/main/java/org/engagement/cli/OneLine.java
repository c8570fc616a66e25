package org.engagement.cli;

/**
 * Text for the terminal as one line: control characters (C0, DEL, C1, the Unicode line and paragraph
 * separators and the bidirectional overrides) are shown escaped, {@code \n}, {@code \r} and {@code \t} as
 * such and the others as {@code \}{@code u001B}, so a value read from a file can neither break a message
 * into several lines nor send the terminal a command (clear the screen, set the title, reorder text).
 */
final class OneLine {
  private OneLine() {}

  /** {@code text} with every control character escaped. */
  static String of(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        escape(c, out);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
    }
  }
}
