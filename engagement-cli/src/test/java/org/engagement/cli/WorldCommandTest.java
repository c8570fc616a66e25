package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engagement.simulator.Holdout;
import org.engagement.simulator.SampleWorld;
import org.engagement.simulator.WorldMechanism;
import org.engagement.simulator.WorldSpec;
import org.engagement.simulator.WorldWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldCommandTest {

  @Test
  void writesAWorldOfTheGivenSizeAndSeed(@TempDir Path directory) throws IOException {
    Path world = directory.resolve("world");
    CliRun run = run("world", "--output", world.toString(), "--customers", "50", "--seed", "5");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("wrote " + world).contains("50 customers");
    assertThat(Files.readAllLines(world.resolve(WorldWriter.CUSTOMERS))).hasSize(51);
    Path again = directory.resolve("again");
    WorldWriter.write(WorldSpec.builder().customers(50).seed(5).build(), again);
    for (String file : WorldWriter.FILES) {
      assertThat(Files.readAllBytes(world.resolve(file))).as(file).isEqualTo(Files.readAllBytes(again.resolve(file)));
    }
  }

  /** The README's quick start reads the files this writes: they must be the bundled world's, byte for byte. */
  /** The README's mix examples run on these files, and the truth beside them says how near the fit came. */
  @Test
  void mixAlsoWritesAMarketingMixWorldThatMixReads(@TempDir Path directory) throws IOException {
    Path world = directory.resolve("world");
    CliRun written = run("world", "--output", world.toString(), "--customers", "50", "--mix", "--format", "json");

    assertThat(written.exit()).as(written.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(written.out());
    java.util.Map<String, Long> rows = new java.util.HashMap<>();
    json.get("files").forEach(f -> rows.put(f.get("name").asText(), f.get("rows").asLong()));
    assertThat(rows).containsEntry("spend.csv", 156L * 8).containsEntry("outcome.csv", 156L)
        .containsEntry("mix-truth.csv", 8L).containsKey(WorldWriter.INTERACTIONS);

    CliRun mix = run("mix", "--spend", world.resolve("spend.csv").toString(), "--outcome",
        world.resolve("outcome.csv").toString(), "--format", "csv", "--resamples", "0");
    assertThat(mix.exit()).as(mix.err()).isZero();
    List<String> truth = Files.readAllLines(world.resolve("mix-truth.csv"));
    assertThat(truth.get(0)).isEqualTo("channel,true_share,true_roi,half_life");
    double error = 0;
    for (String line : truth.subList(1, truth.size())) {
      String[] cells = line.split(",", -1);
      String row = mix.out().lines().filter(l -> l.startsWith(cells[0] + ",")).findFirst().orElseThrow();
      error += Math.abs(Double.parseDouble(row.split(",", -1)[3]) - Double.parseDouble(cells[1])) / 8;
    }
    assertThat(error).isLessThan(0.06);
  }

  @Test
  void theDefaultsWriteTheBundledWorld(@TempDir Path directory) throws IOException {
    Path world = directory.resolve("sample");
    CliRun run = run("world", "--output", world.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    // thousands grouped, as everywhere else in the tool's output (issue 15)
    assertThat(run.out()).contains(": 5,000 customers, ");
    for (String file : WorldWriter.FILES) {
      try (InputStream bundled = SampleWorld.open(file)) {
        assertThat(Files.readAllBytes(world.resolve(file))).as(file).isEqualTo(bundled.readAllBytes());
      }
    }
  }

  @Test
  void theMechanismAndHoldoutsAreThoseOfTheSpec(@TempDir Path directory) throws IOException {
    Path world = directory.resolve("world");
    CliRun run = run("world", "--output", world.toString(), "--customers", "60", "--seed", "9",
        "--mechanism", "confounded", "--holdout", "newsletter=0.5", "--holdout", "press=0.25");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("(confounded)");
    Path again = directory.resolve("again");
    WorldWriter.write(WorldSpec.builder().customers(60).seed(9).mechanism(WorldMechanism.CONFOUNDED)
        .holdouts(List.of(new Holdout("newsletter", 0.5), new Holdout("press", 0.25))).build(), again);
    for (String file : WorldWriter.FILES) {
      assertThat(Files.readAllBytes(world.resolve(file))).as(file).isEqualTo(Files.readAllBytes(again.resolve(file)));
    }
    assertThat(Files.readAllLines(world.resolve(WorldWriter.HOLDOUT))).hasSizeGreaterThan(10);
  }

  @Test
  void anUnknownMechanismOrABadHoldoutIsAUsageError(@TempDir Path directory) {
    String out = directory.resolve("world").toString();
    CliRun unknown = run("world", "--output", out, "--mechanism", "magic");
    CliRun noShare = run("world", "--output", out, "--holdout", "newsletter");
    CliRun noChannel = run("world", "--output", out, "--holdout", "fax=0.1");

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("mechanism").contains("magic").contains("additive");
    assertThat(noShare.exit()).isEqualTo(2);
    assertThat(noShare.err()).contains("CHANNEL=SHARE");
    assertThat(noChannel.exit()).isEqualTo(2);
    assertThat(noChannel.err()).contains("fax");
  }

  @Test
  void anUnwritableDirectoryIsAnError(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve("a-file"), "x");
    CliRun run = run("world", "--output", file.resolve("world").toString(), "--customers", "5");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("cannot write the world to ");
  }
}
