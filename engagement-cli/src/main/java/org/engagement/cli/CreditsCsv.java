package org.engagement.cli;

import java.io.IOException;
import java.io.Writer;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.interval.CreditInterval;
import org.engagement.attribution.interval.CreditIntervals;
import org.jspecify.annotations.Nullable;

/**
 * The CSV {@code attribute} writes: {@code channel,conversions,value}, one row per channel in name order,
 * and with intervals the columns {@code conversions_low,conversions_high,value_low,value_high,share,share_low,
 * share_high} after them (the first three columns stay, so a reader of the plain format reads this one too).
 * {@code share} is the channel's conversions over the result's total conversions. Stateless.
 */
final class CreditsCsv {
  /** The header without intervals. */
  static final String HEADER = "channel,conversions,value";
  /** The columns intervals add. */
  static final String INTERVAL_COLUMNS = "conversions_low,conversions_high,value_low,value_high,share,share_low,"
      + "share_high";

  private CreditsCsv() {}

  /** Writes {@code result}, with the low and high ends of {@code intervals} when given. */
  static void write(Writer out, AttributionResult result, @Nullable CreditIntervals intervals, CsvCells cells)
      throws IOException {
    out.write(intervals == null ? HEADER + "\n" : HEADER + "," + INTERVAL_COLUMNS + "\n");
    for (int c = 0; c < result.channels().size(); c++) {
      String name = result.channels().name(c);
      StringBuilder row = new StringBuilder(cells.text(name)).append(',')
          .append(CsvCells.number(result.conversions(c))).append(',').append(CsvCells.number(result.value(c)));
      if (intervals != null) {
        CreditInterval interval = intervals.channel(name).orElseThrow();
        double total = result.totalConversions();
        row.append(',').append(numbers(interval.conversionsLow(), interval.conversionsHigh(), interval.valueLow(),
            interval.valueHigh(), total > 0 ? result.conversions(c) / total : 0, interval.shareLow(),
            interval.shareHigh()));
      }
      out.write(row.append('\n').toString());
    }
  }

  private static String numbers(double... values) {
    StringBuilder text = new StringBuilder();
    for (double value : values) {
      text.append(text.length() == 0 ? "" : ",").append(CsvCells.number(value));
    }
    return text.toString();
  }
}
