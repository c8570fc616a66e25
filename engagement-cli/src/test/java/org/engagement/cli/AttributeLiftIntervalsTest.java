package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.AttributeCommandTest.resource;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attribute --lift} and {@code attribute --intervals} on the toy path file of the attribution reference
 * (test resource {@code attribution/toy-paths.csv}: 8 conversions, 92 value; linear credits A 3, B 2.5, C 2.5,
 * value A 122/3, B 169/6, C 139/6, see {@link AttributeCommandTest}).
 */
class AttributeLiftIntervalsTest {
  private static final String LIFT_HEADER = "channel,incremental_conversions,low,high\n";
  private static final String WITH_INTERVALS = CreditsCsv.HEADER + "," + CreditsCsv.INTERVAL_COLUMNS;

  @TempDir
  Path dir;

  private String file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toString();
  }

  private static Map<String, double[]> credits(CliRun run, String header) {
    Map<String, double[]> credits = new LinkedHashMap<>();
    for (String[] row : run.rows(header)) {
      double[] numbers = new double[row.length - 1];
      for (int i = 1; i < row.length; i++) {
        numbers[i - 1] = Double.parseDouble(row[i]);
      }
      credits.put(row[0], numbers);
    }
    return credits;
  }

  /**
   * The linear credit of A (3) is outside its experiment's interval [1, 2]; calibrated, A gets the estimate
   * 1.5, and B and C, untested, get their model credits (2.5) times A's incrementality 1.5 / 3.
   */
  @Test
  void liftMovesATestedChannelIntoItsIntervalAndScalesTheOthers() throws IOException {
    String lift = file("lift.csv", LIFT_HEADER + "A,1.5,1,2\n");
    CliRun run = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--lift", lift);
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, double[]> credits = credits(run, CreditsCsv.HEADER);
    assertThat(credits.get("A")[0]).isEqualTo(1.5).isBetween(1.0, 2.0);
    assertThat(credits.get("B")[0]).isCloseTo(1.25, within(1e-12));
    assertThat(credits.get("C")[0]).isCloseTo(1.25, within(1e-12));
    // Value per credited conversion is the model's: A 122/3 over 3 conversions, times 1.5.
    assertThat(credits.get("A")[1]).isCloseTo(122.0 / 3 / 3 * 1.5, within(1e-9));
    assertThat(credits.get("B")[1]).isCloseTo(169.0 / 6 / 2, within(1e-9));
    assertThat(run.err()).contains("note: calibration: 1 channel(s) set to their experiments' estimates")
        .contains("baseline (observed minus credited) is 4.00");
    assertThat(run.err().lines()).allMatch(line -> line.startsWith("note: "));
  }

  @Test
  void aBadLiftRowIsReportedInOneLineAndTheOthersAreUsed() throws IOException {
    String lift = file("lift.csv", LIFT_HEADER + "A,1.5,1,2\nB,lots,0,1\nC,5,6,7\n");
    CliRun run = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--lift", lift);
    assertThat(run.exit()).isEqualTo(Exit.FAILED);
    assertThat(run.noStackTrace()).isTrue();
    assertThat(run.err()).contains(lift + ":3: column 'incremental_conversions' value 'lots' is invalid: ")
        .contains(lift + ":4: column 'low' value '6")
        .doesNotContain(lift + ":2:");
    assertThat(credits(run, CreditsCsv.HEADER).get("A")[0]).isEqualTo(1.5);
  }

  @Test
  void aLiftRowForAChannelTheJourneysDoNotHoldIsNotUsedAndFailsTheRun() throws IOException {
    String lift = file("lift.csv", LIFT_HEADER + "A,1.5,1,2\ntv,4,3,5\n");
    CliRun run = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--lift", lift);
    assertThat(run.exit()).isEqualTo(Exit.FAILED);
    assertThat(run.err()).contains(lift + ":3: column 'channel' value 'tv' is invalid: must be a channel of the "
        + "journeys\n");
    Map<String, double[]> credits = credits(run, CreditsCsv.HEADER);
    assertThat(credits).doesNotContainKey("tv");
    assertThat(credits.get("B")[0]).isCloseTo(1.25, within(1e-12));
  }

  @Test
  void intervalsHoldThePointAndAreTheSameForTheSameSeed() {
    String[] args = {"attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--intervals", "100",
        "--seed", "7"};
    CliRun run = run(args);
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, double[]> credits = credits(run, WITH_INTERVALS);
    assertThat(credits).containsOnlyKeys("A", "B", "C");
    for (double[] c : credits.values()) {
      assertThat(c[0]).isBetween(c[2], c[3]);
      assertThat(c[1]).isBetween(c[4], c[5]);
      assertThat(c[6]).isBetween(c[7], c[8]);
      assertThat(c[3]).isGreaterThan(c[2]);
    }
    assertThat(credits.get("A")[0]).isEqualTo(3.0);
    assertThat(credits.get("A")[6]).isEqualTo(3.0 / 8);
    assertThat(run.err()).contains("note: intervals: 95.00% bootstrap percentile intervals from 100 resamples of the"
        + " journeys (seed 7)");
    assertThat(run(args).out()).isEqualTo(run.out());
    args[args.length - 1] = "8";
    assertThat(run(args).out()).isNotEqualTo(run.out());
  }

  /** With interactions the customers are resampled, each with all their journeys. */
  @Test
  void intervalsOnInteractionsResampleCustomers() throws IOException {
    String interactions = file("in.csv", "customer_id,timestamp,type,channel,value,currency\n"
        + "alice,2024-06-01T10:00:00Z,click,search,,\n"
        + "alice,2024-06-08T10:00:00Z,click,email,,\n"
        + "alice,2024-06-15T10:00:00Z,purchase,web,40,EUR\n"
        + "bob,2024-06-09T10:00:00Z,click,email,,\n"
        + "bob,2024-06-10T10:00:00Z,purchase,web,20,EUR\n"
        + "carol,2024-06-20T10:00:00Z,click,social,,\n"
        + "dave,2024-07-05T10:00:00Z,click,search,,\n");
    CliRun run = run("attribute", "--model", "last-touch", "--interactions", interactions, "--intervals", "40",
        "--seed", "11");
    assertThat(run.exit()).as(run.err()).isZero();
    double[] email = credits(run, WITH_INTERVALS).get("email");
    assertThat(email[0]).isEqualTo(2.0).isBetween(email[2], email[3]);
    assertThat(email[1]).isEqualTo(60.0).isBetween(email[4], email[5]);
    assertThat(run.err()).contains("resamples of the customers (seed 11)");
  }

  @Test
  void aLowerLevelGivesNarrowerIntervals() {
    CliRun wide = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--intervals", "60");
    CliRun narrow = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--intervals",
        "60", "--level", "0.5");
    double[] a = credits(wide, WITH_INTERVALS).get("A");
    double[] b = credits(narrow, WITH_INTERVALS).get("A");
    assertThat(b[3] - b[2]).isLessThan(a[3] - a[2]);
    assertThat(narrow.err()).contains("50.00% bootstrap");
  }

  /**
   * With --lift each resample is calibrated with its own draw of the experiment: A's interval is about its
   * experiment's [1, 2] (95 % both), and B, untested, scaled by A's drawn incrementality, carries that
   * uncertainty: at least ±20 % around its 1.25 where the experiment alone says ±33 %.
   */
  @Test
  void liftWithIntervalsCalibratesEveryResample() throws IOException {
    String lift = file("lift.csv", LIFT_HEADER + "A,1.5,1,2\n");
    CliRun run = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--lift", lift,
        "--intervals", "200", "--seed", "3");
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, double[]> credits = credits(run, WITH_INTERVALS);
    assertThat(credits.get("A")).startsWith(1.5, 122.0 / 9 * 1.5);
    assertThat(credits.get("A")[2]).isBetween(0.85, 1.15);
    assertThat(credits.get("A")[3]).isBetween(1.85, 2.15);
    assertThat(credits.get("B")[0]).isCloseTo(1.25, within(1e-12));
    assertThat(credits.get("B")[2]).isLessThan(1.25 * 0.8);
    assertThat(credits.get("B")[3]).isGreaterThan(1.25 * 1.2);
    assertThat(run.err()).contains("note: intervals: each resample was calibrated with its own draw of every"
        + " experiment's result");
  }

  /** The rule chooses once and says why; the chosen model runs on every resample. */
  @Test
  void recommendedWithIntervalsSaysWhichModelItChose() {
    CliRun run = run("attribute", "--model", "recommended", "--input", resource("toy-paths.csv"), "--intervals",
        "20");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err())
        .containsPattern("note: recommended: (markov order [0-9]+|additive-hazard|interaction-hazard|shao-li"
            + "|shapley-simplified)")
        .contains("note: " + ChosenModel.NOT_CAUSAL);
    List<String> notes = run.err().lines().toList();
    assertThat(notes).doesNotHaveDuplicates().allMatch(line -> line.startsWith("note: "));
    assertThat(credits(run, WITH_INTERVALS)).containsOnlyKeys("A", "B", "C");
  }

  @Test
  void recommendedNotesReachStandardError() {
    CliRun run = run("attribute", "--model", "recommended", "--input", resource("toy-paths.csv"));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("note: recommended: ")
        .contains("note: recommended: predictive checks do not make credits causal");
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException {
    String paths = resource("toy-paths.csv");
    String lift = file("lift.csv", LIFT_HEADER + "A,1.5,1,2\n");
    List<String[]> usages = List.of(
        new String[] {"--seed", "3"},
        new String[] {"--level", "0.9"},
        new String[] {"--intervals", "1"},
        new String[] {"--intervals", "10", "--level", "1.5"},
        new String[] {"--intervals", "many"});
    for (String[] extra : usages) {
      String[] args = new String[5 + extra.length];
      System.arraycopy(new String[] {"attribute", "--model", "linear", "--input", paths}, 0, args, 0, 5);
      System.arraycopy(extra, 0, args, 5, extra.length);
      CliRun run = run(args);
      assertThat(run.exit()).as(String.join(" ", extra)).isEqualTo(Exit.USAGE);
      assertThat(run.out()).isEmpty();
      assertThat(run.noStackTrace()).isTrue();
    }
    CliRun overlapping = run("attribute", "--model", "participation", "--input", paths, "--lift", lift);
    assertThat(overlapping.exit()).isEqualTo(Exit.USAGE);
    assertThat(overlapping.err()).contains("--lift needs a model whose credits add up");
    String interactions = file("in.csv", "customer_id,timestamp,type,channel\n"
        + "ann,2024-06-01T10:00:00Z,click,A\nann,2024-06-02T10:00:00Z,purchase,web\n");
    CliRun perJourney = run("attribute", "--model", "linear", "--interactions", interactions, "--lift", lift,
        "--per-journey", dir.resolve("j.csv").toString());
    assertThat(perJourney.exit()).isEqualTo(Exit.USAGE);
    assertThat(perJourney.err()).contains("--per-journey and --lift do not go together");
    CliRun overwrite = run("attribute", "--model", "linear", "--input", paths, "--lift", lift, "--output", lift);
    assertThat(overwrite.exit()).isEqualTo(Exit.USAGE);
    assertThat(Files.readString(Path.of(lift), StandardCharsets.UTF_8)).isEqualTo(LIFT_HEADER + "A,1.5,1,2\n");
  }

  @Test
  void helpNamesTheNewOptionsAndRecommended() {
    CliRun help = run("attribute", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--lift=FILE").contains("--intervals").contains("--seed=S")
        .contains("--level=L").contains("recommended");
    assertThat(help.out().replaceAll("\\s+", "")).as("the models recommended picks, exposure-hazard among them")
        .contains("recommended(theSDK'srulepicksmarkov,additive-hazard,interaction-hazard,exposure-hazard,");
  }
}
