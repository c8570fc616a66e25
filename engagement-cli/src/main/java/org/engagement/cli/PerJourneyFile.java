package org.engagement.cli;

import java.nio.file.Path;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.journey.Journeys;

/**
 * The {@code --per-journey} file: CSV {@code customer_id,conversion_at,channel,conversions,value}, one row per
 * journey and channel that earned a credit, in the order of {@link JourneyCredits} (customer id, then the
 * journey's end, then channel name), lines ending in {@code \n}.
 *
 * <ul>
 *   <li>{@code customer_id}: the journey's customer;
 *   <li>{@code conversion_at}: the instant of the journey's conversion, ISO-8601 in UTC
 *       ({@code 2024-03-01T10:15:30Z}); with the customer it names the journey. Empty for a journey that did
 *       not convert, which has rows only when a model credits a channel that no converting journey touched;
 *   <li>{@code channel}: the channel credited;
 *   <li>{@code conversions}, {@code value}: the journey's credit to the channel, written like the
 *       per-channel output's ({@link CsvCells#number(double)}), value in major units of the conversions'
 *       currency.
 * </ul>
 *
 * <p>Text cells go through {@link CsvCells}. Not instantiable.
 */
final class PerJourneyFile {
  /** The header row. */
  static final String HEADER = "customer_id,conversion_at,channel,conversions,value";

  private PerJourneyFile() {}

  /**
   * Writes {@code credits} to {@code file}.
   *
   * @throws Failure if writing fails (the partial file is then removed)
   */
  static void write(Path file, JourneyCredits credits, CsvCells cells) throws Failure {
    Journeys journeys = credits.journeys();
    OutputFile.write(file, out -> {
      out.write(HEADER + "\n");
      StringBuilder line = new StringBuilder();
      for (int r = 0; r < credits.size(); r++) {
        int j = credits.journey(r);
        line.setLength(0);
        line.append(cells.text(journeys.customerId(j))).append(',')
            .append(journeys.converted(j) ? journeys.endTime(j).toString() : "").append(',')
            .append(cells.text(journeys.channels().name(credits.channel(r)))).append(',')
            .append(CsvCells.number(credits.conversions(r))).append(',')
            .append(CsvCells.number(credits.value(r))).append('\n');
        out.write(line.toString());
      }
    });
  }
}
