package org.engagement.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.engagement.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.engagement.simulator.Holdout;
import org.engagement.simulator.SampleWorld;
import org.engagement.simulator.WorldSpec;
import org.engagement.simulator.WorldWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --format json}: the relationship-ROI section's {@code "roi"} member holds each invested channel's
 * attributed revenue and ROI with their bootstrap intervals, the very numbers of the page's interval table (its
 * {@code data-value} attributes), on a generated world with a randomised holdout on the newsletter.
 */
class ReportRoiJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>");
  private static final Pattern VALUE = Pattern.compile("data-value=\"([^\"]+)\"");

  @Test
  void theRoiMemberHoldsThePagesIntervalsToTheBit(@TempDir Path dir) throws IOException {
    Path world = dir.resolve("world");
    WorldWriter.write(WorldSpec.builder().seed(SampleWorld.SEED).customers(600)
        .holdouts(List.of(new Holdout("newsletter", 0.5))).build(), world);
    Path page = dir.resolve("r.html");
    CliRun run = run("report", "--input", world.toString(), "--output", page.toString(), "--format", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    String html = Files.readString(page, UTF_8);

    JsonNode section = StreamSupport.stream(JSON.readTree(run.out()).get("sections").spliterator(), false)
        .filter(s -> s.get("id").asText().equals("roi")).findFirst().orElseThrow();
    JsonNode roi = section.get("roi");
    assertThat(roi.get("level").asDouble()).isEqualTo(0.9);
    assertThat(roi.get("resamples").asInt()).isEqualTo(20);
    assertThat(roi.get("seed").asLong()).isZero();
    assertThat(roi.get("unit").asText()).isEqualTo("customers");
    List<List<Double>> fromJson = new ArrayList<>();
    for (JsonNode channel : roi.get("channels")) {
      fromJson.add(List.of(channel.get("attributed_revenue").asDouble(), channel.get("revenue_low").asDouble(),
          channel.get("revenue_high").asDouble(), channel.get("roi").asDouble(), channel.get("roi_low").asDouble(),
          channel.get("roi_high").asDouble()));
      assertThat(channel.get("from_experiment").asBoolean()).as(channel.get("channel").asText())
          .isEqualTo(channel.get("channel").asText().equals("newsletter"));
      assertThat(values(table(html, "Relationship ROI per channel ("))).as("the investment on the page")
          .anySatisfy(row -> assertThat(row.get(0)).isEqualTo(channel.get("investment").asDouble()));
    }
    assertThat(fromJson).hasSizeGreaterThan(3);
    assertThat(fromJson).containsExactlyInAnyOrderElementsOf(
        values(table(html, "Attributed revenue and ROI per channel with their bootstrap intervals (low to high, 90%)")));
    assertThat(section.get("summary")).anySatisfy(line -> assertThat(line.asText()).contains("ROI interval"));
  }

  /** The table whose caption starts with {@code caption}. */
  private static String table(String html, String caption) {
    int start = html.indexOf("<caption>" + caption);
    assertThat(start).as(caption).isNotNegative();
    return html.substring(start, html.indexOf("</table>", start));
  }

  /** The {@code data-value}s of each row of {@code table}'s body, row by row. */
  private static List<List<Double>> values(String table) {
    List<List<Double>> rows = new ArrayList<>();
    Matcher row = ROW.matcher(table.substring(table.indexOf("<tbody>")));
    while (row.find()) {
      List<Double> values = new ArrayList<>();
      Matcher value = VALUE.matcher(row.group(1));
      while (value.find()) {
        values.add(Double.parseDouble(value.group(1)));
      }
      rows.add(values);
    }
    return rows;
  }
}
