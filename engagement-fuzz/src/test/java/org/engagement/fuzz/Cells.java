package org.engagement.fuzz;

import java.util.SplittableRandom;

/** Valid cells with known content, for the generators' columns. */
final class Cells {
  private static final String[] WORDS = {
    "alpha", "beta", "Gamma Delta", "ıi İI", "naïve café", "日本語", "a,b", "say \"hi\"", "x;y", "'quoted'",
    "tab\there", "emoji 😀", "=cmd|calc", "Ünïcödé", "back\\slash", "ﬁ ligature", "Straße"};

  private Cells() {}

  /**
   * A well-spread hash of {@code row} and {@code salt}, not negative: for the cells of a row that depend on each
   * other (a recency not above the age), which must be the same whichever column is made first.
   */
  static int mix(int row, int salt) {
    int h = row * 0x9E3779B1 + salt * 0x85EBCA6B;
    h ^= h >>> 15;
    return (h * 0x2C1B3C6D) >>> 1;
  }

  /** A row id that no truncation of another id can produce: s, the row index, z. */
  static String id(SplittableRandom rnd, int row) {
    return "s" + row + "z";
  }

  /** A word, sometimes with a separator, a quote, non-ASCII letters or a tab inside. */
  static String word(SplittableRandom rnd, int row) {
    return WORDS[rnd.nextInt(WORDS.length)] + (rnd.nextBoolean() ? "" : " " + row);
  }

  /** A whole number from 0 to 10^9, in plain ASCII digits. */
  static String count(SplittableRandom rnd, int row) {
    return Integer.toString(rnd.nextInt(1_000_000_001));
  }

  /** A decimal number from 0 to about 10^7 with up to two decimals, sometimes in exponent form. */
  static String amount(SplittableRandom rnd, int row) {
    int r = rnd.nextInt(10);
    if (r == 0) {
      return rnd.nextInt(1000) + "e" + rnd.nextInt(4);
    }
    return rnd.nextInt(10_000_000) + (r < 5 ? "" : "." + rnd.nextInt(10) + rnd.nextInt(10));
  }

  /**
   * The number {@code hundredths}/100 in one of the forms the number syntax allows for it: {@code 12.34},
   * {@code 12.340}, {@code 1234e-2}, {@code +12.34} (whole numbers also as {@code 12}).
   */
  static String decimal(SplittableRandom rnd, long hundredths) {
    String plain = java.math.BigDecimal.valueOf(hundredths, 2).toPlainString();
    return switch (rnd.nextInt(8)) {
      case 0 -> hundredths + "e-2";
      case 1 -> plain + "0";
      case 2 -> hundredths < 0 ? plain : "+" + plain;
      case 3 -> hundredths % 100 == 0 ? Long.toString(hundredths / 100) : plain;
      default -> plain;
    };
  }

  /** The whole number {@code value} as {@code 12}, {@code 12.0} or {@code 1200e-2}, all whole in the syntax. */
  static String whole(SplittableRandom rnd, long value) {
    return switch (rnd.nextInt(6)) {
      case 0 -> value + ".0";
      case 1 -> value + "00e-2";
      default -> Long.toString(value);
    };
  }
}
