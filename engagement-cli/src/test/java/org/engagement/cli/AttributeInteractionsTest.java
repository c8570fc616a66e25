package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.simulator.SampleWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attribute} and {@code compare} on interactions ({@code --interactions}) cut into journeys with the
 * journey options, and {@code attribute --per-journey}.
 *
 * <p>The small world: alice clicks search (June 1) and email (June 8) and buys for 40 EUR (June 15); bob
 * clicks display (January 1, more than 90 days before his purchase), email (June 9) and buys for 20 EUR
 * (June 10); carol clicks social (June 20) and does not buy; dave clicks search on July 5.
 */
class AttributeInteractionsTest {
  private static final String HEADER = "customer_id,timestamp,type,channel,value,currency\n";
  private static final String WORLD = HEADER
      + "alice,2024-06-01T10:00:00Z,click,search,,\n"
      + "alice,2024-06-08T10:00:00Z,click,email,,\n"
      + "alice,2024-06-15T10:00:00Z,purchase,web,40,EUR\n"
      + "bob,2024-01-01T10:00:00Z,click,display,,\n"
      + "bob,2024-06-09T10:00:00Z,click,email,,\n"
      + "bob,2024-06-10T10:00:00Z,purchase,web,20,EUR\n"
      + "carol,2024-06-20T10:00:00Z,click,social,,\n"
      + "dave,2024-07-05T10:00:00Z,click,search,,\n";
  private static final String[] JOURNEY_LOCAL = {"first-touch", "last-touch", "linear", "linear-unique",
      "position-based", "participation", "time-decay", "w-shaped"};
  private static final String[] GLOBAL = {"markov", "shapley"};

  @TempDir
  Path dir;

