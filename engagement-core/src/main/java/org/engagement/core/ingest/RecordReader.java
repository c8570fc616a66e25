package org.engagement.core.ingest;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A cursor over the records of one source, opened by {@link ChannelAdapter#open}.
 *
 * <p>Every record of the source must come out of {@link #next()} exactly once, accepted or rejected:
 * a reader never skips a record silently. Rejections are of kind
 * {@link Rejection.Kind#INVALID}; duplicates and adapter failures are the importer's to report. After
 * the end, {@code next()} keeps returning {@code null}. {@link #close()} closes the source's input,
 * may be called more than once, and is called after {@code next()} failed too, so it must not rely on
 * the reader being in a good state. What else a reader throws is contained by the importer (see
 * {@link ChannelAdapter}). Not thread-safe.
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
