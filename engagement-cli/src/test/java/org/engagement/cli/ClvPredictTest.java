package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv --predict FILE --horizon N} on the CDNOW summaries of engagement-clv's test resources (Fader
 * and Hardie's 2,357-customer sample, in weeks). The reference: Fader, Hardie and Lee (2005), "Counting your
 * customers the easy way", section 5: a customer with {@code x = 2}, {@code t_x = 30.43}, {@code T = 38.86}
 * (the files' first customer) is expected to make 1.226 purchases in the next 39 weeks.
 */
class ClvPredictTest {
  private static final Path CDNOW = Path.of("..", "engagement-clv", "src", "test", "resources", "cdnow");
  private static final String SUMMARY = CDNOW.resolve("cdnow_customers_summary.csv").toString();
  private static final String WITH_SPEND = CDNOW.resolve("cdnow_customers_summary_with_transactions.csv").toString();

  @Test
  void bgNbdPredictionsFollowTheInputAndMatchThePaper(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("predictions.csv");
    CliRun run = run("clv", "--model", "bgnbd", "--input", SUMMARY, "--predict", out.toString(), "--horizon", "39");
    assertThat(run.exit()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("parameter,value\n");
    List<String> lines = Files.readAllLines(out);
    List<String> input = Files.readAllLines(Path.of(SUMMARY));
    assertThat(lines).hasSize(input.size());
    assertThat(lines.get(0)).isEqualTo("frequency,recency,T,p_alive,expected_purchases");
    for (int i = 1; i < lines.size(); i++) {
      String[] in = input.get(i).split(",", -1);
      String[] f = lines.get(i).split(",", -1);
      assertThat(f).hasSize(5);
      assertThat(List.of(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2])))
          .containsExactly(in[1], Double.parseDouble(in[2]), Double.parseDouble(in[3]));
      assertThat(Double.parseDouble(f[3])).isBetween(0.0, 1.0);
      assertThat(Double.parseDouble(f[4])).isNotNegative();
    }
    assertThat(Double.parseDouble(lines.get(1).split(",", -1)[4])).isCloseTo(1.226, within(0.001));
  }

  @Test
  void aSpendColumnAddsTheExpectedValue(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("predictions.csv");
    CliRun run = run("clv", "--model", "paretonbd", "--input", WITH_SPEND, "--predict", out.toString(),
        "--horizon", "52");
    assertThat(run.exit()).isEqualTo(0);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("frequency,recency,T,p_alive,expected_purchases,expected_value");
    assertThat(lines).hasSize(Files.readAllLines(Path.of(WITH_SPEND)).size());
    String[] first = lines.get(1).split(",", -1);
    double perPurchase = Double.parseDouble(first[5]) / Double.parseDouble(first[4]);
    // The Gamma-Gamma forecast shrinks the customer's mean spend 22.35 towards the population mean (about 35).
    assertThat(perPurchase).isBetween(22.35, 40.0);
  }

  @Test
  void usageErrorsExitWithTwoAndWriteNothing(@TempDir Path dir) {
    Path out = dir.resolve("p.csv");
    assertThat(run("clv", "--model", "bgnbd", "--input", SUMMARY, "--predict", out.toString()).exit()).isEqualTo(2);
    assertThat(run("clv", "--model", "bgnbd", "--input", SUMMARY, "--horizon", "5").exit()).isEqualTo(2);
    CliRun negative = run("clv", "--model", "bgnbd", "--input", SUMMARY, "--predict", out.toString(),
        "--horizon", "-3");
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.err()).contains("--horizon '-3' is invalid");
    assertThat(run("clv", "--model", "bgnbd", "--input", SUMMARY, "--predict", out.toString(), "--horizon", "NaN")
        .exit()).isEqualTo(2);
    assertThat(run("clv", "--model", "gammagamma", "--input", WITH_SPEND, "--predict", out.toString(),
        "--horizon", "5").exit()).isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  @Test
  void anUnwritablePredictionFileFailsBeforeTheFit(@TempDir Path dir) {
    CliRun run = run("clv", "--model", "bgnbd", "--input", SUMMARY, "--predict",
        dir.resolve("missing").resolve("p.csv").toString(), "--horizon", "5");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("cannot write").doesNotContain("Exception");
  }
}
