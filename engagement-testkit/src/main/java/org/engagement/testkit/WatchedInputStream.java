package org.engagement.testkit;

import static java.util.Objects.checkFromIndexSize;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream over bytes in memory that remembers whether it was closed and can hand out its
 * bytes in small pieces.
 *
 * <p>Small pieces flush out readers that assume one {@code read} fills their buffer, which works on
 * files and breaks on sockets and decompressing streams. Reading after {@code close} fails, as it
 * does on a file. Not thread-safe.
 */
final class WatchedInputStream extends InputStream {
  private final byte[] bytes;
  private final int maxPiece;
  private int position;
  private int closes;

  /**
   * A stream over {@code bytes} (not copied).
   *
   * @param maxPiece the most bytes one {@code read} returns
   */
  WatchedInputStream(byte[] bytes, int maxPiece) {
    this.bytes = bytes;
    this.maxPiece = maxPiece;
  }

  /** A stream that returns as many bytes as asked for. */
  static WatchedInputStream of(byte[] bytes) {
    return new WatchedInputStream(bytes, Integer.MAX_VALUE);
  }

  /** A stream that returns one byte per {@code read}. */
  static WatchedInputStream trickling(byte[] bytes) {
    return new WatchedInputStream(bytes, 1);
  }

  @Override
  public int read() throws IOException {
    ensureOpen();
    return position < bytes.length ? bytes[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    checkFromIndexSize(offset, length, buffer.length);
    ensureOpen();
    if (length == 0) {
      return 0;
    }
    if (position >= bytes.length) {
      return -1;
    }
    int count = Math.min(Math.min(length, maxPiece), bytes.length - position);
    System.arraycopy(bytes, position, buffer, offset, count);
    position += count;
    return count;
  }

  @Override
  public int available() throws IOException {
    ensureOpen();
    return Math.min(maxPiece, bytes.length - position);
  }

  @Override
  public void close() {
    closes++;
  }

  /** Whether {@link #close()} was called at least once. */
  boolean isClosed() {
    return closes > 0;
  }

  private void ensureOpen() throws IOException {
    if (closes > 0) {
      throw new IOException("stream closed");
    }
  }
}
