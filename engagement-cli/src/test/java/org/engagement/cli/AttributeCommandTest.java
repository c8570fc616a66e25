package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attribute} on the toy dataset of the attribution reference, section 7 (test resource
 * {@code attribution/toy-paths.csv}): paths A>B>C 2 conversions / 20 value, A>A>B 3 / 45, B>C 1 / 5, C 1 / 10,
 * A 0 / 0, B>A>C 1 / 12; 8 conversions, 92 value.
 */
class AttributeCommandTest {
  private static final Offset<Double> EXACT = within(1e-12);



  static String resource(String name) {
    URL url = Objects.requireNonNull(AttributeCommandTest.class.getResource("/attribution/" + name), name);
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertCredits(CliRun run, double[] conversions, double[] values) {
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    List<String[]> rows = run.rows("channel,conversions,value");
    assertThat(rows).extracting(r -> r[0]).containsExactly("A", "B", "C");
    for (int c = 0; c < 3; c++) {
      assertThat(rows.get(c)).hasSize(3);
      assertThat(Double.parseDouble(rows.get(c)[1])).as(rows.get(c)[0]).isCloseTo(conversions[c], EXACT);
      assertThat(Double.parseDouble(rows.get(c)[2])).as(rows.get(c)[0]).isCloseTo(values[c], EXACT);
    }
  }

  @Test
  void firstAndLastTouchPrintTheReferenceVectorsExactly() {
    CliRun first = run("attribute", "--model", "first-touch", "--input", resource("toy-paths.csv"));
    assertThat(first.err()).isEmpty();
    assertThat(first.exit()).isZero();
    assertThat(first.out()).isEqualTo("channel,conversions,value\nA,5,65\nB,2,17\nC,1,10\n");
    CliRun last = run("attribute", "--model", "last-touch", "--input", resource("toy-paths.csv"));
    assertThat(last.out()).isEqualTo("channel,conversions,value\nA,0,0\nB,3,45\nC,5,47\n");
  }

  /** Linear per touch (ChannelAttribution): conversions 3, 2.5, 2.5; value 122/3, 169/6, 139/6. */
  @Test
  void linearIsPerTouchLikeChannelAttribution() {
    CliRun run = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"));
    assertCredits(run, new double[] {3, 2.5, 2.5}, new double[] {122.0 / 3, 169.0 / 6, 139.0 / 6});
  }

  /** Linear over unique channels equals Zhao's simplified Shapley: 5/2, 3, 5/2 (A>A>B splits 3/2, 3/2). */
  @Test
  void linearUniqueSplitsEachPathOverItsDistinctChannels() {
    CliRun run = run("attribute", "--model", "linear-unique", "--input", resource("toy-paths.csv"));
    // Value: A 20/3 + 45/2 + 4, B 20/3 + 45/2 + 5/2 + 4, C 20/3 + 5/2 + 10 + 4.
    assertCredits(run, new double[] {2.5, 3, 2.5},
        new double[] {20.0 / 3 + 22.5 + 4, 20.0 / 3 + 22.5 + 2.5 + 4, 20.0 / 3 + 2.5 + 10 + 4});
  }

  /**
   * Position-based with {@code --param} weights 20/20/60 is J-shaped: conversions 1.8, 2.65, 3.55 (reference,
   * section 7); value by hand: A 4 + 18 + 2.4 = 24.4, B 4 + 27 + 1.25 + 2.4 = 34.65, C 12 + 3.75 + 10 + 7.2 =
   * 32.95.
   */
  @Test
  void paramsConfigureTheModel() {
    CliRun run = run("attribute", "--model", "position-based", "--param", "first=0.2", "--param", "middle=0.2",
        "--param", "last=0.6", "--input", resource("toy-paths.csv"));
    assertCredits(run, new double[] {1.8, 2.65, 3.55}, new double[] {24.4, 34.65, 32.95});
    CliRun defaults = run("attribute", "--model", "position-based", "--input", resource("toy-paths.csv"));
    assertCredits(defaults, new double[] {2.8, 2.5, 2.7}, new double[] {
        // A>B>C: A 8, B 4, C 8; A>A>B: A 18 + 9, B 18; B>C: 2.5 each; C: 10; B>A>C: B 4.8, A 2.4, C 4.8.
        8 + 27 + 2.4, 4 + 18 + 2.5 + 4.8, 8 + 2.5 + 10 + 4.8});
  }

  /**
   * Markov order 1 (ChannelAttribution's conventions: A > A > B collapses to A > B, non-conversions from
   * total_null): removal effects 203/384, 77/96, 5/8 (reference, section 7), so conversions 8 * RE / sum RE =
   * 1624/751, 2464/751, 1920/751; value credits add up to 92.
   */
  @Test
  void markovFollowsChannelAttributionAndTakesAnOrder() {
    CliRun run = run("attribute", "--model", "markov", "--input", resource("toy-paths.csv"));
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    List<String[]> rows = run.rows("channel,conversions,value");
    assertThat(rows).extracting(r -> r[0]).containsExactly("A", "B", "C");
    double[] expected = {1624.0 / 751, 2464.0 / 751, 1920.0 / 751};
    double value = 0;
    for (int c = 0; c < 3; c++) {
      assertThat(Double.parseDouble(rows.get(c)[1])).isCloseTo(expected[c], within(1e-9));
      value += Double.parseDouble(rows.get(c)[2]);
    }
    assertThat(value).isCloseTo(92, within(1e-9));
    CliRun second = run("attribute", "--model", "markov", "--order", "2", "--input", resource("toy-paths.csv"));
    assertThat(second.exit()).isZero();
    assertThat(second.rows("channel,conversions,value")).hasSize(3);
    CliRun zero = run("attribute", "--model", "markov", "--order", "0", "--input", resource("toy-paths.csv"));
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).startsWith("model markov: order '0' is invalid");
  }

