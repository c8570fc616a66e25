package org.engagement.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.engagement.core.ingest.ImportReport;
import org.jspecify.annotations.Nullable;

/**
 * The result of an incremental import: the account of the rows read, and the watermark to start the next
 * import from.
 *
 * <p>The watermark is the greatest watermark value among the rows read when the import read to the end. When it
 * stopped early ({@link ImportReport#isComplete()} is false), it is the greatest value all of whose rows were
 * read, so the next import reads again the rows that share the value it stopped in (a host recognises them by
 * their source ids); rows are read in watermark order, so no row is skipped. When no row was read, it is the
 * watermark the import started from, or empty if it started from none.
 *
 * <p>An import that stopped at the source's {@linkplain JdbcInteractionSource.Builder#rowLimit row limit} is
 * complete, and {@link #more()} is true: it stopped where the watermark value changes, so the watermark covers
 * exactly the rows read and the next import neither repeats nor skips a row.
 *
 * <p>Immutable and thread-safe.
 *
 * @param report every row read, accepted, rejected or duplicate
 * @param watermark where the next import starts, or {@code null} if no row has ever been read
 * @param more whether the import stopped at the row limit with rows after the watermark left to read
 * @since 0.1.0
 */
public record IncrementalImport(ImportReport report, @Nullable Watermark watermark, boolean more) {

  /** Requires the report. */
  public IncrementalImport {
    requireNonNull(report, "report");
  }

  /** The watermark to keep for the next import, if any row has been read so far. */
  public Optional<Watermark> next() {
    return Optional.ofNullable(watermark);
  }
}
