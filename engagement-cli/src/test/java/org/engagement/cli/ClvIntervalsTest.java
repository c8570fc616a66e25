package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clv --predict FILE --horizon N --intervals}: the customers' totals with bootstrap intervals. */
class ClvIntervalsTest {
  private static final Path CDNOW = Path.of("..", "engagement-clv", "src", "test", "resources", "cdnow");
  private static final String WITH_SPEND = CDNOW.resolve("cdnow_customers_summary_with_transactions.csv").toString();

  @Test
  void theTotalsAreThePredictionsSumsWithSeededIntervals(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("predictions.csv");
    CliRun run = run("clv", "--model", "bgnbd", "--input", WITH_SPEND, "--predict", out.toString(), "--horizon",
        "39", "--intervals", "12", "--seed", "5", "--level", "0.9");
    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    assertThat(run.err()).contains("90 % bootstrap percentile intervals from 12 resamples").contains("seed 5");
    Map<String, Double> rows = rows(run.out());
    double purchases = 0;
    double value = 0;
    for (String line : Files.readAllLines(out).subList(1, Files.readAllLines(out).size())) {
      String[] f = line.split(",", -1);
      purchases += Double.parseDouble(f[4]);
      value += Double.parseDouble(f[5]);
    }
    assertThat(rows.get("total:expected_purchases")).isCloseTo(purchases, within(1e-6 * purchases));
    assertThat(rows.get("total:expected_value")).isCloseTo(value, within(1e-6 * value));
    for (String name : List.of("expected_purchases", "expected_value")) {
      assertThat(rows.get("low:" + name)).isLessThan(rows.get("total:" + name));
      assertThat(rows.get("high:" + name)).isGreaterThan(rows.get("total:" + name));
    }
    CliRun again = run("clv", "--model", "bgnbd", "--input", WITH_SPEND, "--predict", out.toString(), "--horizon",
        "39", "--intervals", "12", "--seed", "5", "--level", "0.9");
    assertThat(again.out()).isEqualTo(run.out());
  }

  @Test
  void intervalOptionsWithoutWhatTheyNeedAreUsageErrors(@TempDir Path dir) {
    Path out = dir.resolve("p.csv");
    assertThat(run("clv", "--model", "bgnbd", "--input", WITH_SPEND, "--intervals").exit()).isEqualTo(2);
    assertThat(run("clv", "--model", "bgnbd", "--input", WITH_SPEND, "--predict", out.toString(), "--horizon", "5",
        "--seed", "3").exit()).isEqualTo(2);
    CliRun badLevel = run("clv", "--model", "bgnbd", "--input", WITH_SPEND, "--predict", out.toString(),
        "--horizon", "5", "--intervals", "--level", "1.5");
    assertThat(badLevel.exit()).isEqualTo(2);
    assertThat(badLevel.err()).contains("--level");
    assertThat(run("clv", "--model", "bgnbd", "--input", WITH_SPEND, "--predict", out.toString(), "--horizon", "5",
        "--intervals", "1").exit()).isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  private static Map<String, Double> rows(String csv) {
    Map<String, Double> rows = new LinkedHashMap<>();
    for (String line : csv.split("\n", -1)) {
      String[] f = line.split(",", -1);
      if (f.length == 2 && !f[0].equals("parameter") && !f[0].equals("converged")) {
        rows.put(f[0], Double.parseDouble(f[1]));
      }
    }
    return rows;
  }
}
