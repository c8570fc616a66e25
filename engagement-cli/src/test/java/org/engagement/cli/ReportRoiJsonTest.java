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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --format json}: the relationship-ROI section's {@code "roi"} member holds each invested channel's
 * attributed revenue and ROI with their bootstrap intervals, and each value tier's total ROI with its interval and
 * its difference from the best tier, the very numbers of the page's interval tables (their {@code data-value}
 * attributes), on a generated world with a randomised holdout on the newsletter (one report run for the class).
 */
class ReportRoiJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>");
  private static final Pattern VALUE = Pattern.compile("data-value=\"([^\"]+)\"");
  private static final String TIER_TABLE = "ROI per value tier with its bootstrap interval (low to high, 90%";
  @TempDir
  static Path dir;
  private static String html;
  private static JsonNode section;

  @BeforeAll
  static void report() throws IOException {
    Path world = dir.resolve("world");
    WorldWriter.write(WorldSpec.builder().seed(SampleWorld.SEED).customers(600)
        .holdouts(List.of(new Holdout("newsletter", 0.5))).build(), world);
    Path page = dir.resolve("r.html");
    CliRun run = run("report", "--input", world.toString(), "--output", page.toString(), "--format", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    html = Files.readString(page, UTF_8);
    section = StreamSupport.stream(JSON.readTree(run.out()).get("sections").spliterator(), false)
        .filter(s -> s.get("id").asText().equals("roi")).findFirst().orElseThrow();
  }

  @Test
  void theRoiMemberHoldsThePagesIntervalsToTheBit() {
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

  /**
   * Each value tier with an interval: its seven figures and its difference from the best tier (in points on the
   * page) are the page's tier interval table's {@code data-value}s, its ROI the per-tier table's; the best tier is
   * compared with the runner-up, every other with the best.
   */
  @Test
  void theRoiMemberHoldsEachValueTiersIntervalAsThePageDoes() {
    JsonNode segments = section.get("roi").get("segments");
    assertThat(segments.size()).isGreaterThan(1);
    List<List<Double>> fromJson = new ArrayList<>();
    String best = null;
    double bestRoi = Double.NEGATIVE_INFINITY;
    for (JsonNode tier : segments) {
      JsonNode versus = tier.get("versus");
      fromJson.add(List.of(tier.get("investment").asDouble(), tier.get("attributed_revenue").asDouble(),
          tier.get("revenue_low").asDouble(), tier.get("revenue_high").asDouble(), tier.get("roi").asDouble(),
          tier.get("roi_low").asDouble(), tier.get("roi_high").asDouble(), versus.get("difference").asDouble() * 100,
          versus.get("low").asDouble() * 100, versus.get("high").asDouble() * 100));
      assertThat(tier.get("roi_low").asDouble()).isLessThanOrEqualTo(tier.get("roi").asDouble());
      assertThat(tier.get("roi_high").asDouble()).isGreaterThanOrEqualTo(tier.get("roi").asDouble());
      assertThat(versus.get("beyond_noise").asBoolean()).isEqualTo(versus.get("low").asDouble() > 0
          || versus.get("high").asDouble() < 0);
      assertThat(values(table(html, "Relationship ROI per value tier ("))).as("the tier's ROI on the page")
          .anySatisfy(row -> assertThat(row).contains(tier.get("roi").asDouble()));
      if (tier.get("roi").asDouble() > bestRoi) {
        bestRoi = tier.get("roi").asDouble();
        best = tier.get("segment").asText();
      }
    }
    assertThat(fromJson).containsExactlyElementsOf(values(table(html, TIER_TABLE)));
    for (JsonNode tier : segments) {
      assertThat(tier.get("versus").get("segment").asText()).as(tier.get("segment").asText())
          .isNotEqualTo(tier.get("segment").asText());
      if (!tier.get("segment").asText().equals(best)) {
        assertThat(tier.get("versus").get("segment").asText()).isEqualTo(best);
      }
    }
    assertThat(section.get("summary")).anySatisfy(line -> assertThat(line.asText()).startsWith("  tier ")
        .contains(" points vs "));
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