  /**
   * Without non-converting journeys Markov answers with a note on standard error and Shapley refuses
   * (issue 12: they used to run without a word).
   */
  @Test
  void modelsSayWhenThereIsNoNonConvertingJourney(@TempDir Path dir) throws IOException {
    Path paths = Files.writeString(dir.resolve("paths.csv"), "path,total_conversions\nA > B,2\nB,1\n");
    CliRun markov = run("attribute", "--model", "markov", "--input", paths.toString());
    assertThat(markov.exit()).as(markov.err()).isZero();
    assertThat(markov.rows("channel,conversions,value")).hasSize(2);
    assertThat(markov.err()).startsWith("note: ").contains("ended without a conversion").endsWith("\n");
    CliRun shapley = run("attribute", "--model", "shapley", "--input", paths.toString());
    assertThat(shapley.exit()).isEqualTo(1);
    assertThat(shapley.out()).isEmpty();
    assertThat(shapley.err()).startsWith("model shapley cannot attribute ");
  }

  /**
   * {@code additive-hazard} and {@code interaction-hazard} read only each journey's channel set and outcome, so
   * both run on a path file without times (the precedent: a model that needs times, {@code time-decay}, fails
   * with its reason instead). On the toy the screen keeps no pair (too few journeys to test one), so the
   * credits are additive-hazard's exactly, and a note says so.
   */
  @Test
  void theHazardModelsRunOnAPathFile() {
    CliRun additive = run("attribute", "--model", "additive-hazard", "--input", resource("toy-paths.csv"));
    assertThat(additive.exit()).as(additive.err()).isZero();
    CliRun widened = run("attribute", "--model", "interaction-hazard", "--input", resource("toy-paths.csv"));
    assertThat(widened.exit()).as(widened.err()).isZero();
    assertThat(widened.out()).startsWith("channel,conversions,value\n").isEqualTo(additive.out());
    assertThat(widened.err()).isEqualTo("note: interaction-hazard: no synergy at level 0.0001; the credits are"
        + " additive-hazard's\n");
  }

