package org.engagement.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** The message shape of the reading policy, and the characters no message may carry. */
final class Messages {
  /**
   * {@code file:line: column 'x' value 'v' is invalid: rule}, {@code file:line: column 'x' is missing: rule}
   * or {@code file:line: rule}.
   */
  private static final Pattern SHAPE = Pattern.compile(
      "(?s)[^:]+:[1-9][0-9]*: (column '[^']*' (value '.*' is invalid|is missing): .+|(?!column ').+)");

  private Messages() {}

  /** Whether {@code text} holds a character a terminal or log would act on (it must be shown escaped). */
  static boolean hasRawControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069)) {
        return true;
      }
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          return true;
        }
        i++;
      }
    }
    return false;
  }

  /** Checks one rejection message: the policy's shape, the file and line named, nothing raw. */
  static void checkShape(String message, String source, long line) {
    assertThat(hasRawControl(message)).as("raw control character in %s", visible(message)).isFalse();
    assertThat(message).as("message shape").startsWith(source + ":" + line + ": ");
    assertThat(SHAPE.matcher(message).matches()).as("message shape of %s", message).isTrue();
  }

  /** {@code text} with every control character written as \\uXXXX, for failure messages. */
  static String visible(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(text.length(), 300); i++) {
      char c = text.charAt(i);
      sb.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) ? String.format(java.util.Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
    }
    return text.length() > 300 ? sb + "...(" + text.length() + ")" : sb.toString();
  }
}
