package org.engagement.examples.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at LF, dropping a CR before it, and keeps at most a fixed number of
 * bytes of each line.
 *
 * <p>Lines are split on bytes, before decoding: in UTF-8 the byte {@code 0x0A} is never part of another
 * character, so one malformed byte spoils one line and not the rest of the source. The cap bounds the
 * memory a reader holds whatever the source contains; a longer line is still consumed to its end, and
 * reported as too long. Not thread-safe.
 */
final class LineReader {
  private static final int BUFFER_SIZE = 8192;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean endOfInput;

  private byte[] line = new byte[256];
  private int kept;
  private long fullLength;
  private boolean blank;
  private long number;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Moves to the next line.
   *
   * @return {@code false} at the end of the input (a final line without a line break is still a line)
   */
  boolean advance() throws IOException {
    kept = 0;
    fullLength = 0;
    blank = true;
    while (true) {
      if (position == limit && !fill()) {
        if (fullLength == 0) {
          return false;
        }
        break;
      }
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      append(b);
    }
    number++;
    if (kept > 0 && kept == fullLength && line[kept - 1] == '\r') {
      kept--;
      fullLength--;
    }
    return true;
  }

  private void append(byte b) {
    fullLength++;
    blank &= b == ' ' || b == '\t' || b == '\r';
    if (kept < maxLineBytes) {
      if (kept == line.length) {
        line = Arrays.copyOf(line, Math.min(maxLineBytes, 2 * line.length));
      }
      line[kept++] = b;
    }
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      endOfInput = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /** The bytes kept of the current line, without its line break; valid until the next {@link #advance()}. */
  byte[] bytes() {
    return line;
  }

  /** How many bytes of {@link #bytes()} belong to the current line. */
  int length() {
    return kept;
  }

  /** Whether the current line was longer than the cap, so that only its start was kept. */
  boolean isTooLong() {
    return fullLength > maxLineBytes;
  }

  /** Whether the current line holds nothing but spaces, tabs and carriage returns. */
  boolean isBlank() {
    return blank;
  }

  /** The current line's number, counting from 1. */
  long number() {
    return number;
  }

  void close() throws IOException {
    in.close();
  }
}
