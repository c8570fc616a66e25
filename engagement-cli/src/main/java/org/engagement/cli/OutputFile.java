package org.engagement.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * An output file named on the command line: {@linkplain #check checked} before the long work starts, so a
 * bad path fails in a moment instead of after the analysis, and {@linkplain #write written} at the end, with
 * a partial file removed when writing fails.
 */
final class OutputFile {
  /** Writes the content of an output. */
  @FunctionalInterface
  interface Body {
    /** Writes everything to {@code out}. */
    void writeTo(Writer out) throws IOException;
  }

  private OutputFile() {}

  /**
   * Checks that {@code file} can be written: it is not a directory, its directory exists, and a file can
   * be created there (a probe file is created and deleted at once).
   *
   * @throws Failure saying why it cannot
   */
  static void check(Path file) throws Failure {
    if (Files.isDirectory(file)) {
      throw cannotWrite(file, "it is a directory");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw cannotWrite(file, parent != null && Files.exists(parent) ? parent + " is not a directory"
          : "its directory " + parent + " does not exist (no such file or directory)");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw cannotWrite(file, "permission denied");
    }
    try {
      Files.delete(Files.createTempFile(parent, ".engagement-", ".probe"));
    } catch (IOException e) {
      throw cannotWrite(file, "cannot create a file in " + parent + ": " + IoProblem.describe(e));
    }
  }

  /**
   * Writes {@code body} to {@code file} as UTF-8, replacing it.
   *
   * @throws Failure if writing fails; the partial file is then deleted
   */
  static void write(Path file, Body body) throws Failure {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.writeTo(out);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // The failure to write is what the user needs to hear about.
      }
      throw Failure.failed("cannot write " + file + ": " + IoProblem.describe(e), e);
    }
  }

  /**
   * Writes {@code body} as UTF-8 to {@code file}, or to standard output when it is {@code null} (whose
   * failures {@link StandardOutput} reports at the end).
   *
   * @throws Failure if writing the file fails
   */
  static void writeOrPrint(@Nullable Path file, Body body) throws Failure {
    if (file != null) {
      write(file, body);
      return;
    }
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    try {
      body.writeTo(out);
      out.flush();
    } catch (IOException e) {
      throw Failure.failed("cannot write standard output: " + IoProblem.describe(e), e);
    }
  }

  private static Failure cannotWrite(Path file, String why) {
    return Failure.failed("cannot write " + file + ": " + why);
  }
}
