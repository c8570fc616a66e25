package org.engagement.core.ingest;

import java.io.Serializable;

/**
 * Where a record is in its source, so a person can find it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param record the record's number, counting from 1 (a header is not a record)
 * @param line the line on which the record starts, counting from 1; {@code 0} if the format has no lines
 * @since 0.1.0
 */
public record SourcePosition(long record, long line) implements Serializable {

  /**
   * Validates the position.
   *
   * @throws IllegalArgumentException if {@code record < 1} or {@code line < 0}
   */
  public SourcePosition {
    if (record < 1) {
      throw new IllegalArgumentException("record must be at least 1, was " + record);
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be at least 0, was " + line);
    }
  }

  /** A position in a source without lines. */
  public static SourcePosition ofRecord(long record) {
    return new SourcePosition(record, 0);
  }

  /** For example {@code record 7 (line 9)}. */
  @Override
  public String toString() {
    return line == 0 ? "record " + record : "record " + record + " (line " + line + ")";
  }
}
