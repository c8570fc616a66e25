package org.engagement.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * What the library logs while this is open: the tests bind slf4j-simple, which writes to whatever
 * {@link System#err} is at the time of each message. Not thread-safe; tests of one module run one at a time.
 */
final class CapturedLog implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  CapturedLog() {
    System.setErr(new PrintStream(bytes, true, UTF_8));
  }

  /** Everything logged so far. */
  String text() {
    return bytes.toString(UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
