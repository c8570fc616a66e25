package org.engagement.core.internal.ingest;

import java.io.IOException;
import org.engagement.core.domain.InteractionColumns;

/**
 * A record reader that can add a record straight to columns: the direct path of an import into {@link
 * InteractionColumns} (issue 16). For a record it can take whole (in the CSV reader: a plain line of a row with no
 * value, source id, attributes or content, every field valid) it adds the row with {@link
 * InteractionColumns.Builder#addRow} and consumes the record; for any other record, and at the end, it consumes
 * nothing and the importer reads the record with {@link org.engagement.core.ingest.RecordReader#next()} as usual.
 * A record added here is one the reader's {@code next()} would have accepted as an interaction equal to the row
 * added, so the importer counts it as read and accepted and the columns and the report are those of the general
 * path; records the importer must see (rejections, source ids to check for duplicates) always go through {@code
 * next()}.
 *
 * <p>Implemented by the module's own readers only. Not thread-safe, like the readers.
 */
public interface ColumnRecords {

  /**
   * Adds the next record to {@code columns} if this reader can take it whole; otherwise consumes nothing.
   *
   * @return whether a record was read and added
   * @throws IOException if reading fails
   * @throws SinkFailure if {@code columns} refused the row for a reason other than the row's fields (built already)
   */
  boolean addNextIfPlain(InteractionColumns.Builder columns) throws IOException;

  /**
   * What the columns threw for a reason that is the host's, not the record's: the importer lets the cause
   * through untouched, as it does what its sink throws.
   */
  final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What the columns threw. */
    private final RuntimeException thrown;

    /** Wraps what the columns threw. */
    public SinkFailure(RuntimeException thrown) {
      super(thrown);
      this.thrown = thrown;
    }

    /** What the columns threw. */
    public RuntimeException sinkException() {
      return thrown;
    }
  }
}
