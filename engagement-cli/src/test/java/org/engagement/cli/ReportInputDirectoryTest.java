package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --input} says what is wrong with the directory before any work: it used to answer "must be a
 * directory" for a directory that merely lacked interactions.csv.
 */
class ReportInputDirectoryTest {
  @Test
  void aDirectoryWithoutInteractionsIsNamedAsSuch(@TempDir Path dir) {
    CliRun run = CliRun.run("report", "--input", dir.toString(), "--output", dir.resolve("r.html").toString());
    assertThat(run.exit()).isEqualTo(Exit.FAILED);
    assertThat(run.err()).endsWith("cannot read " + dir + ": the directory has no interactions.csv (the world "
        + "command writes one with every companion file)\n");
    assertThat(dir.resolve("r.html")).doesNotExist();
  }

  @Test
  void aFileOrAMissingDirectoryIsNamedAsSuch(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("interactions.csv"), "customer_id\n");
    CliRun onFile = CliRun.run("report", "--input", file.toString(), "--output", dir.resolve("r.html").toString());
    assertThat(onFile.exit()).isEqualTo(Exit.FAILED);
    assertThat(onFile.err()).contains("cannot read " + file + ": it is a file; --input takes a directory");
    Path missing = dir.resolve("nosuch");
    CliRun none = CliRun.run("report", "--input", missing.toString(), "--output", dir.resolve("r.html").toString());
    assertThat(none.err()).endsWith("cannot read " + missing + ": no such directory; --input takes a directory "
        + "holding interactions.csv\n");
  }
}
