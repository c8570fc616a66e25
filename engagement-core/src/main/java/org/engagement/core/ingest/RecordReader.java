package org.engagement.core.ingest;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A cursor over the records of one source, opened by {@link ChannelAdapter#open}.
 *
 * <p>Every record of the source must come out of {@link #next()} exactly once, accepted or rejected:
 * a reader never skips a record silently. Not thread-safe.
 *
 * @since 0.1.0
 */
public interface RecordReader extends Closeable {

  /**
   * The next record's outcome, or {@code null} at the end of the source.
   *
   * @throws IOException if reading the source fails
   * @throws InvalidSourceException if the rest of the source cannot be read at all (for example an
   *     unterminated quote that runs to the end of the file)
   */
  @Nullable AdapterRecord next() throws IOException;
}
