package org.engagement.report.internal.text;

import java.util.Locale;

/**
 * The page's one number format, the same in every locale: thousands separators on every count and amount,
 * the currency code after every amount, percentages with one decimal, and chart labels that abbreviate
 * thousands and millions the same way on every axis and bar.
 */
public final class NumberText {
  private NumberText() {}

  /** With thousands separators and {@code decimals} decimals; a value that rounds to zero has no sign. */
  public static String number(double value, int decimals) {
    String text = String.format(Locale.ROOT, "%,." + decimals + "f", value);
    return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
  }

  /** A whole count with thousands separators: {@code 27,918}. */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** An amount with thousands separators, two decimals and its currency code: {@code 1,234.50 EUR}. */
  public static String money(double amount, String currency) {
    return number(amount, 2) + " " + currency;
  }

  /** A whole amount with thousands separators and its currency code, for headlines: {@code 1,235 EUR}. */
  public static String wholeMoney(double amount, String currency) {
    return number(amount, 0) + " " + currency;
  }

  /** A share as a percentage with one decimal: {@code 0.061} is {@code 6.1%}. */
  public static String percent(double share) {
    return number(share * 100, 1) + "%";
  }

  /**
   * A change as a signed percentage with one decimal: {@code +6.1%}, {@code -2.0%}. The minus is the ASCII
   * hyphen-minus, as in every other number of the page and the terminal summary, so that a copied figure or a
   * downloaded table reads as a number in a spreadsheet.
   */
  public static String signedPercent(double share) {
    String text = percent(share);
    return text.startsWith("-") || text.equals("0.0%") ? text : "+" + text;
  }

  /** A number for an SVG attribute: plain, two decimals at most. */
  public static String coordinate(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text;
  }

  /**
   * A short label for an axis or a bar, one rule for every chart: 3 significant digits at most, thousands
   * as {@code k} and millions as {@code M} from 1,000 up ({@code 950}, {@code 5k}, {@code 12.5k},
   * {@code 3.4M}), small values with two decimals at most.
   */
  public static String compact(double value) {
    double abs = Math.abs(value);
    if (abs >= 999_500) {
      return trimmed(value / 1e6, abs >= 99_950_000 ? 0 : 1) + "M";
    }
    if (abs >= 999.5) {
      return trimmed(value / 1e3, abs >= 99_950 ? 0 : 1) + "k";
    }
    if (abs >= 99.5 || value == Math.rint(value)) {
      return trimmed(value, 0);
    }
    return trimmed(value, abs >= 10 ? 1 : 2);
  }

  /** {@code value} with at most {@code decimals} decimals, trailing zeros dropped; no sign on zero. */
  private static String trimmed(double value, int decimals) {
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    if (text.contains(".")) {
      text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return text.equals("-0") ? "0" : text;
  }
}
