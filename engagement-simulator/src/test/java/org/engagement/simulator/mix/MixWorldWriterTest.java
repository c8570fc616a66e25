package org.engagement.simulator.mix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a mix world is written to read back to the world's own numbers, exactly. */
class MixWorldWriterTest {
  @Test
  void theFilesHoldTheWorldsSeriesAndTruthExactly(@TempDir Path directory) throws IOException {
    MixWorld world = MixSimulation.generate(MixWorldSpec.defaults(4));
    MixWorldWriter.write(world, directory.resolve("new"));

    List<String> spend = Files.readAllLines(directory.resolve("new").resolve(MixWorldWriter.SPEND));
    List<String> outcome = Files.readAllLines(directory.resolve("new").resolve(MixWorldWriter.OUTCOME));
    List<String> truth = Files.readAllLines(directory.resolve("new").resolve(MixWorldWriter.TRUTH));
    int channels = world.channels().size();
    double[] y = world.outcome();

    assertThat(spend).hasSize(1 + y.length * channels).first().isEqualTo("period,channel,spend");
    assertThat(outcome).hasSize(1 + y.length).first().isEqualTo("period,outcome");
    for (int t = 0; t < y.length; t++) {
      assertThat(outcome.get(1 + t)).isEqualTo(world.periods().get(t) + "," + y[t]);
      for (int c = 0; c < channels; c++) {
        String[] cells = spend.get(1 + t * channels + c).split(",", -1);
        assertThat(cells[0]).isEqualTo(world.periods().get(t).toString());
        assertThat(cells[1]).isEqualTo(world.channels().get(c));
        assertThat(Double.parseDouble(cells[2])).isEqualTo(world.spend(c)[t]);
      }
    }
    assertThat(truth).hasSize(1 + channels);
    for (int c = 0; c < channels; c++) {
      String[] cells = truth.get(1 + c).split(",", -1);
      assertThat(cells[0]).isEqualTo(world.channels().get(c));
      assertThat(Double.parseDouble(cells[1])).isEqualTo(world.trueShares()[c]);
      assertThat(Double.parseDouble(cells[2])).isEqualTo(world.trueRoi(c));
      assertThat(Double.parseDouble(cells[3])).isEqualTo(world.spec().channels().get(c).halfLife());
    }
  }
}