  private String file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toString();
  }

  private static Map<String, double[]> credits(CliRun run) {
    Map<String, double[]> credits = new LinkedHashMap<>();
    for (String[] row : run.rows("channel,conversions,value")) {
      credits.put(row[0], new double[] {Double.parseDouble(row[1]), Double.parseDouble(row[2])});
    }
    return credits;
  }

  /** The per-journey file's rows, split, after checking the header. */
  private static List<String[]> journeyRows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo(PerJourneyFile.HEADER);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  /** Conversion and value per channel, adding the per-journey rows in file order. */
  private static Map<String, double[]> sums(List<String[]> rows) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (String[] row : rows) {
      double[] sum = sums.computeIfAbsent(row[2], c -> new double[2]);
      sum[0] += Double.parseDouble(row[3]);
      sum[1] += Double.parseDouble(row[4]);
    }
    return sums;
  }

  @Test
  void lastTouchOnInteractionsNotesWhatTheRulesSetAside() throws IOException {
    CliRun run = run("attribute", "--model", "last-touch", "--interactions", file("i.csv", WORLD),
        "--as-of", "2024-06-30", "--lookback", "90");
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, double[]> credits = credits(run);
    assertThat(credits.get("email")).containsExactly(2, 60);
    assertThat(credits.get("search")).containsExactly(0, 0);
    assertThat(run.err().lines()).containsExactly(
        "note: 1 interaction was dated after the as-of instant (the window end) and left out",
        "note: 1 touch was more than the lookback before their conversion or the window end and are in no journey");
    assertThat(run.noStackTrace()).isTrue();
  }

  /** A longer lookback takes bob's display touch in: first touch then credits display with his purchase. */
  @Test
  void lookbackDecidesWhichTouchesCount() throws IOException {
    String input = file("i.csv", WORLD);
    CliRun shortLookback = run("attribute", "--model", "first-touch", "--interactions", input, "--lookback", "90");
    assertThat(credits(shortLookback)).doesNotContainKey("display");
    assertThat(credits(shortLookback).get("email")).containsExactly(1, 20);
    CliRun longLookback = run("attribute", "--model", "first-touch", "--interactions", input, "--lookback", "200");
    assertThat(longLookback.exit()).as(longLookback.err()).isZero();
    assertThat(credits(longLookback).get("display")).containsExactly(1, 20);
    assertThat(credits(longLookback).get("email")).containsExactly(0, 0);
    assertThat(longLookback.err()).doesNotContain("lookback");
  }

  /**
   * Without {@code --lookback} the lookback covers the file, as the report's does: bob's display touch, 161 days
   * before his purchase, counts, and no touch is set aside (no note says so); with the former default of 90 days
   * it would not.
   */
  @Test
  void theDefaultLookbackCoversTheInteractions() throws IOException {
    CliRun run = run("attribute", "--model", "first-touch", "--interactions", file("i.csv", WORLD));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(credits(run).get("display")).containsExactly(1, 20);
    assertThat(credits(run).get("email")).containsExactly(0, 0);
    assertThat(run.err()).doesNotContain("lookback");
  }

  /** A date as-of takes in the whole day (UTC): an interaction on it is in, one the day after is not. */
  @Test
  void asOfDateIncludesTheWholeDay() throws IOException {
    String input = file("i.csv", WORLD);
    CliRun onTheDay = run("attribute", "--model", "linear", "--interactions", input, "--as-of", "2024-06-15",
        "--lookback", "90");
    assertThat(credits(onTheDay).get("email")[1]).isCloseTo(40.0 / 2 + 20, within(1e-12));
    assertThat(onTheDay.err()).contains("note: 2 interactions were dated after the as-of instant");
    CliRun dayBefore = run("attribute", "--model", "linear", "--interactions", input, "--as-of", "2024-06-14",
        "--lookback", "90");
    assertThat(credits(dayBefore).get("email")[0]).isEqualTo(1);
    CliRun instant = run("attribute", "--model", "linear", "--interactions", input,
        "--as-of", "2024-06-15T09:59:59Z", "--lookback", "90");
    assertThat(credits(instant).get("email")[0]).isEqualTo(1);
  }

  /**
   * A window that holds none of the interactions is exit 1 with what was set aside; it was exit 0 with an empty
   * table, which reads as "no channel earned anything" rather than "nothing was measured".
   */
  @Test
  void aWindowBeforeEveryInteractionMeasuresNothingAndSaysSo() throws IOException {
    String input = file("i.csv", WORLD);
    CliRun run = run("attribute", "--model", "linear", "--interactions", input, "--as-of", "2020-01-01");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("no journey to credit in " + input + ": ")
        .contains("were dated after the as-of instant (the window end) and left out");
  }

  /** Leads as conversions: alice's lead converts on its search touch, and her purchase is a touch. */
  @Test
  void conversionTypeChoosesWhatConverts() throws IOException {
    String leads = HEADER
        + "alice,2024-06-01T10:00:00Z,click,search,,\n"
        + "alice,2024-06-02T10:00:00Z,lead,form,,\n"
        + "bob,2024-06-01T10:00:00Z,click,email,,\n"
        + "bob,2024-06-03T10:00:00Z,purchase,web,20,EUR\n";
    CliRun run = run("attribute", "--model", "last-touch", "--interactions", file("leads.csv", leads),
        "--conversion-type", "lead");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(credits(run).get("search")).containsExactly(1, 0);
    assertThat(credits(run).get("email")).containsExactly(0, 0);
    CliRun both = run("attribute", "--model", "last-touch", "--interactions", file("leads.csv", leads),
        "--conversion-type", "lead,purchase", "--touch-types", "click");
    assertThat(credits(both).get("email")).containsExactly(1, 20);
    assertThat(credits(both).get("search")).containsExactly(1, 0);
  }

  /**
   * Time decay, half-life 7 days: alice's search touch is 7 days before her email touch, so they take 1/3
   * and 2/3 of her conversion and 40 EUR; bob's email takes all of his.
   */
  @Test
  void perJourneyTimeDecayGivesEachJourneysOwnCredits() throws IOException {
    Path perJourney = dir.resolve("journeys.csv");
    CliRun run = run("attribute", "--model", "time-decay", "--interactions", file("i.csv", WORLD),
        "--lookback", "90", "--per-journey", perJourney.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    List<String[]> rows = journeyRows(perJourney);
    assertThat(rows).extracting(r -> r[0] + " " + r[1] + " " + r[2]).containsExactly(
        "alice 2024-06-15T10:00:00Z email", "alice 2024-06-15T10:00:00Z search", "bob 2024-06-10T10:00:00Z email");
    assertThat(Double.parseDouble(rows.get(0)[3])).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(Double.parseDouble(rows.get(0)[4])).isCloseTo(80.0 / 3, within(1e-12));
    assertThat(Double.parseDouble(rows.get(1)[3])).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(Double.parseDouble(rows.get(1)[4])).isCloseTo(40.0 / 3, within(1e-12));
    assertThat(rows.get(2)).endsWith("1", "20");
    assertThat(credits(run).get("email")[0]).isCloseTo(1 + 2.0 / 3, within(1e-15));
  }

  @Test
  void perJourneyRowsAddUpExactlyForJourneyLocalModelsAndToRoundingForGlobalOnes() throws IOException {
    String input = file("i.csv", WORLD.replace("40,EUR", "40.1,EUR").replace("20,EUR", "19.7,EUR"));
    for (String model : JOURNEY_LOCAL) {
      Path perJourney = dir.resolve(model + ".csv");
      CliRun run = run("attribute", "--model", model, "--interactions", input, "--lookback", "365",
          "--per-journey", perJourney.toString());
      assertThat(run.exit()).as(model + ": " + run.err()).isZero();
      Map<String, double[]> output = credits(run);
      Map<String, double[]> sums = sums(journeyRows(perJourney));
      output.forEach((channel, credit) -> {
        double[] sum = sums.getOrDefault(channel, new double[2]);
        assertThat(sum).as(model + " " + channel).containsExactly(credit);
      });
    }
    for (String model : GLOBAL) {
      Path perJourney = dir.resolve(model + ".csv");
      CliRun run = run("attribute", "--model", model, "--interactions", input, "--lookback", "365",
          "--per-journey", perJourney.toString());
      assertThat(run.exit()).as(model + ": " + run.err()).isZero();
      Map<String, double[]> output = credits(run);
      assertThat(output.values().stream().mapToDouble(c -> c[0]).sum()).as(model).isCloseTo(2, within(1e-9));
      List<String[]> rows = journeyRows(perJourney);
      assertThat(rows).as(model).isNotEmpty().allSatisfy(row -> assertThat(row[1]).isNotEmpty());
      Map<String, double[]> sums = sums(rows);
      output.forEach((channel, credit) -> {
        double[] sum = sums.getOrDefault(channel, new double[2]);
        assertThat(sum[0]).as(model + " " + channel).isCloseTo(credit[0], within(1e-9));
        assertThat(sum[1]).as(model + " " + channel).isCloseTo(credit[1], within(1e-9));
      });
    }
  }

  @Test
  void rejectedRowsAreReportedOneLineEachAndTheRestIsUsed() throws IOException {
    String bad = WORLD
        + "erin,2024-06-01 10:00,click,search,,\n"
        + "erin,2024-06-02T10:00:00Z,kiss,search,,\n";
    String input = file("bad.csv", bad);
    Path perJourney = dir.resolve("journeys.csv");
    CliRun run = run("attribute", "--model", "last-touch", "--interactions", input, "--per-journey",
        perJourney.toString());
    assertThat(run.exit()).isEqualTo(Exit.FAILED);
    assertThat(credits(run).get("email")).containsExactly(2, 60);
    assertThat(Files.exists(perJourney)).isTrue();
    List<String> lines = run.err().lines().toList();
    assertThat(lines.get(0)).startsWith(input + ":10: column 'timestamp' value '2024-06-01 10:00' is invalid: ");
    assertThat(lines.get(1)).startsWith(input + ":11: column 'type' value 'kiss' is invalid: ");
    assertThat(lines).contains(input + ": 2 of 10 rows not used (rejected 2, duplicates 0); the credits are of "
        + "the 8 rows accepted");
    assertThat(run.noStackTrace()).isTrue();
  }

  @Test
  void aFileThatCannotBeReadFailsInOneLine() throws IOException {
    CliRun missingColumn = run("attribute", "--model", "linear", "--interactions",
        file("nocustomer.csv", "timestamp,type,channel\n2024-06-01T10:00:00Z,click,search\n"));
    assertThat(missingColumn.exit()).isEqualTo(Exit.FAILED);
    assertThat(missingColumn.err()).startsWith("cannot read ").contains("customer_id").hasLineCount(1);
    CliRun missing = run("attribute", "--model", "linear", "--interactions", dir.resolve("none.csv").toString());
    assertThat(missing.exit()).isEqualTo(Exit.FAILED);
    assertThat(missing.err()).hasLineCount(1).startsWith("cannot read ");
    assertThat(missing.noStackTrace()).isTrue();
  }

  @Test
  void optionsThatDoNotFitTheInputAreUsageErrors() throws IOException {
    String interactions = file("i.csv", WORLD);
    String paths = file("paths.csv", "path,total_conversions\nA>B,1\n");
    String journeys = dir.resolve("j.csv").toString();
    Map<List<String>, String> cases = new LinkedHashMap<>();
    cases.put(List.of("attribute", "--model", "linear"), "give exactly one input");
    cases.put(List.of("attribute", "--model", "linear", "--input", paths, "--interactions", interactions),
        "give exactly one input");
    cases.put(List.of("compare", "--models", "linear"), "give exactly one input");
    cases.put(List.of("attribute", "--model", "linear", "--input", paths, "--as-of", "2024-06-01",
        "--lookback", "7"), "--as-of, --lookback need --interactions");
    cases.put(List.of("attribute", "--model", "linear", "--input", paths, "--per-journey", journeys),
        "--per-journey needs --interactions");
    cases.put(List.of("compare", "--models", "linear", "--input", paths, "--conversion-type", "lead"),
        "--conversion-type needs --interactions");
    cases.put(List.of("attribute", "--model", "linear", "--interactions", interactions, "--delimiter", ";"),
        "--delimiter is for path files");
    cases.put(List.of("attribute", "--model", "linear", "--interactions", interactions, "--as-of", "June"),
        "--as-of 'June' is neither an ISO date");
    cases.put(List.of("attribute", "--model", "linear", "--interactions", interactions, "--lookback", "0"),
        "--lookback 0: must be a whole number of days from 1");
    cases.put(List.of("attribute", "--model", "linear", "--interactions", interactions,
        "--conversion-type", "sale"), "sale");
    cases.put(List.of("attribute", "--model", "linear", "--interactions", interactions,
        "--collapse-repeats", "30m"), "--collapse-repeats '30m' is not an ISO-8601 duration");
    cases.put(List.of("attribute", "--model", "linear", "--interactions", interactions,
        "--per-journey", journeys, "--output", journeys), "named for two outputs");
    cases.forEach((args, message) -> {
      CliRun run = run(args.toArray(String[]::new));
      assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(Exit.USAGE);
      assertThat(run.err()).as(String.join(" ", args)).contains(message).hasLineCount(1);
      assertThat(run.out()).isEmpty();
    });
    assertThat(Files.exists(Path.of(journeys))).isFalse();
  }

  @Test
  void compareRunsTheTimeAwareModelsOnInteractions() throws IOException {
    CliRun run = run("compare", "--models", "last-touch,time-decay,w-shaped,markov", "--interactions",
        file("i.csv", WORLD), "--as-of", "2024-06-30");
    assertThat(run.exit()).as(run.err()).isZero();
    List<String[]> rows = run.rows("channel,last-touch_conversions,last-touch_value,time-decay_conversions,"
        + "time-decay_value,w-shaped_conversions,w-shaped_value,markov_conversions,markov_value");
    for (int m = 0; m < 4; m++) {
      int column = 1 + 2 * m;
      assertThat(rows.stream().mapToDouble(r -> Double.parseDouble(r[column])).sum()).isCloseTo(2, within(1e-9));
      assertThat(rows.stream().mapToDouble(r -> Double.parseDouble(r[column + 1])).sum()).isCloseTo(60, within(1e-9));
    }
    assertThat(run.err().lines()).containsOnlyOnce(
        "note: 1 interaction was dated after the as-of instant (the window end) and left out");
  }

  /**
   * {@code compare --per-journey}: one column pair per model; a model's columns hold what {@code attribute
   * --per-journey} writes for it (0 where it credits nothing) and add up to its columns of the output.
   */
  @Test
  void comparePerJourneyHoldsEveryModelsRows() throws IOException {
    String input = file("i.csv", WORLD.replace("40,EUR", "40.1,EUR"));
    Path both = dir.resolve("both.csv");
    CliRun compare = run("compare", "--models", "first-touch,time-decay", "--interactions", input, "--lookback",
        "365", "--per-journey", both.toString());
    assertThat(compare.exit()).as(compare.err()).isZero();
    List<String> lines = Files.readAllLines(both, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("customer_id,conversion_at,channel,first-touch_conversions,first-touch_value,"
        + "time-decay_conversions,time-decay_value");
    List<String> expected = new ArrayList<>();
    for (String model : new String[] {"first-touch", "time-decay"}) {
      Path single = dir.resolve(model + ".csv");
      CliRun attribute = run("attribute", "--model", model, "--interactions", input, "--lookback", "365",
          "--per-journey", single.toString());
      for (String[] row : journeyRows(single)) {
        expected.add(model + " " + row[0] + " " + row[1] + " " + row[2] + " " + row[3] + " " + row[4]);
      }
      int column = model.equals("first-touch") ? 1 : 3;
      for (String[] row : compare.rows("channel,first-touch_conversions,first-touch_value,time-decay_conversions,"
          + "time-decay_value")) {
        assertThat(attribute.out()).contains(row[0] + "," + row[column] + "," + row[column + 1] + "\n");
      }
    }
    List<String> actual = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split(",", -1);
      String journey = row[0] + " " + row[1] + " " + row[2];
      if (!row[3].equals("0") || !row[4].equals("0")) {
        actual.add("first-touch " + journey + " " + row[3] + " " + row[4]);
      }
      if (!row[5].equals("0") || !row[6].equals("0")) {
        actual.add("time-decay " + journey + " " + row[5] + " " + row[6]);
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(lines).hasSize(1 + 4);
  }

  /**
   * The bundled sample world's interactions: every model runs; relations that hold for any world: each
   * converting journey of a journey-local additive model hands out exactly one conversion, the rows add up
   * to the output (exactly, or to rounding for Markov), and the models agree on the total.
   */
  @Test
  void bundledWorldInteractions() throws IOException {
    Path interactions = dir.resolve("interactions.csv");
    try (InputStream in = SampleWorld.open("interactions.csv")) {
      Files.copy(in, interactions);
    }
    Map<String, Double> totals = new LinkedHashMap<>();
    for (String model : new String[] {"linear", "time-decay", "w-shaped", "markov"}) {
      Path perJourney = dir.resolve(model + ".csv");
      CliRun run = run("attribute", "--model", model, "--interactions", interactions.toString(),
          "--per-journey", perJourney.toString());
      assertThat(run.exit()).as(model + ": " + run.err()).isZero();
      assertThat(run.err().lines()).allSatisfy(line -> assertThat(line).startsWith("note: "));
      Map<String, double[]> output = credits(run);
      List<String[]> rows = journeyRows(perJourney);
      Map<String, double[]> sums = sums(rows);
      double tolerance = model.equals("markov") ? 1e-6 : 0;
      output.forEach((channel, credit) -> {
        double[] sum = sums.getOrDefault(channel, new double[2]);
        assertThat(sum[0]).as(model + " " + channel).isCloseTo(credit[0], within(tolerance));
        assertThat(sum[1]).as(model + " " + channel).isCloseTo(credit[1], within(tolerance * 1e3));
      });
      Map<String, Double> perConversion = new LinkedHashMap<>();
      rows.forEach(row -> perConversion.merge(row[0] + "@" + row[1], Double.parseDouble(row[3]), Double::sum));
      double total = output.values().stream().mapToDouble(c -> c[0]).sum();
      if (!model.equals("markov")) {
        assertThat(perConversion.values()).allSatisfy(sum -> assertThat(sum).isCloseTo(1, within(1e-12)));
        assertThat(total).isCloseTo(perConversion.size(), within(1e-9));
      }
      assertThat(total).as(model).isPositive();
      totals.put(model, total);
    }
    assertThat(totals.values()).allSatisfy(total -> assertThat(total).isCloseTo(totals.get("linear"), within(1e-6)));
  }

  /**
   * Issue 13: {@code attribute --model recommended --interactions} on the bundled world without {@code --lookback}
   * gives the report's attribution credits: the same journeys (the report's lookback covering the data), so the
   * same choice ({@code exposure-hazard}) and the same numbers. With the former 90-day default it ran
   * {@code additive-hazard} on journeys the lookback had cut, and the credits differed.
   */
  @Test
  void recommendedOnTheBundledWorldGivesTheReportsCredits() throws IOException {
    Path world = dir.resolve("world");
    Files.createDirectories(world);
    try (InputStream in = SampleWorld.open(AnalysisInput.INTERACTIONS)) {
      Files.copy(in, world.resolve(AnalysisInput.INTERACTIONS));
    }
    CliRun run = run("attribute", "--model", "recommended", "--interactions",
        world.resolve(AnalysisInput.INTERACTIONS).toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("note: recommended: exposure-hazard, because").doesNotContain("lookback left out");
    Analysis analysis = Analysis.of(AnalysisInput.read(world), Progress.none());
    AttributionResult report = RecommendedModel.create().attribute(analysis.journeySet());
    Map<String, double[]> credits = credits(run);
    assertThat(credits.keySet()).containsExactlyInAnyOrderElementsOf(report.channels().names());
    credits.forEach((channel, credit) -> {
      assertThat(credit[0]).as(channel).isCloseTo(report.conversions(channel), within(1e-9));
      assertThat(credit[1]).as(channel).isCloseTo(report.value(channel), within(1e-6));
    });
  }
}
