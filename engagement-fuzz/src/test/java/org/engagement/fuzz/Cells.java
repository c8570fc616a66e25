package org.engagement.fuzz;

import java.util.SplittableRandom;

/** Valid cells with known content, for the generators' columns. */
final class Cells {
  private static final String[] WORDS = {
    "alpha", "beta", "Gamma Delta", "ıi İI", "naïve café", "日本語", "a,b", "say \"hi\"", "x;y", "'quoted'",
    "tab\there", "emoji 😀", "=cmd|calc", "Ünïcödé", "back\\slash", "ﬁ ligature", "Straße"};

  private Cells() {}

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
}
