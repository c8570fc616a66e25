package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.engagement.simulator.mix.MixSimulation;
import org.engagement.simulator.mix.MixWorld;
import org.engagement.simulator.mix.MixWorldSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixCommandTest {
  static final MixWorld WORLD = MixSimulation.generate(MixWorldSpec.defaults(3));

  static Path[] write(Path dir, String extraSpendRow) throws IOException {
    StringBuilder spend = new StringBuilder("period,channel,spend\n");
    StringBuilder outcome = new StringBuilder("period,outcome\n");
    double[] y = WORLD.outcome();
    for (int t = 0; t < y.length; t++) {
      outcome.append(WORLD.periods().get(t)).append(',').append(String.format(Locale.ROOT, "%.2f", y[t]))
          .append('\n');
      for (int c = 0; c < WORLD.channels().size(); c++) {
        spend.append(WORLD.periods().get(t)).append(',').append(WORLD.channels().get(c)).append(',')
            .append(String.format(Locale.ROOT, "%.2f", WORLD.spend(c)[t])).append('\n');
      }
    }
    spend.append(extraSpendRow);
    Path spendFile = dir.resolve("spend.csv");
    Path outcomeFile = dir.resolve("outcome.csv");
    Files.writeString(spendFile, spend, StandardCharsets.UTF_8);
    Files.writeString(outcomeFile, outcome, StandardCharsets.UTF_8);
    return new Path[] {spendFile, outcomeFile};
  }

  @Test
  void csvHasOneRowPerChannelWithSharesAndTheBudgetKept(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--format", "csv",
        "--resamples", "3");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).as("no warning of the command line's own").doesNotContain("picocli");
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("channel,spend,contribution,contribution_share,roi,roi_low,roi_high,"
        + "marginal_roi,carryover_half_life,recommended_spend");
    assertThat(lines).hasSize(1 + WORLD.channels().size());
    double shares = 0;
    double recommended = 0;
    double spendPerPeriod = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(WORLD.channels()).contains(cells[0]);
      shares += Double.parseDouble(cells[3]);
      recommended += Double.parseDouble(cells[9]);
      spendPerPeriod += Double.parseDouble(cells[1]) / WORLD.periods().size();
      assertThat(Double.parseDouble(cells[5])).isLessThanOrEqualTo(Double.parseDouble(cells[6]));
    }
    assertThat(shares).isCloseTo(1, within(1e-5));
    assertThat(recommended).isCloseTo(spendPerPeriod, within(spendPerPeriod * 1e-3));
  }

  @Test
  void aBadRowIsReportedWithItsLineAndTheExitIsOne(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, WORLD.periods().get(0) + ",tv,-5\n");
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--format", "csv",
        "--resamples", "0", "--budget", "40000");

    assertThat(run.exit()).isEqualTo(1);
    int line = 2 + WORLD.periods().size() * WORLD.channels().size();
    assertThat(run.err()).contains(files[0] + ":" + line + ": column 'spend' value '-5' is invalid");
    assertThat(run.out().lines().count()).isEqualTo(1 + WORLD.channels().size());
  }

  @Test
  void aLiftForAChannelWithoutSpendIsNotUsed(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    Path lift = dir.resolve("lift.csv");
    Files.writeString(lift, "channel,from,to,incremental,low,high\nradio,2023-03-06,2023-05-29,100,50,150\n",
        StandardCharsets.UTF_8);
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--lift",
        lift.toString(), "--resamples", "0");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("channel 'radio' has no spend").contains("its row was not used");
    assertThat(run.out()).contains("budget:").contains("expected gain per period");
  }

  @Test
  void usageErrorsExitWithTwo(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    assertThat(run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--format", "xml")
        .exit()).isEqualTo(2);
    assertThat(run("mix", "--spend", files[0].toString()).exit()).isEqualTo(2);
    assertThat(run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--budget", "-1")
        .exit()).isEqualTo(2);
    CliRun kind = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--outcome-kind",
        "orders");
    assertThat(kind.exit()).isEqualTo(2);
    assertThat(kind.err()).contains("--outcome-kind must be revenue or kpi, not 'orders'");
  }

  /** The same outcome counted in orders worth 80 each: as a KPI, the same shares and the same plan. */
  @Test
  void aKpiOutcomeGivesTheSameAnswerInAnyUnits(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    Path orders = orders(dir);

    CliRun revenue = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--outcome-kind",
        "kpi", "--format", "csv", "--resamples", "0");
    CliRun counted = run("mix", "--spend", files[0].toString(), "--outcome", orders.toString(), "--outcome-kind",
        "KPI", "--format", "csv", "--resamples", "0");

    assertThat(revenue.exit()).as(revenue.err()).isZero();
    assertThat(counted.exit()).as(counted.err()).isZero();
    for (String channel : WORLD.channels()) {
      assertThat(cell(counted, channel, 3)).as(channel).isCloseTo(cell(revenue, channel, 3), within(2e-3));
      assertThat(cell(counted, channel, 4) * 80).as(channel)
          .isCloseTo(cell(revenue, channel, 4), within(0.01 * cell(revenue, channel, 4) + 1e-6));
      assertThat(recommended(counted, channel)).as(channel)
          .isCloseTo(recommended(revenue, channel), within(0.01 * recommended(revenue, channel)));
    }
  }

  @Test
  void boundsAndATargetRoiShapeTheRecommendation(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--format", "csv",
        "--resamples", "0", "--budget", "40000", "--min", "tv=15000", "--max", "search=1000", "--max",
        "email=0");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(recommended(run, "tv")).isGreaterThanOrEqualTo(15000 - 1e-6);
    assertThat(recommended(run, "search")).isLessThanOrEqualTo(1000 + 1e-6);
    assertThat(recommended(run, "email")).isZero();
    double total = WORLD.channels().stream().mapToDouble(c -> recommended(run, c)).sum();
    assertThat(total).isCloseTo(40000, within(1e-3));

    CliRun capped = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--resamples",
        "0", "--budget", "80000", "--target-roi", "1.2");
    assertThat(capped.exit()).as(capped.err()).isZero();
    assertThat(capped.out()).contains("budget:").contains("minimum ROI 1.20");
  }

  @Test
  void aChannelTheFitCannotPinDownKeepsItsSpendUnlessCautionIsTurnedOff(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--format", "csv",
        "--resamples", "3");

    assertThat(run.exit()).as(run.err()).isZero();
    List<String> held = run.err().lines().filter(line -> line.contains("cannot pin its ROI"))
        .map(line -> line.substring(line.indexOf('\'') + 1, line.indexOf('\'', line.indexOf('\'') + 1)))
        .toList();
    assertThat(held).as(run.err()).isNotEmpty();
    for (String channel : held) {
      double spend = run.out().lines().filter(line -> line.startsWith(channel + ","))
          .mapToDouble(line -> Double.parseDouble(line.split(",", -1)[1])).findFirst().orElseThrow();
      assertThat(recommended(run, channel)).as(channel)
          .isCloseTo(spend / WORLD.periods().size(), within(1e-6 * spend));
    }
    CliRun free = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--format", "csv",
        "--resamples", "3", "--no-caution");
    assertThat(free.exit()).as(free.err()).isZero();
    assertThat(free.out().lines()).hasSize(1 + WORLD.channels().size());
  }

  @Test
  void boundsOfUnknownChannelsOrBadSpendAreUsageErrors(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    String spend = files[0].toString();
    String outcome = files[1].toString();
    CliRun unknown = run("mix", "--spend", spend, "--outcome", outcome, "--resamples", "0", "--min", "radio=5");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("radio");
    assertThat(run("mix", "--spend", spend, "--outcome", outcome, "--max", "tv=lots").exit()).isEqualTo(2);
    CliRun contradicting = run("mix", "--spend", spend, "--outcome", outcome, "--min", "tv=9", "--max", "tv=8");
    assertThat(contradicting.exit()).isEqualTo(2);
    assertThat(contradicting.err()).startsWith("--min tv=9 is above its most spend 8\n");
    assertThat(run("mix", "--spend", spend, "--outcome", outcome, "--target-roi", "0").exit()).isEqualTo(2);
  }

  /**
   * {@code --controls} gives the fit the same control series a library user gives {@code MixData}: the shares
   * are the library's to the printed digits, and not those of the fit without it. A control that misses a
   * period is refused with that period and the file named.
   */
  @Test
  void theControlsFileEntersTheFitAsTheLibrarysControls(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    double[] y = WORLD.outcome();
    double effect = 0.25 * java.util.Arrays.stream(y).average().orElseThrow();
    java.util.Random random = new java.util.Random(7);
    StringBuilder outcome = new StringBuilder("period,outcome\n");
    StringBuilder controls = new StringBuilder("period,control,value\n");
    org.engagement.roi.mix.MixData.Builder data = org.engagement.roi.mix.MixData.builder();
    for (int t = 0; t < y.length; t++) {
      double price = random.nextGaussian();
      String value = Double.toString(y[t] + effect * price);
      outcome.append(WORLD.periods().get(t)).append(',').append(value).append('\n');
      controls.append(WORLD.periods().get(t)).append(",price,").append(price).append('\n');
      data.outcome(WORLD.periods().get(t), Double.parseDouble(value)).control(WORLD.periods().get(t), "price", price);
      for (int c = 0; c < WORLD.channels().size(); c++) {
        data.spend(WORLD.periods().get(t), WORLD.channels().get(c),
            Double.parseDouble(String.format(Locale.ROOT, "%.2f", WORLD.spend(c)[t])));
      }
    }
    Path priced = Files.writeString(dir.resolve("priced.csv"), outcome, StandardCharsets.UTF_8);
    Path prices = Files.writeString(dir.resolve("controls.csv"), controls, StandardCharsets.UTF_8);
    String[] common = {"mix", "--spend", files[0].toString(), "--outcome", priced.toString(), "--format", "csv",
        "--resamples", "0"};

    CliRun with = run(concat(common, "--controls", prices.toString()));
    CliRun without = run(common);
    org.engagement.roi.mix.MixModel library = org.engagement.roi.mix.MarketingMix.fit(data.build(),
        org.engagement.roi.mix.MixSettings.weekly().withResamples(0).withSeed(1));

    assertThat(with.exit()).as(with.err()).isZero();
    double moved = 0;
    for (String channel : WORLD.channels()) {
      assertThat(cell(with, channel, 3)).as(channel).isCloseTo(library.effect(channel).share(), within(1e-6));
      moved += Math.abs(cell(with, channel, 3) - cell(without, channel, 3));
    }
    assertThat(moved).isGreaterThan(0.01);

    Path gap = Files.writeString(dir.resolve("gap.csv"), controls.toString().lines()
        .filter(line -> !line.startsWith(WORLD.periods().get(7) + ",")).collect(java.util.stream.Collectors
            .joining("\n", "", "\n")), StandardCharsets.UTF_8);
    CliRun missing = run(concat(common, "--controls", gap.toString()));
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains(gap.toString()).contains("period '" + WORLD.periods().get(7)
        + "' is invalid: must have a value of control price");
  }

  /** The contributions over time: every period in order, and baseline plus channels is the fitted outcome. */
  @Test
  void perPeriodWritesEachPeriodsContributionsThatAddUpToTheFit(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    Path series = dir.resolve("series.csv");
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--format", "csv",
        "--resamples", "0", "--per-period", series.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(series, StandardCharsets.UTF_8);
    List<String> channels = WORLD.channels().stream().sorted().toList();
    assertThat(lines.get(0)).isEqualTo("period,outcome,fitted,baseline," + String.join(",", channels));
    assertThat(lines).hasSize(1 + WORLD.periods().size());
    double[] y = WORLD.outcome();
    double[] total = new double[channels.size()];
    for (int t = 0; t < y.length; t++) {
      String[] cells = lines.get(1 + t).split(",", -1);
      assertThat(cells[0]).isEqualTo(WORLD.periods().get(t).toString());
      assertThat(Double.parseDouble(cells[1])).isCloseTo(y[t], within(0.01));
      double sum = Double.parseDouble(cells[3]);
      for (int c = 0; c < total.length; c++) {
        sum += Double.parseDouble(cells[4 + c]);
        total[c] += Double.parseDouble(cells[4 + c]);
      }
      assertThat(sum).isCloseTo(Double.parseDouble(cells[2]), within(1e-6 * Math.abs(sum) + 1e-6));
    }
    for (int c = 0; c < total.length; c++) {
      String channel = channels.get(c);
      assertThat(total[c]).as(channel).isCloseTo(cell(run, channel, 2), within(1e-6 * Math.abs(total[c]) + 1e-3));
    }
    CliRun clash = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--per-period",
        files[1].toString());
    assertThat(clash.exit()).isEqualTo(2);
    assertThat(Files.readString(files[1], StandardCharsets.UTF_8)).startsWith("period,outcome\n");
  }

  /** A return of a few hundredths per unit spent shows in the text as such, not as 0.01 or 0.02. */
  @Test
  void theTextShowsReturnsToThreeSignificantDigits(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    Path orders = orders(dir);
    String[] common = {"mix", "--spend", files[0].toString(), "--outcome", orders.toString(), "--outcome-kind", "kpi",
        "--resamples", "0"};
    CliRun csv = run(concat(common, "--format", "csv"));
    CliRun text = run(concat(common, "--format", "text"));

    assertThat(text.exit()).as(text.err()).isZero();
    for (String channel : WORLD.channels()) {
      double roi = cell(csv, channel, 4);
      assertThat(roi).isLessThan(0.1);
      assertThat(text.out().lines().filter(line -> line.startsWith(channel + " ")).findFirst().orElseThrow())
          .contains(String.format(Locale.ROOT, " %.3g ", roi));
    }
  }

  /**
   * The same series with every spend and outcome ×1e290 (under the default revenue prior: their ratio is 1): the
   * cautious plan's spread of its draws squared changes near 1e295 to infinity, and the budget "could not be split
   * within the channels' bounds", exit 1. Found by hand with values near 1e293.
   */
  @Test
  void hugeSpendAndOutcomeGiveTheSameAnswer(@TempDir Path dir) throws IOException {
    assertScales(dir, 1e290, 1e290, "revenue");
  }

  /**
   * Spends ×1e-290 with the outcome as it is, a KPI: the prior's sum of squared spends underflowed to 0 and the fit
   * was refused, and the CSV's six fixed decimals would have written every spend and the plan as 0.
   */
  @Test
  void aTinySpendWithAnOrdinaryOutcomeGivesTheSameAnswer(@TempDir Path dir) throws IOException {
    assertScales(dir, 1e-290, 1, "kpi");
  }

  /**
   * The text writes amounts at tiny and huge sizes with four significant digits: spends ×1e-290 printed every
   * spend and the whole plan as 0.00, and ×1e290 as numbers of some 300 digits.
   */
  @Test
  void theTextWritesTinyAndHugeAmountsWithAnExponent(@TempDir Path dir) throws IOException {
    Path[] tiny = scaled(Files.createDirectory(dir.resolve("tiny")), 1e-290, 1);
    CliRun small = run("mix", "--spend", tiny[0].toString(), "--outcome", tiny[1].toString(), "--format", "text",
        "--resamples", "0", "--outcome-kind", "kpi");
    Path[] huge = scaled(Files.createDirectory(dir.resolve("huge")), 1e290, 1e290);
    CliRun large = run("mix", "--spend", huge[0].toString(), "--outcome", huge[1].toString(), "--format", "text",
        "--resamples", "0");

    assertThat(small.exit()).as(small.err()).isZero();
    assertThat(large.exit()).as(large.err()).isZero();
    assertThat(small.out()).containsPattern("budget: [0-9.]+e-28[0-9] per period").doesNotContain(" 0.00 ");
    assertThat(large.out()).containsPattern("budget: [0-9.]+e\\+29[0-9] per period");
    assertThat(large.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(150));
  }

  /** An outcome per unit of spend no ROI can hold failed after the fit; it is refused before, naming the file. */
  @Test
  void anOutcomePerUnitOfSpendBeyondWhatAnRoiHoldsIsRefusedBeforeTheFit(@TempDir Path dir) throws IOException {
    Path[] files = scaled(dir, 1e-300, 1e10);
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--resamples", "5",
        "--outcome-kind", "kpi");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith(files[0] + ": spend '").contains("s mean per period and the outcome's is")
        .contains("must lie between 1e-300 and 1e300").doesNotContain("cannot fit").doesNotContain("budget");
    assertThat(run.out()).isEmpty();
  }

  /** Spends whose total is past the largest double are refused before the fit, naming the file and the channel. */
  @Test
  void aSpendWhoseTotalIsBeyondTheLargestNumberIsRefusedBeforeTheFit(@TempDir Path dir) throws IOException {
    Path[] files = scaled(dir, 1e303, 1e300);
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--resamples", "0");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith(files[0] + ": spend '")
        .contains("must total at most 1.8e308 over the periods and channels").contains("channel '");
    assertThat(run.out()).isEmpty();
  }

  private static void assertScales(Path dir, double spendUnit, double outcomeUnit, String kind)
      throws IOException {
    Path[] ordinary = scaled(Files.createDirectory(dir.resolve("ordinary")), 1, 1);
    Path[] other = scaled(Files.createDirectory(dir.resolve("other")), spendUnit, outcomeUnit);
    CliRun reference = run("mix", "--spend", ordinary[0].toString(), "--outcome", ordinary[1].toString(),
        "--format", "csv", "--resamples", "5", "--outcome-kind", kind);
    CliRun run = run("mix", "--spend", other[0].toString(), "--outcome", other[1].toString(), "--format", "csv",
        "--resamples", "5", "--outcome-kind", kind);

    assertThat(reference.exit()).as(reference.err()).isZero();
    assertThat(run.exit()).as(run.err()).isZero();
    for (String channel : WORLD.channels()) {
      assertThat(cell(run, channel, 3)).as(channel).isCloseTo(cell(reference, channel, 3), within(2e-3));
      assertThat(cell(run, channel, 4) / (outcomeUnit / spendUnit)).as(channel)
          .isCloseTo(cell(reference, channel, 4), within(0.01 * cell(reference, channel, 4) + 1e-6));
      assertThat(recommended(run, channel) / spendUnit).as(channel)
          .isCloseTo(recommended(reference, channel), within(0.01 * recommended(reference, channel)));
    }
  }

  /** The world's series with every spend and every outcome multiplied by a unit, written in full precision. */
  private static Path[] scaled(Path dir, double spendUnit, double outcomeUnit) throws IOException {
    StringBuilder spend = new StringBuilder("period,channel,spend\n");
    StringBuilder outcome = new StringBuilder("period,outcome\n");
    double[] y = WORLD.outcome();
    for (int t = 0; t < y.length; t++) {
      outcome.append(WORLD.periods().get(t)).append(',').append(y[t] * outcomeUnit).append('\n');
      for (int c = 0; c < WORLD.channels().size(); c++) {
        spend.append(WORLD.periods().get(t)).append(',').append(WORLD.channels().get(c)).append(',')
            .append(WORLD.spend(c)[t] * spendUnit).append('\n');
      }
    }
    Path spendFile = Files.writeString(dir.resolve("spend.csv"), spend, StandardCharsets.UTF_8);
    Path outcomeFile = Files.writeString(dir.resolve("outcome.csv"), outcome, StandardCharsets.UTF_8);
    return new Path[] {spendFile, outcomeFile};
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  /** The world's outcome counted in orders worth 80 each. */
  private static Path orders(Path dir) throws IOException {
    Path orders = dir.resolve("orders.csv");
    StringBuilder text = new StringBuilder("period,outcome\n");
    double[] y = WORLD.outcome();
    for (int t = 0; t < y.length; t++) {
      text.append(WORLD.periods().get(t)).append(',').append(y[t] / 80).append('\n');
    }
    Files.writeString(orders, text, StandardCharsets.UTF_8);
    return orders;
  }

  /** A target no split reaches used to be refused as "minimumRoi '100' is invalid", the library's name. */
  @Test
  void anUnreachableTargetRoiIsRefusedInTheOptionsWords(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--resamples", "0",
        "--target-roi", "100");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("cannot recommend a budget: --target-roi 100 is not reached by any split")
        .containsPattern("of at most \\d+\\.\\d{2} within")
        .doesNotContain("minimumRoi");
  }

  private static double recommended(CliRun run, String channel) {
    return cell(run, channel, 9);
  }

  private static double cell(CliRun run, String channel, int column) {
    return run.out().lines().filter(line -> line.startsWith(channel + ","))
        .mapToDouble(line -> Double.parseDouble(line.split(",", -1)[column])).findFirst().orElseThrow();
  }
}
