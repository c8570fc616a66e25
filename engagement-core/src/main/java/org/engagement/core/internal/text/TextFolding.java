package org.engagement.core.internal.text;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text so that matching ignores case and accents: each character is decomposed canonically (NFD),
 * its non-spacing and enclosing marks are dropped, and what remains is case folded with {@link Locale#ROOT} (upper case,
 * then lower case, so that {@code ς} and {@code σ} agree); runs of white space become one space.
 *
 * <p>A character is folded through a table of all 65,536 UTF-16 code units built once, so folding
 * allocates nothing per character. A character whose decomposition keeps more than one base character
 * (a Hangul syllable, for instance) is folded as a whole; surrogates pass through unchanged. Phrases and
 * texts go through the same folding, so they agree. {@code ı} (dotless i) stays a letter of its own.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class TextFolding {
  /** Marks a character that folding drops (a combining mark). */
  static final char DROP = '\0';

  private static final char[] TABLE = buildTable();

  private TextFolding() {}

  private static char[] buildTable() {
    char[] table = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      table[c] = foldOne((char) c);
    }
    return table;
  }

  private static char foldOne(char c) {
    if (c < 0x80) {
      if (c == 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return ' ';
      }
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    if (Character.isSurrogate(c)) {
      return c;
    }
    if (isMark(c)) {
      return DROP;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
      return ' ';
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    char base = c;
    int bases = 0;
    for (int i = 0; i < decomposed.length(); i++) {
      char d = decomposed.charAt(i);
      if (!isMark(d)) {
        base = d;
        bases++;
      }
    }
    char single = bases == 1 ? base : c;
    return Character.toLowerCase(Character.toUpperCase(single));
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  /** The folding table: the folded form of each character, a space for white space, {@code '\0'} to drop. */
  static char[] table() {
    return TABLE;
  }

  /**
   * Whether {@code c} (a folded character) is part of a word: a letter, a digit or {@code _}. Matches must
   * not continue a word on either side.
   */
  public static boolean isWordChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /**
   * Folds {@code text} into {@code out} from index 0, growing it if needed, and returns the buffer that
   * holds the result (either {@code out} or a larger one); {@code length[0]} is set to the folded length.
   * Leading white space is dropped and a white-space run becomes one space.
   */
  static char[] fold(CharSequence text, char[] out, int[] length) {
    int n = text.length();
    char[] buffer = out.length >= n ? out : new char[Math.max(n, out.length * 2)];
    if (text instanceof String s) {
      s.getChars(0, n, buffer, 0);
    } else {
      for (int i = 0; i < n; i++) {
        buffer[i] = text.charAt(i);
      }
    }
    int k = 0;
    char previous = ' ';
    for (int i = 0; i < n; i++) {
      char f = TABLE[buffer[i]];
      if (f == DROP || (f == ' ' && previous == ' ')) {
        continue;
      }
      buffer[k++] = f;
      previous = f;
    }
    length[0] = k;
    return buffer;
  }

  /**
   * The folded form of {@code text}, without white space at either end: what a phrase must equal to
   * match.
   */
  public static String fold(CharSequence text) {
    requireNonNull(text, "text");
    int[] length = new int[1];
    char[] folded = fold(text, new char[text.length()], length);
    int end = length[0];
    while (end > 0 && folded[end - 1] == ' ') {
      end--;
    }
    return new String(folded, 0, end);
  }
}
