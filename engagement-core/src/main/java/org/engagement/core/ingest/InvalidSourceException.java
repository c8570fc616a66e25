package org.engagement.core.ingest;

import org.engagement.core.domain.InvalidFieldException;

/**
 * A source that cannot be read at all as the adapter's format: empty input, a missing, misspelled or
 * repeated header column, a structure broken beyond the current record. Unlike a rejected record, it
 * stops the import, because the records after it cannot be accounted for.
 *
 * <p>Instances are immutable once thrown and safe to share.
 *
 * @since 0.1.0
 */
public final class InvalidSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long line;

  /**
   * Creates the exception with a message that says what is wrong and what was expected; control characters
   * in it are shown {@linkplain InvalidFieldException#escape escaped}.
   */
  public InvalidSourceException(String message) {
    super(InvalidFieldException.escape(message));
    this.line = 0;
  }

  /** Creates the exception with a message and the underlying cause. */
  public InvalidSourceException(String message, Throwable cause) {
    this(message, 0, cause);
  }

  /** Creates the exception with a message, the line where the source broke, and the cause. */
  public InvalidSourceException(String message, long line, Throwable cause) {
    super(InvalidFieldException.escape(message), cause);
    this.line = line;
  }

  /** The line where the source broke, counting from 1, or 0 if not known or not applicable. */
  public long line() {
    return line;
  }
}
