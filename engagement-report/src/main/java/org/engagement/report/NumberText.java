package org.engagement.report;

import java.util.Locale;

/** How the report writes numbers: the same in every locale. */
final class NumberText {
  private NumberText() {}

  /** With thousands separators and {@code decimals} decimals; a value that rounds to zero has no sign. */
  static String number(double value, int decimals) {
    String text = String.format(Locale.ROOT, "%,." + decimals + "f", value);
    return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
  }

  /** A share in [0, 1] as a percentage with one decimal. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A number for an SVG attribute: plain, two decimals at most. */
  static String coordinate(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text;
  }

  /** A short label for an axis or a bar: 1.2k, 3.4M. */
  static String compact(double value) {
    double abs = Math.abs(value);
    if (abs >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", value / 1e6);
    }
    if (abs >= 1e4) {
      return String.format(Locale.ROOT, "%.1fk", value / 1e3);
    }
    if (abs >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, abs >= 10 ? "%.1f" : "%.2f", value);
  }
}
