package org.engagement.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.journey.Journeys;
import org.engagement.json.EngagementJson;

/**
 * The {@code --per-journey} file: CSV {@code customer_id,conversion_at,channel,conversions,value} ({@code
 * attribute}) or {@code customer_id,conversion_at,channel,<model>_conversions,<model>_value,...} ({@code
 * compare}, one column pair per model in the order given), one row per journey and channel that earned a
 * credit under at least one of the models, in the order of {@link JourneyCredits} (customer id, then the
 * journey's end, then channel name), lines ending in {@code \n}.
 *
 * <ul>
 *   <li>{@code customer_id}: the journey's customer;
 *   <li>{@code conversion_at}: the instant of the journey's conversion, ISO-8601 in UTC
 *       ({@code 2024-03-01T10:15:30Z}); with the customer it names the journey. Empty for a journey that did
 *       not convert, which has rows only when a model credits a channel that no converting journey touched;
 *   <li>{@code channel}: the channel credited;
 *   <li>{@code conversions}, {@code value}: the journey's credit to the channel (0 under a model that gives
 *       it none), written like the per-channel output's ({@link CsvCells#number(double)}), value in major
 *       units of the conversions' currency.
 * </ul>
 *
 * <p>Text cells go through {@link CsvCells}. With {@code --format json} the file is JSON instead ({@link
 * #writeJson}): one model's credits in the documented form of {@link JourneyCredits} ({@code attribute}), or
 * {@code {"models": [...]}} with one such form per model in the order given ({@code compare}). Not
 * instantiable.
 */
final class PerJourneyFile {
  /** The header row of one model's credits. */
  static final String HEADER = "customer_id,conversion_at,channel,conversions,value";

  private PerJourneyFile() {}

  /**
   * Writes one model's {@code credits} to {@code file} under {@link #HEADER}.
   *
   * @throws Failure if writing fails (the partial file is then removed)
   */
  static void write(Path file, JourneyCredits credits, CsvCells cells) throws Failure {
    write(file, List.of(credits), HEADER, cells);
  }

  /**
   * Writes several models' credits of the same journeys to {@code file}, one column pair per model, named
   * {@code <model>_conversions,<model>_value}.
   *
   * @throws Failure if writing fails (the partial file is then removed)
   */
  static void write(Path file, List<JourneyCredits> credits, CsvCells cells) throws Failure {
    StringBuilder header = new StringBuilder("customer_id,conversion_at,channel");
    for (JourneyCredits model : credits) {
      String name = model.result().model();
      header.append(',').append(cells.text(name + "_conversions")).append(',').append(cells.text(name + "_value"));
    }
    write(file, credits, header.toString(), cells);
  }

  /**
   * Writes one model's {@code credits} to {@code file} in their documented JSON form.
   *
   * @throws Failure if writing fails (the partial file is then removed)
   */
  static void writeJson(Path file, JourneyCredits credits) throws Failure {
    JsonNode json = EngagementJson.writeTree(credits);
    OutputFile.write(file, out -> JsonOutput.write(out, json));
  }

  /**
   * Writes several models' credits to {@code file} as {@code {"models": [...]}}, each in its documented JSON
   * form, in the order given.
   *
   * @throws Failure if writing fails (the partial file is then removed)
   */
  static void writeJson(Path file, List<JourneyCredits> credits) throws Failure {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode models = json.putArray("models");
    credits.forEach(model -> models.add(EngagementJson.writeTree(model)));
    OutputFile.write(file, out -> JsonOutput.write(out, json));
  }

  private static void write(Path file, List<JourneyCredits> credits, String header, CsvCells cells)
      throws Failure {
    Journeys journeys = credits.get(0).journeys();
    int channels = journeys.channels().size();
    OutputFile.write(file, out -> {
      out.write(header + "\n");
      int[] next = new int[credits.size()];
      StringBuilder line = new StringBuilder();
      while (true) {
        long key = Long.MAX_VALUE;
        for (int m = 0; m < next.length; m++) {
          key = Math.min(key, key(credits.get(m), next[m], channels));
        }
        if (key == Long.MAX_VALUE) {
          return;
        }
        int j = (int) (key / channels);
        line.setLength(0);
        line.append(cells.text(journeys.customerId(j))).append(',')
            .append(journeys.converted(j) ? journeys.endTime(j).toString() : "").append(',')
            .append(cells.text(journeys.channels().name((int) (key % channels))));
        for (int m = 0; m < next.length; m++) {
          JourneyCredits model = credits.get(m);
          boolean here = key(model, next[m], channels) == key;
          line.append(',').append(here ? CsvCells.number(model.conversions(next[m])) : "0")
              .append(',').append(here ? CsvCells.number(model.value(next[m])) : "0");
          if (here) {
            next[m]++;
          }
        }
        out.write(line.append('\n').toString());
      }
    });
  }

  /** Row {@code row} of {@code credits} as one number ordered like the rows; past the end, the largest. */
  private static long key(JourneyCredits credits, int row, int channels) {
    return row < credits.size() ? (long) credits.journey(row) * channels + credits.channel(row) : Long.MAX_VALUE;
  }
}
