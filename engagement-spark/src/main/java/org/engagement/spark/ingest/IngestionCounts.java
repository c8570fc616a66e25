package org.engagement.spark.ingest;

import org.engagement.core.domain.InvalidFieldException;

/**
 * The accounting of one ingestion: every row read was either accepted or rejected.
 *
 * <p>Immutable and thread-safe.
 *
 * @param read the rows of the source
 * @param accepted the rows that became interactions
 * @param rejected the rows refused, each with its reason in {@link Ingested#rejected()}
 * @since 0.1.0
 */
public record IngestionCounts(long read, long accepted, long rejected) {

  /**
   * Checks that the counts add up.
   *
   * @throws InvalidFieldException if a count is negative or read is not accepted + rejected
   */
  public IngestionCounts {
    if (accepted < 0 || rejected < 0 || read != accepted + rejected) {
      throw new InvalidFieldException("read", read,
          "must be accepted (" + accepted + ") + rejected (" + rejected + "), none negative");
    }
  }
}
