package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void anUnwritableDirectoryIsAnError(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve("a-file"), "x");
    CliRun run = run("world", "--output", file.resolve("world").toString(), "--customers", "5");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("cannot write the world to ");
  }
}
