package org.engagement.core.ingest;

/**
 * What an import does with a bad record.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum ImportMode {
  /** Reject the record, report it, and go on (the default). */
  LENIENT,
  /** Stop at the first rejected or duplicate record with an {@link ImportException}. */
  STRICT
}
