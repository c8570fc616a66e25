package org.engagement.cli;

import java.math.BigDecimal;

/**
 * How the tool writes CSV cells: RFC 4180 quoting, numbers as plain decimals, and text cells that a
 * spreadsheet would run as a formula neutralised.
 *
 * <p><b>Formula neutralising</b> (on by default; {@code --raw-csv} turns it off). A text cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading
 * apostrophe ({@code '=cmd|calc}, {@code '@SUM(1)}), which spreadsheets show as text and never evaluate.
 * Numbers are never changed: the tool knows which cells are numbers because it writes them through {@link
 * #number(double)} from the doubles it computed, and only cells of text (channel names, labels) go through
 * {@link #text(String)}. So a negative credit stays {@code -0.5}, while a channel named {@code -5} is written
 * {@code '-5}.
 *
 * <p>Immutable and thread-safe.
 */
final class CsvCells {
  private static final CsvCells NEUTRALISING = new CsvCells(true);
  private static final CsvCells RAW = new CsvCells(false);

  private final boolean neutralise;

  private CsvCells(boolean neutralise) {
    this.neutralise = neutralise;
  }

  /** Cells with formulas neutralised unless {@code raw}. */
  static CsvCells of(boolean raw) {
    return raw ? RAW : NEUTRALISING;
  }

  /** Cells with formulas neutralised: the default. */
  static CsvCells neutralising() {
    return NEUTRALISING;
  }

  /** {@code text} as one CSV field: neutralised (unless raw), then quoted if it holds a comma, a quote or a line break. */
  String text(String text) {
    return quoted(neutralise && isFormula(text) ? "'" + text : text);
  }

  /** Whether a spreadsheet would take {@code text} for a formula. */
  static boolean isFormula(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }

  private static String quoted(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
    }
    return text;
  }

  /**
   * {@code value} as the shortest plain decimal that reads back to the same double: no exponent, no
   * trailing zeros, integers without a fraction ({@code 5}, {@code 2.5}, {@code 40.666666666666664},
   * {@code 0.00001}), {@code .} as decimal point whatever the locale.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite (commands check their results
   *     first and refuse them with a message)
   */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
