package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code clv} command on the CDNOW summary files of engagement-clv's test resources ({@code
 * cdnow/}, see the README there: Fader and Hardie's 2,357-customer sample, in weeks), against the fits of
 * the project reference "CLV, segmentation and lift", section 3.
 */
class ClvCommandTest {
  private static final Path CDNOW = Path.of("..", "engagement-clv", "src", "test", "resources", "cdnow");
  private static final String SUMMARY = CDNOW.resolve("cdnow_customers_summary.csv").toString();
  private static final String WITH_SPEND = CDNOW.resolve("cdnow_customers_summary_with_transactions.csv").toString();

  /** The {@code parameter,value} output as a map, after checking the header. */
  private static Map<String, Double> fit(CliRun run) {
    String[] lines = run.out().lines().toArray(String[]::new);
    assertThat(lines[0]).isEqualTo("parameter,value");
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      assertThat(f).hasSize(2);
      values.put(f[0], f[1].equals("true") ? 1.0 : f[1].equals("false") ? 0.0 : Double.parseDouble(f[1]));
    }
    return values;
  }

  /** BG/NBD, FHL (2005): r 0.242593, alpha 4.413531, a 0.792886, b 2.425754, LL -9582.4256 (SciPy / R refits). */
  @Test
  void bgNbdOnTheCdnowSummary() {
    CliRun run = run("clv", "--model", "bgnbd", "--input", SUMMARY);
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    Map<String, Double> fit = fit(run);
    assertThat(fit.keySet()).containsExactly("r", "alpha", "a", "b", "log_likelihood", "converged",
        "se:r", "se:alpha", "se:a", "se:b");
    assertThat(fit.get("r")).isCloseTo(0.242593, within(2e-5));
    assertThat(fit.get("alpha")).isCloseTo(4.413531, within(5e-4));
    assertThat(fit.get("a")).isCloseTo(0.792886, within(1e-4));
    assertThat(fit.get("b")).isCloseTo(2.425754, within(5e-4));
    assertThat(fit.get("log_likelihood")).isCloseTo(-9582.4256, within(1e-3));
    assertThat(fit.get("converged")).isEqualTo(1.0);
    assertThat(fit.get("se:r")).isPositive().isLessThan(fit.get("r"));
  }

  /** The same customers in days: alpha scales by 7, r, a, b and the fit's shape do not change. */
  @Test
  void theUnitOptionScalesAlpha(@TempDir Path dir) throws IOException {
    StringBuilder days = new StringBuilder("ID,frequency,recency,T\n");
    for (String line : Files.readAllLines(Path.of(SUMMARY)).subList(1, 2358)) {
      String[] f = line.split(",", -1);
      days.append(f[0]).append(',').append(f[1]).append(',').append(Double.parseDouble(f[2]) * 7).append(',')
          .append(Double.parseDouble(f[3]) * 7).append('\n');
    }
    Path csv = dir.resolve("days.csv");
    Files.writeString(csv, days);
    CliRun run = run("clv", "--model", "bgnbd", "--input", csv.toString(), "--unit", "DAY");
    assertThat(run.exit()).isZero();
    Map<String, Double> fit = fit(run);
    assertThat(fit.get("r")).isCloseTo(0.242593, within(2e-4));
    assertThat(fit.get("alpha")).isCloseTo(4.413531 * 7, within(0.02));
    assertThat(fit.get("a")).isCloseTo(0.792886, within(1e-3));
  }

  /** MBG/NBD as estimated in BTYDplus: r 0.525, alpha 6.183, a 0.891, b 1.614, LL -9582.133. */
  @Test
  void mbgNbdOnTheCdnowSummary() {
    CliRun run = run("clv", "--model", "MBGNBD", "--input", SUMMARY, "--unit", "week");
    assertThat(run.exit()).isZero();
    Map<String, Double> fit = fit(run);
    assertThat(fit.get("r")).isCloseTo(0.525, within(1e-3));
    assertThat(fit.get("b")).isCloseTo(1.614, within(1e-3));
    assertThat(fit.get("log_likelihood")).isCloseTo(-9582.133, within(1e-2));
  }

  /** Gamma-Gamma on the 946 repeat buyers, FHL (2005, JMR): p 6.2488, q 3.7446, gamma 15.4477, LL -4055.9232. */
  @Test
  void gammaGammaOnTheCdnowSpendSummary() {
    CliRun run = run("clv", "--model", "gammagamma", "--input", WITH_SPEND);
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    Map<String, Double> fit = fit(run);
    assertThat(fit.keySet()).containsExactly("p", "q", "gamma", "log_likelihood", "converged",
        "se:p", "se:q", "se:gamma");
    assertThat(fit.get("p")).isCloseTo(6.2488, within(2e-3));
    assertThat(fit.get("q")).isCloseTo(3.7446, within(1e-3));
    assertThat(fit.get("gamma")).isCloseTo(15.4477, within(5e-3));
    assertThat(fit.get("log_likelihood")).isCloseTo(-4055.9232, within(1e-3));
  }

  /**
   * Pareto/NBD, FHL (2005): r 0.553, alpha 10.578, s 0.606, beta 11.669, LL -9595.0; refit independently:
   * 0.553276, 10.577612, 0.606214, 11.667911, LL -9594.9739 (the project reference, section 3).
   */
  @Test
  void paretoNbdOnTheCdnowSummary() {
    CliRun run = run("clv", "--model", "paretonbd", "--input", SUMMARY);
    assertThat(run.exit()).isZero();
    Map<String, Double> fit = fit(run);
    assertThat(fit.keySet()).startsWith("r", "alpha", "s", "beta", "log_likelihood", "converged");
    assertThat(fit.get("r")).isCloseTo(0.553276, within(2e-4));
    assertThat(fit.get("alpha")).isCloseTo(10.577612, within(5e-3));
    assertThat(fit.get("s")).isCloseTo(0.606214, within(1e-3));
    assertThat(fit.get("beta")).isCloseTo(11.667911, within(2e-2));
    assertThat(fit.get("log_likelihood")).isCloseTo(-9594.9739, within(1e-3));
  }

  @Test
  void usageErrorsExitWithTwo() {
    CliRun unknown = run("clv", "--model", "pareto-ggg", "--input", SUMMARY);
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("unknown model 'pareto-ggg'; the models are bgnbd, mbgnbd, paretonbd, gammagamma, bgbb");
    CliRun unit = run("clv", "--model", "bgnbd", "--input", SUMMARY, "--unit", "fortnight");
    assertThat(unit.exit()).isEqualTo(2);
    assertThat(unit.err()).contains("unknown --unit 'fortnight'");
    CliRun noSpend = run("clv", "--model", "gammagamma", "--input", SUMMARY);
    assertThat(noSpend.exit()).isEqualTo(2);
    assertThat(noSpend.err()).contains("monetary_value");
    assertThat(run("clv", "--input", SUMMARY).exit()).isEqualTo(2);
  }

  @Test
  void badRowsAreReportedAndTheRestIsFitted(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder(Files.readString(Path.of(SUMMARY)));
    text.append("9001,2,40,30\n").append("9002,x,1,2\n");
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, text);
    CliRun run = run("clv", "--model", "bgnbd", "--input", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactly(
        csv + ":2359: column 'recency' value '40' is invalid: must not exceed T (30)",
        csv + ":2360: column 'frequency' value 'x' is invalid: must be a whole number from 0 to 2147483647");
    assertThat(fit(run).get("log_likelihood")).isCloseTo(-9582.4256, within(1e-3));
  }

  @Test
  void anUnreadableFileExitsWithOne(@TempDir Path dir) throws IOException {
    CliRun missing = run("clv", "--model", "bgnbd", "--input", dir.resolve("missing.csv").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file");
    Path header = dir.resolve("header.csv");
    Files.writeString(header, "customer,when\n1,2\n");
    CliRun wrong = run("clv", "--model", "bgnbd", "--input", header.toString());
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).contains("lacks the column 'x'");
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "x,t_x,T\n");
    CliRun none = run("clv", "--model", "bgnbd", "--input", empty.toString());
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).contains("nothing to fit");
  }

  /**
   * Spends of 1 and 1e308 drive the Gamma-Gamma fit to a non-finite estimate, which used to end in a
   * NumberFormatException stack trace while printing.
   */
  @Test
  void aFitThatRunsOffToInfinityIsRefusedInOneLine(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder("frequency,recency,T,monetary_value\n");
    for (int i = 0; i < 50; i++) {
      text.append(1 + i % 3).append(',').append(10 + i % 5).append(",40,").append(i % 2 == 0 ? "1" : "1e308")
          .append('\n');
    }
    Path csv = Files.writeString(dir.resolve("spend.csv"), text);
    CliRun run = run("clv", "--model", "gammagamma", "--input", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.noStackTrace()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("cannot fit gammagamma to " + csv + ": the fit ran off to ")
        .contains("nothing was printed").endsWith("\n");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void aStrayQuoteRejectsItsCustomerAndEveryOtherIsFitted(@TempDir Path dir) throws IOException {
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of(SUMMARY)));
    lines.set(6, lines.get(6).replaceFirst(",", ",\""));
    Path csv = dir.resolve("quote.csv");
    Files.write(csv, lines);
    CliRun run = run("clv", "--model", "bgnbd", "--input", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines().toList()).singleElement().asString().startsWith(csv + ":7: ").contains("quote");
    lines.remove(6);
    Path without = dir.resolve("without.csv");
    Files.write(without, lines);
    assertThat(run.out()).isEqualTo(run("clv", "--model", "bgnbd", "--input", without.toString()).out());
  }

  /** The help named only the purchase models' columns; a BG/BB prediction has its own. */
  @Test
  void theHelpNamesTheColumnsOfABgBbPrediction(@TempDir Path dir) throws IOException {
    String donations = Path.of("..", "engagement-clv", "src", "test", "resources", "donations", "donations.csv")
        .toString();
    Path predictions = dir.resolve("next.csv");
    CliRun run = run("clv", "--model", "bgbb", "--input", donations, "--predict", predictions.toString(),
        "--horizon", "5");
    assertThat(run.exit()).as(run.err()).isZero();
    String[] columns = Files.readAllLines(predictions).get(0).split(",", -1);
    String named = String.join(", ", Arrays.copyOf(columns, columns.length - 1)) + " and "
        + columns[columns.length - 1];
    assertThat(run("clv", "--help").out().replaceAll("\\s+", " ")).contains("for bgbb, per history row, the "
        + "columns " + named);
  }

  @Test
  void gammaGammaRejectsACustomerWithoutSpendAndFitsTheOthers(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder(Files.readString(Path.of(WITH_SPEND)));
    text.append("\n9001,3,20,30,0\n");
    Path csv = dir.resolve("zero.csv");
    Files.writeString(csv, text);
    CliRun run = run("clv", "--model", "gammagamma", "--input", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines().toList()).containsExactly(csv + ":2359: column 'zbar' value '0' is "
        + "invalid: must be above 0 when the customer has repeat purchases: the spend model needs a positive mean "
        + "spend");
    assertThat(fit(run).get("converged")).isEqualTo(1.0);
  }
}
