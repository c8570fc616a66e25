package org.engagement.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What an I/O failure was, in words a user acts on: "no such file" rather than the bare path a
 * {@link NoSuchFileException} carries as its message, "not UTF-8 text" rather than "Input length = 1".
 */
final class IoProblem {
  private IoProblem() {}

  /** {@code e} in words, without the path (the caller names the file). */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof CharacterCodingException) {
      return "the file is not UTF-8 text (a byte sequence is not valid UTF-8)";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
