package org.engagement.integration.adapter;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/** The records of one social-pipe source, a line at a time. Not thread-safe, like every reader. */
final class SocialPipeReader implements RecordReader {
  private static final Pattern SEPARATOR = Pattern.compile("\\|");
  private static final int FIELDS = 5;

  private final BufferedReader lines;
  private long line;
  private long record;

  SocialPipeReader(BufferedReader lines) {
    this.lines = lines;
  }

  @Override
  public @Nullable AdapterRecord next() throws IOException {
    String text;
    do {
      text = lines.readLine();
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    record++;
    return parse(text, new SourcePosition(record, line));
  }

  private static AdapterRecord parse(String text, SourcePosition position) {
    String[] fields = SEPARATOR.split(text, -1);
    if (fields.length != FIELDS) {
      return AdapterRecord.rejected(Rejection.invalid(position,
          "expected " + FIELDS + " fields separated by '|', found " + fields.length));
    }
    try {
      return AdapterRecord.accepted(position, Interaction.builder()
          .customerId(fields[0].strip())
          .timestamp(Instant.parse(fields[1].strip()))
          .type(InteractionType.parse("type", fields[2].strip()))
          .channel(Channel.of(fields[3].strip(), ChannelGroup.ORGANIC_SOCIAL))
          .sourceId(fields[4].isBlank() ? null : fields[4].strip())
          .build());
    } catch (InvalidFieldException e) {
      return AdapterRecord.rejected(Rejection.invalid(position, e));
    } catch (DateTimeParseException e) {
      return AdapterRecord.rejected(Rejection.invalid(position,
          "timestamp '" + InvalidFieldException.shorten(fields[1]) + "' is not an ISO-8601 instant"));
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