  /**
   * On {@code synergy-paths.csv} (A with B converts 40 % where one channel converts 5 %) the screen keeps the
   * pair, the note names it, the credits still add up to the 750 conversions and differ from the additive fit's
   * (which has to fit the pair's 40 % with A's and B's own effects). {@code --param level}
   * sets the screen's level; a level outside (0, 1) is a usage error naming the rule.
   */
  @Test
  void interactionHazardKeepsASynergyPairAndSaysSo() {
    CliRun additive = run("attribute", "--model", "additive-hazard", "--input", resource("synergy-paths.csv"));
    CliRun widened = run("attribute", "--model", "interaction-hazard", "--input", resource("synergy-paths.csv"));
    assertThat(widened.exit()).as(widened.err()).isZero();
    assertThat(widened.err()).startsWith("note: interaction-hazard: the additive-hazard fit widened by synergy A"
        + " with B (one-sided score test, level 0.0001)");
    List<String[]> rows = widened.rows("channel,conversions,value");
    List<String[]> additiveRows = additive.rows("channel,conversions,value");
    assertThat(rows).extracting(r -> r[0]).containsExactly("A", "B", "C");
    assertThat(rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).sum()).isCloseTo(750, within(1e-9));
    assertThat(Double.parseDouble(rows.get(2)[1])).isNotCloseTo(Double.parseDouble(additiveRows.get(2)[1]),
        within(1.0));
    CliRun strict = run("attribute", "--model", "interaction-hazard", "--param", "level=1e-300", "--input",
        resource("synergy-paths.csv"));
    assertThat(strict.exit()).as(strict.err()).isZero();
    assertThat(strict.out()).isEqualTo(additive.out());
    CliRun bad = run("attribute", "--model", "interaction-hazard", "--param", "level=1", "--input",
        resource("synergy-paths.csv"));
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("model interaction-hazard: level '1.0' is invalid: must be between 0 and 1\n");
  }

  /** {@code --max-record-length} sets the longest row (and path) read; a bad limit is a usage error. */
  @Test
  void theRecordLimitIsAnOption() {
    CliRun limited = run("attribute", "--model", "linear", "--max-record-length", "12", "--input",
        resource("toy-paths.csv"));
    assertThat(limited.exit()).isEqualTo(1);
    assertThat(limited.err()).contains("the limit is 12");
    CliRun zero = run("attribute", "--model", "linear", "--max-record-length", "0", "--input", resource("toy-paths.csv"));
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).startsWith("--max-record-length: ");
  }

  @Test
  void writesToTheOutputFileWhenGivenOne(@TempDir Path dir) throws IOException {
    Path credits = dir.resolve("credits.csv");
    CliRun run = run("attribute", "--model", "first-touch", "--input", resource("toy-paths.csv"),
        "--output", credits.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(credits)).isEqualTo("channel,conversions,value\nA,5,65\nB,2,17\nC,1,10\n");
  }

  @Test
  void readsOtherDelimitersAndQuotesChannelNamesThatNeedIt(@TempDir Path dir) throws IOException {
    Path paths = dir.resolve("paths.csv");
    Files.writeString(paths, "path;total_conversions;total_conversion_value;total_null\n"
        + "\"mail, weekly > İstanbul ads\";2;0.5;1\n"
        + "İstanbul ads;1;0.00001;0\n");
    CliRun run = run("attribute", "--model", "last-touch", "--delimiter", ";", "--input", paths.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("channel,conversions,value\n\"mail, weekly\",0,0\nİstanbul ads,3,0.50001\n");
    assertThat(CsvCells.neutralising().text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCells.number(1e-5)).isEqualTo("0.00001");
    assertThat(CsvCells.number(1e21)).isEqualTo("1000000000000000000000");
    assertThat(CsvCells.number(-0.0)).isEqualTo("0");
    assertThat(CsvCells.number(122.0 / 3)).isEqualTo("40.666666666666664");
  }

  @Test
  void anUnknownModelIsAUsageErrorThatListsTheNames() {
    CliRun run = run("attribute", "--model", "nope", "--input", resource("toy-paths.csv"));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("no attribution model named 'nope'; available: [additive-hazard, custom, exposure-hazard,"
        + " first-touch,")
        .contains("linear, linear-unique", "position-based");
  }

  @Test
  void theModelSaysWhichParametersItRefuses() {
    CliRun order = run("attribute", "--model", "first-touch", "--order", "2", "--input", resource("toy-paths.csv"));
    assertThat(order.exit()).isEqualTo(2);
    assertThat(order.err()).isEqualTo(
        "model first-touch: parameter 'order' is invalid: is not accepted: the model takes no parameters\n");
    CliRun misspelt = run("attribute", "--model", "position-based", "--param", "frist=0.3",
        "--input", resource("toy-paths.csv"));
    assertThat(misspelt.exit()).isEqualTo(2);
    assertThat(misspelt.err()).startsWith("model position-based: parameter 'frist' is invalid: "
        + "is not a parameter of this model; known: [first, last, middle]");
    CliRun twice = run("attribute", "--model", "first-touch", "--order", "2", "--param", "order=3",
        "--input", resource("toy-paths.csv"));
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).contains("give the order once");
  }

  @Test
  void aBadInputFileNamesLineFieldValueAndRule(@TempDir Path dir) {
    String bad = resource("bad-paths.csv");
    CliRun run = run("attribute", "--model", "linear", "--input", bad);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(
        bad + ":3: column 'total_conversions' value '-1' is invalid: must be a number from 0 to 1000000000000000 "
            + "(1 of 2 rows invalid; a path file is used whole or not at all)\n");
    Path missing = dir.resolve("missing.csv");
    CliRun none = run("attribute", "--model", "linear", "--input", missing.toString());
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).isEqualTo("cannot read " + missing + ": no such file\n");
  }

  @Test
  void aModelThatNeedsMoreThanPathsFailsWithItsReason() {
    CliRun run = run("attribute", "--model", "time-decay", "--input", resource("toy-paths.csv"));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("model time-decay cannot attribute ").contains("needs touch times");
  }

  @Test
  void missingOptionsAreUsageErrors() {
    assertThat(run("attribute", "--input", resource("toy-paths.csv")).exit()).isEqualTo(2);
    assertThat(run("attribute", "--model", "linear").exit()).isEqualTo(2);
    assertThat(run("attribute", "--model", "linear", "--order", "two", "--input", resource("toy-paths.csv")).exit())
        .isEqualTo(2);
    CliRun noValue = run("attribute", "--model", "position-based", "--param", "first", "--input", resource("toy-paths.csv"));
    assertThat(noValue.exit()).isEqualTo(2);
    assertThat(noValue.err()).contains("KEY=VALUE");
  }

  @Test
  void aFileWithoutRowsGivesTheHeaderOnly(@TempDir Path dir) throws IOException {
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "path,total_conversions\n");
    CliRun run = run("attribute", "--model", "linear", "--input", empty.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("channel,conversions,value\n");
  }

  /**
   * Channel names a spreadsheet would run ({@code =cmd|calc}, {@code @SUM(1)}, {@code +x}, {@code -5}, a
   * leading tab or carriage return) are written with a leading apostrophe unless {@code --raw-csv}; the numbers are not touched.
   */
  @Test
  void channelNamesThatAreFormulasAreNeutralisedUnlessRaw(@TempDir Path dir) throws IOException {
    Path paths = Files.writeString(dir.resolve("paths.csv"), "path,total_conversions,total_conversion_value\n"
        + "=cmd|calc,1,1\n@SUM(1),1,2\n+x,1,3\n-5,1,4\nsafe,1,6\n");
    CliRun run = run("attribute", "--model", "last-touch", "--input", paths.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("channel,conversions,value\n'+x,1,3\n'-5,1,4\n'=cmd|calc,1,1\n'@SUM(1),1,2\n"
        + "safe,1,6\n");
    CliRun raw = run("attribute", "--model", "last-touch", "--input", paths.toString(), "--raw-csv");
    assertThat(raw.out()).isEqualTo("channel,conversions,value\n+x,1,3\n-5,1,4\n=cmd|calc,1,1\n@SUM(1),1,2\n"
        + "safe,1,6\n");
    assertThat(CsvCells.neutralising().text("\tt")).isEqualTo("'\tt");
    assertThat(CsvCells.neutralising().text("\rt")).isEqualTo("\"'\rt\"");
    assertThat(CsvCells.of(true).text("=1")).isEqualTo("=1");
    assertThat(CsvCells.number(-0.5)).isEqualTo("-0.5");
    assertThat(CsvCells.neutralising().text("-0.5")).isEqualTo("'-0.5");
    assertThat(CsvCells.neutralising().text("=1,2")).isEqualTo("\"'=1,2\"");
  }

  /** The output file is checked before the input is read or a model runs, not after. */
  @Test
  void anUnwritableOutputFailsBeforeAnyWork(@TempDir Path dir) {
    Path output = dir.resolve("no-such-dir").resolve("credits.csv");
    CliRun run = run("attribute", "--model", "linear", "--input", dir.resolve("missing.csv").toString(),
        "--output", output.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("cannot write " + output + ": its directory " + output.getParent()
        + " does not exist (no such file or directory)\n");
    CliRun directory = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"),
        "--output", dir.toString());
    assertThat(directory.exit()).isEqualTo(1);
    assertThat(directory.err()).isEqualTo("cannot write " + dir + ": it is a directory\n");
  }
}
