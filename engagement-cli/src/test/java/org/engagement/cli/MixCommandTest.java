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

  /** A target no split reaches used to be refused as "minimumRoi '100' is invalid", the library's name. */
  @Test
  void anUnreachableTargetRoiIsRefusedInTheOptionsWords(@TempDir Path dir) throws IOException {
    Path[] files = write(dir, "");
    CliRun run = run("mix", "--spend", files[0].toString(), "--outcome", files[1].toString(), "--resamples", "0",
        "--target-roi", "100");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("cannot recommend a budget: --target-roi 100 is not reached by any split")
        .doesNotContain("minimumRoi");
  }

  private static double recommended(CliRun run, String channel) {
    return run.out().lines().filter(line -> line.startsWith(channel + ","))
        .mapToDouble(line -> Double.parseDouble(line.split(",", -1)[9])).findFirst().orElseThrow();
  }
}
