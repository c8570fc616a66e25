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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv --holdout N} on CDNOW's calibration/holdout summary ({@code cdnow_calibration_holdout.csv} in
 * engagement-clv's test resources, see the README there: 39 weeks of calibration to 1997-09-30, then 39 weeks of
 * holdout), against the published holdout checks:
 *
 * <ul>
 *   <li>McCarthy and Wadsworth, "Buy 'Til You Die - A Walkthrough" (BTYD 2.4.3, {@code
 *       inst/doc/BTYD-walkthrough.pdf}), the matrices printed under its figures 4 (Pareto/NBD, rounded to 3
 *       decimals) and 10 (BG/NBD): per calibration frequency 0 .. 6, 7+ the customers, the mean actual and the
 *       mean conditional expected holdout transactions, with the parameters BTYD estimates (BG/NBD r 0.2425982,
 *       alpha 4.4136842, a 0.7929899, b 2.4261667; Pareto/NBD 0.553, 10.580, 0.606, 11.656);</li>
 *   <li>Fader, Hardie and Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), Sec. 7:
 *       the 1,411 customers without a repeat purchase made 334 holdout purchases, 0.237 each; BG/NBD expects
 *       0.23 each, Pareto/NBD 0.14.</li>
 * </ul>
 *
 * The fits here differ from BTYD's in the fifth digit of the parameters, hence the tolerances of the
 * predicted means; the actual means are exact fractions.
 */
class ClvHoldoutTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CDNOW = Path.of("..", "engagement-clv", "src", "test", "resources", "cdnow");
  private static final String HOLDOUT = CDNOW.resolve("cdnow_calibration_holdout.csv").toString();
  private static final String SUMMARY = CDNOW.resolve("cdnow_customers_summary.csv").toString();
  private static final String WITH_SPEND = CDNOW.resolve("cdnow_customers_summary_with_transactions.csv").toString();
  private static final List<String> LABELS = List.of("0", "1", "2", "3", "4", "5", "6", "7+");

  /** Walkthrough, figure 10's matrix, row "bin": customers per calibration frequency. */
  private static final long[] BIN = {1411, 439, 214, 100, 62, 38, 29, 64};
  /** Walkthrough, figure 10's matrix, row "act": mean actual holdout transactions. */
  private static final double[] ACTUAL = {0.2367116, 0.6970387, 1.392523, 1.560000, 2.532258, 2.947368, 3.862069,
      6.359375};
  /** Walkthrough, figure 10's matrix, row "exp": BG/NBD's mean conditional expectations over 39 weeks. */
  private static final double[] BG_NBD = {0.2250893, 0.5231364, 1.044126, 1.520256, 2.163824, 2.653789, 3.503957,
      6.157036};
  /** Walkthrough, figure 4's matrix (3 decimals), row "exp": Pareto/NBD's. */
  private static final double[] PARETO_NBD = {0.138, 0.600, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403};

  @Test
  void bgNbdMatchesTheWalkthroughAndThePaper() {
    CliRun run = run("clv", "--model", "bgnbd", "--input", HOLDOUT, "--holdout", "39");
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, Double> rows = rows(run.out());
    assertThat(rows.get("r")).isCloseTo(0.243, within(5e-4));
    assertThat(rows.get("alpha")).isCloseTo(4.414, within(5e-3));
    assertThat(rows.get("holdout:periods")).isEqualTo(39);
    assertThat(rows.get("holdout:customers")).isEqualTo(2357);
    assertThat(rows.get("holdout:actual")).isEqualTo(1882);
    // The walkthrough's bins weighted by their means: 1,653.39 expected.
    assertThat(rows.get("holdout:predicted")).isCloseTo(1653.39, within(0.3));
    assertThat(rows.get("holdout:relative_error")).isCloseTo((1653.39 - 1882) / 1882, within(2e-4));
    assertBuckets(rows, BG_NBD, 2e-4);
    assertThat(rows.get("holdout:x=0:predicted_mean")).isCloseTo(0.23, within(0.005)); // FHL 2005, Sec. 7
    assertThat(rows.get("holdout:x=0:actual_mean")).isEqualTo(334.0 / 1411);
    assertThat(run.err()).startsWith("holdout: over the 39 periods after each customer's T, bgnbd predicts 1653.")
        .contains("who made 1882 (-12.1 %)").contains("x = 0, 1, 2, 3, 4, 5, 6, 7+");
  }

  @Test
  void paretoNbdMatchesTheWalkthroughAndThePaper() {
    CliRun run = run("clv", "--model", "paretonbd", "--input", HOLDOUT, "--holdout", "39", "--unit", "week");
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, Double> rows = rows(run.out());
    assertThat(rows.get("holdout:actual")).isEqualTo(1882);
    assertBuckets(rows, PARETO_NBD, 1e-3);
    assertThat(rows.get("holdout:x=0:predicted_mean")).isCloseTo(0.14, within(0.005)); // FHL 2005, Sec. 7
  }

  /** The check's predictions are the {@code --predict} file's, summed over everyone and over each bucket. */
  @Test
  void thePredictionsAreThoseOfThePredictFile(@TempDir Path dir) throws IOException {
    Path predictions = dir.resolve("p.csv");
    CliRun run = run("clv", "--model", "mbgnbd", "--input", HOLDOUT, "--holdout", "39", "--predict",
        predictions.toString(), "--horizon", "39");
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, Double> rows = rows(run.out());
    double total = 0;
    double[] sums = new double[8];
    for (String line : Files.readAllLines(predictions).subList(1, 2358)) {
      String[] f = line.split(",", -1);
      double expected = Double.parseDouble(f[4]);
      total += expected;
      sums[Math.min(Integer.parseInt(f[0]), 7)] += expected;
    }
    assertThat(rows.get("holdout:predicted")).isCloseTo(total, within(1e-9 * total));
    for (int i = 0; i < 8; i++) {
      assertThat(rows.get("holdout:x=" + LABELS.get(i) + ":predicted_mean")).isCloseTo(sums[i] / BIN[i],
          within(1e-9));
    }
    CliRun shorter = run("clv", "--model", "mbgnbd", "--input", HOLDOUT, "--holdout", "13");
    assertThat(rows(shorter.out()).get("holdout:predicted")).isLessThan(0.5 * total);
  }

  /**
   * {@code --format json} holds the same figures under {@code holdout}; the document still reads as a saved model,
   * which checked again without refitting gives the same rows.
   */
  @Test
  void jsonHasTheCheckAndStillReadsAsASavedModel(@TempDir Path dir) throws IOException {
    CliRun csv = run("clv", "--model", "bgnbd", "--input", HOLDOUT, "--holdout", "39");
    CliRun json = run("clv", "--model", "bgnbd", "--input", HOLDOUT, "--holdout", "39", "--format", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    Map<String, Double> rows = rows(csv.out());
    JsonNode holdout = JSON.readTree(json.out()).get("holdout");
    assertThat(holdout.get("periods").asDouble()).isEqualTo(39);
    assertThat(holdout.get("customers").asLong()).isEqualTo(2357);
    assertThat(holdout.get("predicted").asDouble()).isEqualTo(rows.get("holdout:predicted"));
    assertThat(holdout.get("actual").asDouble()).isEqualTo(1882);
    assertThat(holdout.get("relative_error").asDouble()).isEqualTo(rows.get("holdout:relative_error"));
    assertThat(holdout.get("bucket_error").asDouble()).isEqualTo(rows.get("holdout:bucket_error"));
    JsonNode buckets = holdout.get("by_frequency");
    assertThat(buckets).hasSize(8);
    for (int i = 0; i < 8; i++) {
      JsonNode bucket = buckets.get(i);
      assertThat(bucket.get("frequency").asInt()).isEqualTo(i);
      assertThat(bucket.get("open_ended").asBoolean()).isEqualTo(i == 7);
      assertThat(bucket.get("customers").asLong()).isEqualTo(BIN[i]);
      assertThat(bucket.get("predicted_mean").asDouble())
          .isEqualTo(rows.get("holdout:x=" + LABELS.get(i) + ":predicted_mean"));
      assertThat(bucket.get("actual_mean").asDouble()).isEqualTo(ACTUAL[i], within(5e-7));
    }
    Path saved = dir.resolve("printed.json");
    Files.writeString(saved, json.out(), UTF_8);
    CliRun again = run("clv", "--saved-model", saved.toString(), "--input", HOLDOUT, "--holdout", "39");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo(csv.out());
    assertThat(again.err()).startsWith("holdout: over the 39 periods after each customer's T, the saved bgnbd");
  }

  @Test
  void theOptionAndTheColumnGoTogether(@TempDir Path dir) throws IOException {
    CliRun noColumn = run("clv", "--model", "bgnbd", "--input", SUMMARY, "--holdout", "39");
    assertThat(noColumn.exit()).isEqualTo(2);
    assertThat(noColumn.err()).contains("--holdout needs the customers' purchases in the holdout period")
        .contains("has no holdout_frequency column");
    assertThat(noColumn.out()).isEmpty();
    CliRun noOption = run("clv", "--model", "bgnbd", "--input", HOLDOUT);
    assertThat(noOption.exit()).isEqualTo(2);
    assertThat(noOption.err()).contains("has a holdout_frequency column: give the holdout period's length with "
        + "--holdout N");
    assertThat(noOption.out()).isEmpty();
    Path saved = dir.resolve("bgnbd.json");
    assertThat(run("clv", "--model", "bgnbd", "--input", SUMMARY, "--save-model", saved.toString()).exit()).isZero();
    assertThat(run("clv", "--saved-model", saved.toString(), "--input", HOLDOUT, "--predict",
        dir.resolve("p.csv").toString(), "--horizon", "39").err()).contains("has a holdout_frequency column");
    assertThat(run("clv", "--saved-model", saved.toString(), "--holdout", "39").err())
        .contains("--input SUMMARY goes with --predict FILE or --holdout N");
  }

  @Test
  void badHoldoutOptionsAreUsageErrors(@TempDir Path dir) {
    for (String bad : List.of("0", "-39", "abc", "Infinity", "NaN")) {
      CliRun run = run("clv", "--model", "bgnbd", "--input", HOLDOUT, "--holdout", bad);
      assertThat(run.exit()).as(bad).isEqualTo(2);
      assertThat(run.err()).as(bad).contains("--holdout '" + bad + "' is invalid: must be a positive number");
    }
    CliRun spend = run("clv", "--model", "gammagamma", "--input", WITH_SPEND, "--holdout", "39");
    assertThat(spend.exit()).isEqualTo(2);
    assertThat(spend.err()).contains("--holdout needs a purchase model");
    String donations = Path.of("..", "engagement-clv", "src", "test", "resources", "donations")
        .resolve("donations.csv").toString();
    CliRun discrete = run("clv", "--model", "bgbb", "--input", donations, "--holdout", "5");
    assertThat(discrete.exit()).isEqualTo(2);
    assertThat(discrete.err()).contains("--holdout is for the continuous-time purchase models");
    Path bgbb = dir.resolve("bgbb.json");
    assertThat(run("clv", "--model", "bgbb", "--input", donations, "--save-model", bgbb.toString()).exit()).isZero();
    CliRun savedDiscrete = run("clv", "--saved-model", bgbb.toString(), "--input", donations, "--holdout", "5");
    assertThat(savedDiscrete.exit()).isEqualTo(2);
    assertThat(savedDiscrete.err()).contains("--holdout is for the continuous-time purchase models");
  }

  /** A bad count is a rejected row like any other (exit 1); the check covers the rows kept. */
  @Test
  void aBadHoldoutCountIsRejectedNamingFileLineColumnAndValue(@TempDir Path dir) throws IOException {
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of(HOLDOUT)));
    assertThat(lines.get(1)).isEqualTo("1,2,30.428571,38.857143,1");
    lines.set(1, "1,2,30.428571,38.857143,-1");
    Path csv = dir.resolve("bad.csv");
    Files.write(csv, lines);
    CliRun run = run("clv", "--model", "bgnbd", "--input", csv.toString(), "--holdout", "39");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(csv + ":2: column 'holdout_frequency' value '-1' is invalid: must be a whole "
        + "number from 0 to 2147483647");
    Map<String, Double> rows = rows(run.out());
    assertThat(rows.get("holdout:customers")).isEqualTo(2356);
    assertThat(rows.get("holdout:actual")).isEqualTo(1881);
  }

  /** Nobody bought in the holdout: no relative error (it would be infinite), the rest is printed. */
  @Test
  void aHoldoutWithoutPurchasesHasNoRelativeError(@TempDir Path dir) throws IOException {
    StringBuilder zeros = new StringBuilder("ID,x,t_x,T,holdout_frequency\n");
    for (String line : Files.readAllLines(Path.of(HOLDOUT)).subList(1, 2358)) {
      zeros.append(line, 0, line.lastIndexOf(',')).append(",0\n");
    }
    Path csv = dir.resolve("zeros.csv");
    Files.writeString(csv, zeros);
    CliRun run = run("clv", "--model", "bgnbd", "--input", csv.toString(), "--holdout", "39");
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, Double> rows = rows(run.out());
    assertThat(rows).containsEntry("holdout:actual", 0.0).doesNotContainKey("holdout:relative_error");
    assertThat(rows.get("holdout:bucket_error")).isCloseTo(1653.39 / 2357, within(1e-3));
    assertThat(run.err()).contains("(nobody bought in the holdout)");
    CliRun json = run("clv", "--model", "bgnbd", "--input", csv.toString(), "--holdout", "39", "--format", "json");
    assertThat(JSON.readTree(json.out()).get("holdout").get("relative_error").isNull()).isTrue();
  }

  private static void assertBuckets(Map<String, Double> rows, double[] expected, double tolerance) {
    for (int i = 0; i < 8; i++) {
      String prefix = "holdout:x=" + LABELS.get(i) + ":";
      assertThat(rows.get(prefix + "customers")).as(prefix).isEqualTo((double) BIN[i]);
      assertThat(rows.get(prefix + "actual_mean")).as(prefix).isCloseTo(ACTUAL[i], within(5e-7));
      assertThat(rows.get(prefix + "predicted_mean")).as(prefix).isCloseTo(expected[i], within(tolerance));
    }
    assertThat(rows).doesNotContainKey("holdout:x=8:customers").doesNotContainKey("holdout:x=7:customers");
  }

  /** The {@code parameter,value} output as a map, after checking the header. */
  private static Map<String, Double> rows(String csv) {
    String[] lines = csv.lines().toArray(String[]::new);
    assertThat(lines[0]).isEqualTo("parameter,value");
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      assertThat(f).hasSize(2);
      values.put(f[0], f[1].equals("true") ? 1.0 : f[1].equals("false") ? 0.0 : Double.parseDouble(f[1]));
    }
    return values;
  }
}
