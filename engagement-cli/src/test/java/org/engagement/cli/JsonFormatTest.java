package org.engagement.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.engagement.cli.AttributeCommandTest.resource;
import static org.engagement.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.compare.ModelComparison;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.core.ingest.ImportReport;
import org.engagement.json.EngagementJson;
import org.engagement.json.saved.SavedClvModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format json} on every command that prints results, parsed back with Jackson and the SDK's forms,
 * and {@code clv --save-model} / {@code --saved-model}. The toy paths are the attribution reference's section 7
 * data set (as in {@link CompareCommandTest}); the CLV figures come from the CDNOW sample (as in {@link
 * ClvCommandTest}).
 */
class JsonFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CDNOW = Path.of("..", "engagement-clv", "src", "test", "resources", "cdnow");
  private static final String SUMMARY = CDNOW.resolve("cdnow_customers_summary.csv").toString();

  @Test
  void attributePrintsTheResultsJsonForm() throws IOException {
    CliRun run = run("attribute", "--model", "last-touch", "--input", resource("toy-paths.csv"), "--format", "json");
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).endsWith("}\n");
    JsonNode tree = JSON.readTree(run.out());
    assertThat(tree.get("model").asText()).isEqualTo("last-touch");
    assertThat(tree.get("channels").get(1).get("channel").asText()).isEqualTo("B");
    assertThat(tree.get("channels").get(1).get("conversions").asDouble()).isEqualTo(3);
    assertThat(tree.get("channels").get(1).get("value").asDouble()).isEqualTo(45);
    AttributionResult result = EngagementJson.read(run.out(), AttributionResult.class);
    assertThat(result.conversionsByChannel()).containsExactly(java.util.Map.entry("A", 0.0),
        java.util.Map.entry("B", 3.0), java.util.Map.entry("C", 5.0));
    assertThat(result.valueByChannel().get("C")).isEqualTo(47);
  }

  @Test
  void attributeWithIntervalsAddsThemToTheResult(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("credits.json");
    CliRun run = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--intervals", "20",
        "--format", "json", "--output", out.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    JsonNode tree = JSON.readTree(Files.readString(out, UTF_8));
    JsonNode intervals = tree.get("intervals");
    assertThat(intervals.get("resamples").asInt()).isEqualTo(20);
    assertThat(intervals.get("unit").asText()).isEqualTo("journeys");
    assertThat(intervals.get("channels")).hasSize(3);
    for (JsonNode channel : intervals.get("channels")) {
      assertThat(channel.get("conversions_low").asDouble()).isLessThanOrEqualTo(channel.get("conversions_high")
          .asDouble());
    }
    assertThat(EngagementJson.read(tree, AttributionResult.class).channelNames()).containsExactly("A", "B", "C");
  }

  @Test
  void comparePrintsTheComparisonsJsonForm() throws IOException {
    CliRun run = run("compare", "--models", "first-touch,last-touch", "--input", resource("toy-paths.csv"),
        "--format", "json");
    assertThat(run.exit()).isZero();
    ModelComparison comparison = EngagementJson.read(run.out(), ModelComparison.class);
    assertThat(comparison.models()).containsExactly("first-touch", "last-touch");
    assertThat(comparison.conversions("A", "first-touch")).isEqualTo(5);
    assertThat(comparison.value("B", "last-touch")).isEqualTo(45);
    assertThat(JSON.readTree(run.out()).get("results").get(0).get("model").asText()).isEqualTo("first-touch");
  }

  @Test
  void importPrintsTheReportsJsonFormWithTheRejections(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "customer_id,timestamp,type,channel\n"
        + "c1,2024-01-01T00:00:00Z,click,email\n"
        + "c2,not-a-time,click,email\n", UTF_8);
    CliRun run = run("import", "--input", csv.toString(), "--format", "json");
    assertThat(run.exit()).isEqualTo(1);
    ImportReport report = EngagementJson.read(run.out(), ImportReport.class);
    assertThat(report.read()).isEqualTo(2);
    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.rejections()).hasSize(1);
    assertThat(report.rejections().get(0).field()).isEqualTo("timestamp");
    assertThat(report.rejections().get(0).position().line()).isEqualTo(3);
    assertThat(run.out()).doesNotContain("# ");
  }

  @Test
  void clvPrintsTheSavedModelFormAndSavesIt(@TempDir Path dir) throws IOException {
    Path saved = dir.resolve("bgnbd.json");
    CliRun run = run("clv", "--model", "bgnbd", "--input", SUMMARY, "--format", "json", "--save-model",
        saved.toString());
    assertThat(run.exit()).isZero();
    JsonNode tree = JSON.readTree(run.out());
    assertThat(tree.get("format").asText()).isEqualTo("engagement-clv-model");
    assertThat(tree.get("version").asInt()).isEqualTo(1);
    assertThat(tree.get("unit").asText()).isEqualTo("week");
    assertThat(tree.get("fit").get("status").asText()).isEqualTo("converged");
    assertThat(tree.get("data").get("customers").asLong()).isEqualTo(2357);
    // FHL 2005, table 1 (CDNOW, weeks): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426
    JsonNode r = tree.get("fit").get("parameters").get(0);
    assertThat(r.get("name").asText()).isEqualTo("r");
    assertThat(r.get("estimate").asDouble()).isBetween(0.2425, 0.2427);
    assertThat(r.get("standard_error").asDouble()).isPositive();
    assertThat(JSON.readTree(Files.readString(saved, UTF_8))).isEqualTo(tree);
  }

  @Test
  void aSavedModelPredictsAsTheFittedOneWithoutRefitting(@TempDir Path dir) throws IOException {
    Path saved = dir.resolve("bgnbd.json");
    Path fitted = dir.resolve("fitted.csv");
    Path loaded = dir.resolve("loaded.csv");
    CliRun fit = run("clv", "--model", "bgnbd", "--input", SUMMARY, "--save-model", saved.toString(), "--predict",
        fitted.toString(), "--horizon", "39");
    assertThat(fit.exit()).isZero();
    CliRun reuse = run("clv", "--saved-model", saved.toString(), "--input", SUMMARY, "--predict", loaded.toString(),
        "--horizon", "39");
    assertThat(reuse.exit()).as(reuse.err()).isZero();
    assertThat(reuse.out()).isEqualTo(fit.out());
    assertThat(Files.readString(loaded, UTF_8)).isEqualTo(Files.readString(fitted, UTF_8));
    RepeatBuyingModel model = EngagementJson.read(Files.readString(saved, UTF_8), SavedClvModel.class)
        .purchaseModel();
    assertThat(model.parameters().get("alpha")).isBetween(4.41, 4.42);
  }

  /**
   * BG/BB on the donations of Fader, Hardie and Shang (2010): alpha 1.204, beta 0.750, gamma 0.657, delta 2.783
   * (their table, as BgBbModelTest checks); a saved fit predicts the next 5 opportunities as the fitted one did.
   */
  @Test
  void aSavedBgBbModelPredictsAsTheFittedOne(@TempDir Path dir) throws IOException {
    String donations = Path.of("..", "engagement-clv", "src", "test", "resources", "donations", "donations.csv")
        .toString();
    Path saved = dir.resolve("bgbb.json");
    Path fitted = dir.resolve("fitted.csv");
    Path loaded = dir.resolve("loaded.csv");
    CliRun fit = run("clv", "--model", "bgbb", "--input", donations, "--format", "json", "--save-model",
        saved.toString(), "--predict", fitted.toString(), "--horizon", "5");
    assertThat(fit.exit()).as(fit.err()).isZero();
    JsonNode printed = JSON.readTree(fit.out());
    assertThat(printed.get("model").asText()).isEqualTo("bgbb");
    assertThat(printed.get("unit").isNull()).isTrue();
    assertThat(printed.get("data").get("customers").asLong()).isEqualTo(11_104);
    assertThat(printed.get("fit").get("parameters").get(0).get("estimate").asDouble()).isBetween(1.203, 1.205);
    assertThat(JSON.readTree(Files.readString(saved, UTF_8))).isEqualTo(printed);

    CliRun reuse = run("clv", "--saved-model", saved.toString(), "--input", donations, "--predict",
        loaded.toString(), "--horizon", "5");
    assertThat(reuse.exit()).as(reuse.err()).isZero();
    assertThat(Files.readString(loaded, UTF_8)).isEqualTo(Files.readString(fitted, UTF_8))
        .startsWith("frequency,recency,periods,customers,p_alive,expected_purchases\n0,0,6,3464,");
    assertThat(Files.readString(loaded, UTF_8).lines()).hasSize(23);
    assertThat(EngagementJson.read(Files.readString(saved, UTF_8), SavedClvModel.class).discreteModel().delta())
        .isBetween(2.78, 2.79);

    assertThat(run("clv", "--model", "bgbb", "--input", donations, "--unit", "week").exit()).isEqualTo(2);
    assertThat(run("clv", "--model", "bgbb", "--input", donations, "--predict", dir.resolve("p.csv").toString(),
        "--horizon", "2.5").err()).contains("whole number of purchase opportunities");
  }

  @Test
  void aBadSavedModelIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
    Path future = dir.resolve("future.json");
    Files.writeString(future, "{\"format\":\"engagement-clv-model\",\"version\":9}", UTF_8);
    CliRun run = run("clv", "--saved-model", future.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("version '9' is invalid").contains("supported: [1]").contains(future.toString());
    assertThat(run.noStackTrace()).isTrue();
    Path notJson = dir.resolve("not.json");
    Files.writeString(notJson, "r,0.24\n", UTF_8);
    CliRun broken = run("clv", "--saved-model", notJson.toString());
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.err()).startsWith("cannot read the saved model " + notJson + ": not one JSON document");
    assertThat(broken.noStackTrace()).isTrue();
  }

  @Test
  void savedModelUsageErrors(@TempDir Path dir) throws IOException {
    Path saved = dir.resolve("m.json");
    assertThat(run("clv", "--model", "bgnbd", "--input", SUMMARY, "--save-model", saved.toString()).exit()).isZero();
    for (List<String> args : List.of(
        List.of("clv", "--saved-model", saved.toString(), "--model", "bgnbd"),
        List.of("clv", "--saved-model", saved.toString(), "--input", SUMMARY),
        List.of("clv", "--saved-model", saved.toString(), "--unit", "day", "--input", SUMMARY, "--predict",
            dir.resolve("p.csv").toString(), "--horizon", "4"),
        List.of("clv", "--model", "bgnbd", "--input", SUMMARY, "--save-model", SUMMARY))) {
      CliRun run = run(args.toArray(String[]::new));
      assertThat(run.exit()).as("%s: %s", args, run.err()).isEqualTo(2);
    }
    CliRun shown = run("clv", "--saved-model", saved.toString());
    assertThat(shown.exit()).isZero();
    assertThat(shown.out()).startsWith("parameter,value\nr,0.24");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRun run = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--format", "xml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--format 'xml' is invalid: must be csv or json");
    assertThat(run.out()).isEmpty();
  }

  /** The worked file of {@link ValueCommandTest#smallFileWorkedByHand}: the same figures, unrounded. */
  @Test
  void valuePrintsItsMetricsAsOneObject(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,timestamp,amount\n"
        + "a,2024-01-10,100\n"
        + "b,2024-02-15,30.00\n"
        + "a,2024-03-01T10:00:00Z,50\n"
        + "c,2024-03-01,20\n", UTF_8);
    CliRun run = run("value", "--transactions", csv.toString(), "--as-of", "2024-03-31", "--format", "json");
    assertThat(run.exit()).isZero();
    JsonNode tree = JSON.readTree(run.out());
    assertThat(tree.get("transactions").asLong()).isEqualTo(4);
    assertThat(tree.get("total_value").asText()).isEqualTo("200.00");
    assertThat(tree.get("as_of").asText()).isEqualTo("2024-03-31");
    assertThat(tree.get("gini").asDouble()).isCloseTo(2 * 530.0 / (3 * 200) - 4.0 / 3, org.assertj.core.api.Assertions
        .within(1e-15));
    assertThat(tree.get("customer_share_for_80pct_value").asDouble()).isCloseTo(2.0 / 3,
        org.assertj.core.api.Assertions.within(1e-15));
    assertThat(tree.get("rfm_segments").get("At Risk").asLong()).isEqualTo(1);
    assertThat(tree.get("rfm_segments")).hasSize(11);
  }
}
