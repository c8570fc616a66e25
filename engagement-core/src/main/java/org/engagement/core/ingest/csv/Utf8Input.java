package org.engagement.core.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * UTF-8 text of a byte stream that never fails on bad bytes: each malformed sequence becomes U+FFFD, and
 * the byte offset where it started is remembered by the index of the character it became, so that the CSV
 * reader can reject the record holding it and say where the bytes are. Not thread-safe.
 */
final class Utf8Input extends Reader {
  private static final int BYTES = 1 << 16;

  /** A replacement: the index of the character and the offset of the bytes it stands for. */
  private record Replacement(long charIndex, long byteOffset) {}

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BYTES).flip();
  private final ArrayDeque<Replacement> replacements = new ArrayDeque<>();
  /** The offset in the stream of {@code bytes}' first byte. */
  private long bufferOffset;
  /** Characters handed out so far. */
  private long charsOut;
  private boolean eof;
  private boolean flushed;

  Utf8Input(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] target, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (flushed) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(target, off, len);
    while (out.position() == off) {
      CoderResult result = decoder.decode(bytes, out, eof);
      if (result.isError()) {
        if (!out.hasRemaining()) {
          break;
        }
        replacements.add(new Replacement(charsOut + out.position() - off, bufferOffset + bytes.position()));
        bytes.position(bytes.position() + result.length());
        out.put('\uFFFD');
      } else if (result.isOverflow()) {
        break;
      } else if (eof) {
        if (!flushed) {
          flushed = true;
          decoder.flush(out);
        }
        break;
      } else {
        refill();
      }
    }
    int produced = out.position() - off;
    charsOut += produced;
    return produced == 0 ? -1 : produced;
  }

  private void refill() throws IOException {
    bufferOffset += bytes.position();
    bytes.compact();
    int n = 0;
    while (n == 0) {
      n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    }
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  /**
   * The byte offset of the bad bytes that the character at {@code charIndex} replaced, or -1 if that
   * character was read as it is (a U+FFFD written in the file).
   */
  long byteOffsetOfReplacement(long charIndex) {
    for (Replacement replacement : replacements) {
      if (replacement.charIndex() == charIndex) {
        return replacement.byteOffset();
      }
      if (replacement.charIndex() > charIndex) {
        break;
      }
    }
    return -1;
  }

  /** Forgets the replacements before {@code charIndex}: nothing will ask about them again. */
  void forget(long charIndex) {
    while (!replacements.isEmpty() && replacements.peekFirst().charIndex() < charIndex) {
      replacements.removeFirst();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
