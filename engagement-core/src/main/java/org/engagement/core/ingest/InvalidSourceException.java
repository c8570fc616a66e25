package org.engagement.core.ingest;

/**
 * A source that cannot be read at all as the adapter's format: empty input, a missing, misspelled or
 * repeated header column, a structure broken beyond the current record. Unlike a rejected record, it
 * stops the import, because the records after it cannot be accounted for.
 *
 * @since 0.1.0
 */
public final class InvalidSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what is wrong and what was expected. */
  public InvalidSourceException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public InvalidSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
