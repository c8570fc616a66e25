package org.engagement.cli;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An input file named on the command line, opened as bytes or UTF-8 text with the failures a user can cause (a
 * missing file, a directory, no permission) turned into one-line {@link Failure}s that name the file.
 */
final class InputFile {
  private InputFile() {}

  /**
   * {@code file} as UTF-8 text; the caller closes it.
   *
   * @throws Failure if it is missing, a directory or cannot be opened
   */
  static BufferedReader open(Path file) throws Failure {
    if (Files.isDirectory(file)) {
      throw Failure.failed("cannot read " + file + ": it is a directory, not a file");
    }
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /**
   * {@code file} as bytes, for the readers that check the encoding themselves and so can name the line and
   * byte offset of text that is not UTF-8; the caller closes it.
   *
   * @throws Failure if it is missing, a directory or cannot be opened
   */
  static InputStream openBytes(Path file) throws Failure {
    if (Files.isDirectory(file)) {
      throw Failure.failed("cannot read " + file + ": it is a directory, not a file");
    }
    try {
      return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /** The failure for an I/O error while reading {@code file}. */
  static Failure cannotRead(Path file, IOException e) {
    return Failure.failed("cannot read " + file + ": " + IoProblem.describe(e), e);
  }
}
