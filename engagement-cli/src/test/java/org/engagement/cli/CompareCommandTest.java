package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.AttributeCommandTest.resource;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} on the toy dataset of the attribution reference, section 7. */
class CompareCommandTest {

  @Test
  void printsTheModelsSideBySide() {
    CliRun run = run("compare", "--models", "first-touch,last-touch,linear", "--input", resource("toy-paths.csv"));
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    List<String[]> rows = run.rows("channel,first-touch_conversions,first-touch_value,"
        + "last-touch_conversions,last-touch_value,linear_conversions,linear_value");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).startsWith("A", "5", "65", "0", "0", "3");
    assertThat(rows.get(1)).startsWith("B", "2", "17", "3", "45", "2.5");
    assertThat(rows.get(2)).startsWith("C", "1", "10", "5", "47", "2.5");
    assertThat(Double.parseDouble(rows.get(0)[6])).isCloseTo(122.0 / 3, within(1e-12));
    assertThat(Double.parseDouble(rows.get(1)[6])).isCloseTo(169.0 / 6, within(1e-12));
    assertThat(Double.parseDouble(rows.get(2)[6])).isCloseTo(139.0 / 6, within(1e-12));
  }

  /** {@code compare} takes {@code interaction-hazard} beside {@code additive-hazard}: one column pair each. */
  @Test
  void comparesTheHazardModels() {
    CliRun run = run("compare", "--models", "additive-hazard,interaction-hazard", "--input",
        resource("synergy-paths.csv"));
    assertThat(run.exit()).as(run.err()).isZero();
    List<String[]> rows = run.rows("channel,additive-hazard_conversions,additive-hazard_value,"
        + "interaction-hazard_conversions,interaction-hazard_value");
    assertThat(rows).extracting(r -> r[0]).containsExactly("A", "B", "C");
    assertThat(Double.parseDouble(rows.get(2)[3])).isNotCloseTo(Double.parseDouble(rows.get(2)[1]), within(1.0));
  }

  @Test
  void writesToTheOutputFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("compare.csv");
    CliRun run = run("compare", "--models", "last-touch", "--input", resource("toy-paths.csv"), "--output", out.toString());
    assertThat(run.exit()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo("channel,last-touch_conversions,last-touch_value\nA,0,0\nB,3,45\nC,5,47\n");
  }

  @Test
  void unknownOrRepeatedModelsAreUsageErrorsAndBadInputAnInputError() {
    CliRun unknown = run("compare", "--models", "first-touch,nope", "--input", resource("toy-paths.csv"));
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("no attribution model named 'nope'; available: [");
    CliRun twice = run("compare", "--models", "linear,linear", "--input", resource("toy-paths.csv"));
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).isEqualTo("--models names linear twice\n");
    for (String models : new String[] {",", "linear,,last-touch", " "}) {
      CliRun empty = run("compare", "--models", models, "--input", resource("toy-paths.csv"));
      assertThat(empty.exit()).as(models).isEqualTo(2);
      assertThat(empty.err()).as(models).startsWith("--models ").contains("first-touch,last-touch,linear");
    }
    CliRun bad = run("compare", "--models", "linear", "--input", resource("bad-paths.csv"));
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains(":3: column 'total_conversions' value '-1' is invalid: must be a number from 0");
    CliRun timeDecay = run("compare", "--models", "linear,time-decay", "--input", resource("toy-paths.csv"));
    assertThat(timeDecay.exit()).isEqualTo(1);
    assertThat(timeDecay.err()).startsWith("cannot compare on ").contains("needs touch times");
  }

  /** Model names go through the same neutralising as channel names; credits stay numbers. */
  @Test
  void channelNamesThatAreFormulasAreNeutralised(@TempDir Path dir) throws IOException {
    Path paths = Files.writeString(dir.resolve("paths.csv"), "path,total_conversions,total_conversion_value\n"
        + "=cmd|calc > @SUM(1),2,10\n+x,1,5\n");
    CliRun run = run("compare", "--models", "first-touch,last-touch", "--input", paths.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("channel,first-touch_conversions,first-touch_value,last-touch_conversions,"
        + "last-touch_value\n'+x,1,5,1,5\n'=cmd|calc,2,10,0,0\n'@SUM(1),0,0,2,10\n");
  }
}
