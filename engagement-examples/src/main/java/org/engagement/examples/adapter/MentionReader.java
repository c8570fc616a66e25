package org.engagement.examples.adapter;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/**
 * Reads the mentions of one JSON-lines source: every non-blank line is one record, decoded strictly as
 * UTF-8 and handed to the shared {@link MentionParser}. Not thread-safe.
 */
final class MentionReader implements RecordReader {
  private final LineReader lines;
  private final MentionParser parser;
  private final CharsetDecoder utf8 = UTF_8.newDecoder();
  private long record;

  MentionReader(LineReader lines, MentionParser parser) {
    this.lines = lines;
    this.parser = parser;
  }

  @Override
  public @Nullable AdapterRecord next() throws IOException {
    do {
      if (!lines.advance()) {
        return null;
      }
    } while (lines.isBlank());
    record++;
    SourcePosition position = new SourcePosition(record, lines.number());
    if (lines.isTooLong()) {
      return AdapterRecord.rejected(Rejection.invalid(position,
          "line is longer than " + SocialMentionsJsonLinesAdapter.MAX_LINE_BYTES + " bytes"));
    }
    ByteBuffer bytes = ByteBuffer.wrap(lines.bytes(), 0, lines.length());
    String text;
    try {
      text = utf8.decode(bytes).toString();
    } catch (CharacterCodingException e) {
      return AdapterRecord.rejected(Rejection.invalid(position,
          "line is not valid UTF-8: the byte at column " + (bytes.position() + 1) + " starts no valid character"));
    }
    return parser.parse(text, position);
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
