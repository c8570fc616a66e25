package org.engagement.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engagement.core.ingest.ImportReport;
import org.engagement.json.EngagementJson;
import org.engagement.json.view.JourneyCreditsView;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.ChannelEffect;
import org.engagement.simulator.WorldWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format json} on the commands that print a summary ({@code report}, {@code world}), on {@code mix}, and
 * for the {@code --per-journey} file of {@code attribute} and {@code compare}: each document parsed back and held
 * to what the text, CSV or files say.
 */
class MoreJsonFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INTERACTIONS = "customer_id,timestamp,type,channel,value,currency,source_id\n"
      + "alice,2024-06-01T10:00:00Z,click,search,,,e1\n"
      + "alice,2024-06-08T10:00:00Z,click,email,,,e2\n"
      + "alice,2024-06-15T10:00:00Z,purchase,web,40,EUR,e3\n"
      + "bob,2024-06-09T10:00:00Z,click,email,,,e4\n"
      + "bob,2024-06-10T10:00:00Z,purchase,web,20,EUR,e5\n"
      + "carol,2024-06-20T10:00:00Z,click,social,,,e6\n";

  @Test
  void reportPrintsItsSummaryAsOneObjectAndStillWritesThePage(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("interactions.csv"), INTERACTIONS + "dave,2024-06-21T10:00:00Z,teleport,web,,,e7\n");
    Path page = dir.resolve("r.html");
    CliRun text = run("report", "--input", dir.toString(), "--output", dir.resolve("t.html").toString());
    CliRun run = run("report", "--input", dir.toString(), "--output", page.toString(), "--format", "json");

    assertThat(run.exit()).as("a rejected row").isEqualTo(1).isEqualTo(text.exit());
    assertThat(Files.readString(page, UTF_8)).startsWith("<!DOCTYPE html>");
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("as_of").asText()).isEqualTo("2024-06-20");
    assertThat(json.get("page").asText()).isEqualTo(page.toAbsolutePath().toString());
    assertThat(json.get("all_rows_used").asBoolean()).isFalse();
    ImportReport read = EngagementJson.read(json.get("reads").get(0), ImportReport.class);
    assertThat(read.read()).isEqualTo(7);
    assertThat(read.rejected()).isEqualTo(1);
    assertThat(read.rejections().get(0).value()).isEqualTo("teleport");
    JsonNode summary = json.get("summary");
    assertThat(summary.get("periods").get(0).get("key").asText()).isEqualTo("whole");
    assertThat(summary.get("periods").get(0).get("figures").size()).isPositive();
    for (JsonNode section : json.get("sections")) {
      assertThat(text.out()).contains(section.get("title").asText());
      for (JsonNode line : section.get("summary")) {
        assertThat(text.out()).contains("  " + line.asText());
      }
    }
    assertThat(run("report", "--format", "csv", "--output", page.toString()).exit()).isEqualTo(2);
  }

  @Test
  void worldPrintsWhatItWroteWithTheRowsOfEachFile(@TempDir Path dir) throws IOException {
    Path world = dir.resolve("world");
    CliRun run = run("world", "--output", world.toString(), "--customers", "40", "--seed", "3", "--holdout",
        "newsletter=0.5", "--format", "json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("seed").asLong()).isEqualTo(3);
    assertThat(json.get("customers").asInt()).isEqualTo(40);
    assertThat(json.get("holdouts").get(0).get("channel").asText()).isEqualTo("newsletter");
    assertThat(json.get("files")).extracting(f -> f.get("name").asText()).containsExactlyElementsOf(
        WorldWriter.FILES);
    for (JsonNode file : json.get("files")) {
      if (file.get("name").asText().equals(WorldWriter.CUSTOMERS)) {
        assertThat(file.get("rows").asLong()).isEqualTo(40);
      }
      if (file.get("name").asText().equals(WorldWriter.INTERACTIONS)) {
        assertThat(file.get("rows").asLong())
            .isEqualTo(Files.readAllLines(world.resolve(WorldWriter.INTERACTIONS)).size() - 1).isPositive();
      }
    }
  }

  @Test
  void mixPrintsTheChannelsAndThePlanInTheirForms(@TempDir Path dir) throws IOException {
    Path[] files = MixCommandTest.write(dir, "");
    CliRun csv = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--format", "csv",
        "--resamples", "3");
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--format", "json",
        "--resamples", "3");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("resamples").asInt()).isEqualTo(3);
    List<ChannelEffect> effects = EngagementJson.readList(json.get("channels"), ChannelEffect.class);
    BudgetPlan plan = EngagementJson.read(json.get("plan"), BudgetPlan.class);
    List<String> rows = csv.out().lines().skip(1).toList();
    assertThat(effects).hasSize(rows.size()).hasSize(MixCommandTest.WORLD.channels().size());
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = rows.get(i).split(",", -1);
      ChannelEffect effect = effects.get(i);
      assertThat(effect.channel()).isEqualTo(cells[0]);
      assertThat(effect.share()).isCloseTo(Double.parseDouble(cells[3]), within(1e-6));
      assertThat(plan.allocation(effect.channel()).recommended()).isCloseTo(Double.parseDouble(cells[9]),
          within(1e-6));
    }
  }

  @Test
  void perJourneyFilesAreJsonWithFormatJson(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("i.csv");
    Files.writeString(input, INTERACTIONS, UTF_8);
    Path one = dir.resolve("linear.json");
    Path both = dir.resolve("both.json");
    CliRun attribute = run("attribute", "--model", "linear", "--interactions", input.toString(), "--per-journey",
        one.toString(), "--format", "json");
    CliRun compare = run("compare", "--models", "linear,markov", "--interactions", input.toString(),
        "--per-journey", both.toString(), "--format", "json");

    assertThat(attribute.exit()).as(attribute.err()).isZero();
    assertThat(compare.exit()).as(compare.err()).isZero();
    JourneyCreditsView linear = EngagementJson.read(Files.readString(one, UTF_8), JourneyCreditsView.class);
    assertThat(linear.model()).isEqualTo("linear");
    assertThat(linear.journeys()).extracting(JourneyCreditsView.Journey::customerId).containsExactly("alice", "bob");
    assertThat(linear.journeys().get(0).credits()).extracting(JourneyCreditsView.Credit::channel)
        .containsExactly("email", "search");
    JsonNode models = JSON.readTree(Files.readString(both, UTF_8)).get("models");
    assertThat(models).hasSize(2);
    JourneyCreditsView markov = EngagementJson.read(models.get(1), JourneyCreditsView.class);
    assertThat(markov.model()).isEqualTo("markov");
    assertThat(markov.spread()).isTrue();
    assertThat(EngagementJson.read(models.get(0), JourneyCreditsView.class).journeys()).isEqualTo(linear.journeys());
  }
}
