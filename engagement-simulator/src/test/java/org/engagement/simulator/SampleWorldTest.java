package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample world is exactly what the generator writes for {@link SampleWorld#spec()}, so nobody can
 * edit it by hand. To regenerate it after changing the generator, run this test with
 * {@code -Dworld.regenerate=true} (it then rewrites the files under {@code src/main/resources} first).
 */
class SampleWorldTest {

  @Test
  void theBundledFilesAreWhatTheGeneratorWritesForTheSampleSpec(@TempDir Path directory) throws IOException {
    if (Boolean.getBoolean("world.regenerate")) {
      WorldWriter.write(SampleWorld.spec(), Path.of("src/main/resources/org/engagement/simulator/world"));
    }
    WorldWriter.write(SampleWorld.spec(), directory);

    long total = 0;
    for (String file : WorldWriter.FILES) {
      byte[] expected = Files.readAllBytes(directory.resolve(file));
      try (InputStream bundled = SampleWorld.open(file)) {
        assertThat(bundled.readAllBytes()).as("bundled %s (regenerate with -Dworld.regenerate=true)", file)
            .isEqualTo(expected);
      }
      total += expected.length;
    }
    assertThat(total).as("bundled size in bytes").isLessThan(3_300_000);
  }
}
