package org.engagement.core.ingest;

import java.io.Serializable;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Where a record is in its source, so a person can find it: by line in a file, by key in a table.
 *
 * <p>Immutable and thread-safe.
 *
 * @param record the record's number, counting from 1 (a header is not a record)
 * @param line the line on which the record starts, counting from 1; {@code 0} if the format has no lines
 * @param key the record's key in a source without lines (a database row's primary key, for example), kept
 *     {@linkplain InvalidFieldException#escape escaped} ({@link #ofKey} also cuts it to
 *     {@value InvalidFieldException#MAX_SHOWN} characters); {@code null} if the source gives none
 * @since 0.1.0
 */
public record SourcePosition(long record, long line, @Nullable String key) implements Serializable {

  /**
   * Validates the position and makes the key safe to show.
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
    key = key == null ? null : InvalidFieldException.escape(key);
  }

  /** A position in a source with lines, or without lines when {@code line} is 0; no key. */
  public SourcePosition(long record, long line) {
    this(record, line, null);
  }

  /** A position in a source without lines. */
  public static SourcePosition ofRecord(long record) {
    return new SourcePosition(record, 0);
  }

  /** A position in a source without lines whose records have keys, such as a database table; the key is cut as a shown value is. */
  public static SourcePosition ofKey(long record, String key) {
    return new SourcePosition(record, 0, InvalidFieldException.shorten(java.util.Objects.requireNonNull(key, "key")));
  }

  /** For example {@code record 7 (line 9)}, or {@code record 7 (key 'A-1009')} in a keyed source. */
  @Override
  public String toString() {
    if (line > 0) {
      return "record " + record + " (line " + line + ")";
    }
    return key == null ? "record " + record : "record " + record + " (key '" + key + "')";
  }
}
