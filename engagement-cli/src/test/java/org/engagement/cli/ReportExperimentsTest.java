package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --lift FILE} and {@code --holdout FILE}: experiments calibrate the ROI's credits, their rows are
 * accounted for like every other file's (a rejected row names the file given, exit 1), and a file that is not
 * there fails before any work.
 */
class ReportExperimentsTest {
  private static final String INTERACTIONS = "customer_id,timestamp,type,direction,channel,channel_name,"
      + "channel_group,utm_source,utm_medium,value,currency,source_id,campaign\n"
      + "a,2024-01-05T10:00:00Z,click,,email,Email,email,,,,,e1,\n"
      + "a,2024-01-12T10:00:00Z,purchase,,shop,Shop,direct,,,100,EUR,e2,\n"
      + "b,2024-01-08T10:00:00Z,click,,social,Social,organic_social,,,,,e3,\n"
      + "b,2024-02-03T10:00:00Z,purchase,,shop,Shop,direct,,,300,EUR,e4,\n"
      + "c,2024-02-10T10:00:00Z,impression,,social,Social,organic_social,,,,,e5,\n"
      + "d,2024-02-11T10:00:00Z,click,,email,Email,email,,,,,e6,\n";
  private static final String COSTS = "month,channel,owner,amount,currency\n2024-01,email,crm,10,EUR\n"
      + "2024-02,social,crm,20,EUR\n";

  private static Path input(Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(input.resolve("interactions.csv"), INTERACTIONS);
    Files.writeString(input.resolve("costs.csv"), COSTS);
    return input;
  }

  @Test
  void aLiftFileCalibratesTheRoiAndItsRowsAreAccountedFor(@TempDir Path dir) throws IOException {
    Path input = input(dir);
    Path lift = Files.writeString(dir.resolve("experiments.csv"), "channel,incremental_conversions,low,high\n"
        + "email,0.5,0.1,0.9\nsocial,2,3,1\ntv,1,0,2\n");
    CliRun run = CliRun.run("report", "--input", input.toString(), "--output", dir.resolve("r.html").toString(),
        "--lift", lift.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(Exit.FAILED);
    assertThat(run.noStackTrace()).isTrue();
    assertThat(run.out()).contains("calibrated: email credited with their experiments' incremental conversions");
    assertThat(run.err().lines().filter(line -> !line.startsWith("[report "))).singleElement().asString()
        .startsWith(lift + ":3: ");
    assertThat(Files.readString(dir.resolve("r.html"))).contains("experiment on email: lift.csv, incremental "
        + "conversions 0.5 [0.1, 0.9]").doesNotContain("experiment on tv");
  }

  /**
   * A well-formed row on a channel the journeys do not hold cannot calibrate anything: it is rejected with its
   * line, as {@code attribute --lift} rejects it, and the exit code is 1 though every other row was used.
   */
  @Test
  void aLiftRowOnAChannelTheJourneysDoNotHoldExitsOneWithItsLine(@TempDir Path dir) throws IOException {
    Path input = input(dir);
    Path lift = Files.writeString(dir.resolve("experiments.csv"), "channel,incremental_conversions,low,high\n"
        + "email,0.5,0.1,0.9\ntv,1,0,2\n");
    CliRun run = CliRun.run("report", "--input", input.toString(), "--output", dir.resolve("r.html").toString(),
        "--lift", lift.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(Exit.FAILED);
    assertThat(run.noStackTrace()).isTrue();
    assertThat(run.err().lines().filter(line -> !line.startsWith("[report "))).containsExactly(lift
        + ":3: column 'channel' value 'tv' is invalid: must be a channel of the journeys (1 of 2 rows not used)");
    assertThat(run.out()).contains("calibrated: email credited with their experiments' incremental conversions");
    assertThat(dir.resolve("r.html")).exists();
  }

  @Test
  void aHoldoutFileCalibratesTheRoiWithItsLift(@TempDir Path dir) throws IOException {
    Path input = input(dir);
    Path holdout = Files.writeString(dir.resolve("held.csv"), "customer_id,channel\nb,email\nc,email\n");
    CliRun run = CliRun.run("report", "--input", input.toString(), "--output", dir.resolve("r.html").toString(),
        "--holdout", holdout.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    // a and d eligible, one bought; b and c held out, one bought: 2 × (1/2 − 1/2) = 0 incremental conversions.
    assertThat(Files.readString(dir.resolve("r.html"))).contains("experiment on email: holdout.csv, 2 of 4 people "
        + "(everyone in interactions.csv; people never seen there are not counted) held out at random, incremental "
        + "conversions 0.0 [");
  }

  @Test
  void aMissingExperimentFileFailsBeforeAnyWork(@TempDir Path dir) throws IOException {
    Path input = input(dir);
    Path missing = dir.resolve("nope.csv");
    for (String option : new String[] {"--lift", "--holdout"}) {
      CliRun run = CliRun.run("report", "--input", input.toString(), "--output", dir.resolve("r.html").toString(),
          option, missing.toString());
      assertThat(run.exit()).as(option).isEqualTo(Exit.FAILED);
      assertThat(run.err()).as(option).endsWith("cannot read " + missing + ": no such readable file\n");
      assertThat(dir.resolve("r.html")).doesNotExist();
    }
  }
}
